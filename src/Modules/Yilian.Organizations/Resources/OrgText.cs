using System.Globalization;
using System.Resources;

namespace Yilian.Organizations.Resources;

/// <summary>Marker and accessor for OrgText.resx.</summary>
public sealed class OrgText
{
    private static readonly ResourceManager Manager = new(typeof(OrgText));

    public static string Get(string key, params object?[] args)
    {
        var text = Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
