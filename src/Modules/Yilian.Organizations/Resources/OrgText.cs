using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Organizations.Resources;

/// <summary>Marker and accessor for OrgText.resx.</summary>
public sealed class OrgText
{
    private static readonly ResourceManager Manager = new(typeof(OrgText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}

/// <summary>Chinese labels regardless of the caller's language: a sheet filled in Chinese imports for an English-speaking operator too.</summary>
internal static class OrgTextLookup
{
    private static readonly System.Resources.ResourceManager Manager = new(typeof(OrgText));

    public static string? Chinese(string key) => Manager.GetString(key, System.Globalization.CultureInfo.InvariantCulture);
}
