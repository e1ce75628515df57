using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Policies.Resources;

/// <summary>Marker and accessor for PolicyText.resx (zh-CN neutral, en satellite).</summary>
public sealed class PolicyText
{
    private static readonly ResourceManager Manager = new(typeof(PolicyText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
