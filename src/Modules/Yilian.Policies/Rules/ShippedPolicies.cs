namespace Yilian.Policies.Rules;

/// <summary>The policies shipped with Yilian (files under Catalog/, embedded), modeled on Chinese social assistance; amounts are illustrative.</summary>
public static class ShippedPolicies
{
    public static IReadOnlyList<(string File, string Text)> Files() =>
        [.. typeof(ShippedPolicies).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("policies/", StringComparison.Ordinal)).Order()
            .Select(n =>
            {
                using var stream = typeof(ShippedPolicies).Assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n["policies/".Length..], reader.ReadToEnd());
            })];

    private static readonly Lazy<IReadOnlyList<Policy>> Parsed = new(() => [.. Files().Select(f => PolicyParser.Parse(f.Text))]);

    /// <summary>Parsed once; policies are immutable records.</summary>
    public static IReadOnlyList<Policy> All() => Parsed.Value;
}
