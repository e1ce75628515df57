using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Discovery.Resources;

/// <summary>Marker and accessor for DiscoveryText.resx.</summary>
public sealed class DiscoveryText
{
    private static readonly ResourceManager Manager = new(typeof(DiscoveryText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
