using System.Globalization;
using System.Resources;

namespace Yilian.SharedKernel.Localization;

/// <summary>Looks a key up in the current UI culture (zh-CN neutral, en satellite) and formats it; a missing key shows itself.</summary>
public static class ResourceText
{
    public static string Get(ResourceManager manager, string key, object?[] args)
    {
        var text = manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
