using System.Globalization;
using System.Resources;

namespace Yilian.Platform.Resources;

/// <summary>Marker and accessor for PlatformText.resx (zh-CN neutral, en satellite).</summary>
public sealed class PlatformText
{
    private static readonly ResourceManager Manager = new(typeof(PlatformText));

    public static string Get(string key, params object?[] args)
    {
        var text = Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
