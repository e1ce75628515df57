using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Volunteers.Resources;

/// <summary>Marker and accessor for VolunteerText.resx (zh-CN neutral, en satellite).</summary>
public sealed class VolunteerText
{
    private static readonly ResourceManager Manager = new(typeof(VolunteerText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
