using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Supply.Resources;

/// <summary>Marker and accessor for SupplyText.resx.</summary>
public sealed class SupplyText
{
    private static readonly ResourceManager Manager = new(typeof(SupplyText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
