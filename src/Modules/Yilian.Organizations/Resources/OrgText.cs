using System.Resources;
using Yilian.SharedKernel.Localization;

namespace Yilian.Organizations.Resources;

/// <summary>Marker and accessor for OrgText.resx.</summary>
public sealed class OrgText
{
    private static readonly ResourceManager Manager = new(typeof(OrgText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
