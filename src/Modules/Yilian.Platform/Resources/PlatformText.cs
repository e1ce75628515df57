using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Platform.Resources;

/// <summary>Marker and accessor for PlatformText.resx (zh-CN neutral, en satellite).</summary>
public sealed class PlatformText
{
    private static readonly ResourceManager Manager = new(typeof(PlatformText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
