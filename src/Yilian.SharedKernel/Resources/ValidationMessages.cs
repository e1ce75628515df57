using System.Resources;
using Yilian.SharedKernel.Localization;

namespace Yilian.SharedKernel.Resources;

/// <summary>Marker and accessor for ValidationMessages.resx (zh-CN neutral, en satellite).</summary>
public sealed class ValidationMessages
{
    private static readonly ResourceManager Manager = new(typeof(ValidationMessages));

    public static string Format(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
