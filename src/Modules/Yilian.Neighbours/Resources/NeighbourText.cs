using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Neighbours.Resources;

/// <summary>Marker and accessor for NeighbourText.resx.</summary>
public sealed class NeighbourText
{
    private static readonly ResourceManager Manager = new(typeof(NeighbourText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
