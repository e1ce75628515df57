using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Activities.Resources;

/// <summary>Marker and accessor for ActivityText.resx (zh-CN neutral, en satellite).</summary>
public sealed class ActivityText
{
    private static readonly ResourceManager Manager = new(typeof(ActivityText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
