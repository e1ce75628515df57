using System.Globalization;
using System.Resources;

namespace Yilian.SharedKernel.Resources;

/// <summary>Marker and accessor for ValidationMessages.resx (zh-CN neutral, en satellite).</summary>
public sealed class ValidationMessages
{
    private static readonly ResourceManager Manager = new(typeof(ValidationMessages));

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Manager.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);
}
