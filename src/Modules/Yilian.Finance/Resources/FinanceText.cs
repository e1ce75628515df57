using System.Resources;

using Yilian.SharedKernel.Localization;

namespace Yilian.Finance.Resources;

/// <summary>Marker and accessor for FinanceText.resx.</summary>
public sealed class FinanceText
{
    private static readonly ResourceManager Manager = new(typeof(FinanceText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
