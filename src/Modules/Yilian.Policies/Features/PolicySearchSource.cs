using Yilian.Platform.Contracts;
using Yilian.Policies.Domain;
using Yilian.Policies.Rules;

namespace Yilian.Policies.Features;

/// <summary>The relief policies in force in the search box, by name, then department, benefit and legal basis; a retired one
/// leaves. The catalogue is small, so a published version refreshes every policy's document. Called by the search indexer.</summary>
internal sealed class PolicySearchSource(PolicyCatalog catalog) : ISearchSource
{
    public string Kind => "policy";

    public IReadOnlyCollection<string> Watches { get; } = [nameof(PolicyVersion)];

    public async Task<IReadOnlyDictionary<string, SearchDocument?>> AffectedAsync(string entityType, IReadOnlyCollection<string> entityIds,
        CancellationToken ct)
    {
        await catalog.ReloadAsync(ct);
        var answer = catalog.Retired.ToDictionary(r => r.Id, _ => (SearchDocument?)null);
        foreach (var policy in catalog.Policies)
        {
            answer[policy.Id] = DocumentOf(policy);
        }

        return answer;
    }

    public async Task<IReadOnlyList<SearchDocument>> PageAsync(string? after, int take, CancellationToken ct)
    {
        var current = await catalog.CurrentAsync(ct);
        return [.. current.Where(p => after is null || string.CompareOrdinal(p.Id, after) > 0).OrderBy(p => p.Id, StringComparer.Ordinal)
            .Take(take).Select(DocumentOf)];
    }

    private static SearchDocument DocumentOf(Policy p) => new(
        p.Id, p.Name, string.Join(' ', p.Department, p.Benefit.Description, p.LegalBasis), string.Join(" · ", p.Department,
            p.Benefit.Description), "/check", SearchAudience.Public, DateTimeOffset.UnixEpoch);
}
