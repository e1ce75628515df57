using System.Globalization;
using System.Resources;

namespace Yilian.Web.Resources;

/// <summary>Marker and accessor for WebText.resx: the shells, menus and error titles.</summary>
public sealed class WebText
{
    private static readonly ResourceManager Manager = new(typeof(WebText));

    public static string Get(string key, params object?[] args)
    {
        var text = Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
