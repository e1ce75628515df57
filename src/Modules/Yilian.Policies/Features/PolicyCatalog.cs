using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies;

/// <summary>
/// The policies in force: the shipped catalogue as version 1, overlaid by every version operators have
/// published (the highest of each id is current; earlier versions stay available to explain past runs).
/// Reloaded from the database at most once a minute, and at once in the instance that publishes.
/// </summary>
public sealed class PolicyCatalog(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public const int MaxFileChars = 200_000;

    public static SelfCheckResult RunSelfCheck(
        Dictionary<string, List<string>>? given, DateOnly? date, IReadOnlyList<Policy> policies, TimeProvider clock,
            FactCatalog? facts = null)
    {
        var on = date ?? ChinaTime.Today(clock);
        var answers = given?.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
        if (answers?.Count > 40)
        {
            throw InputValidationException.For("answers", PolicyText.Get("Check_TooManyAnswers"));
        }

        var known = SelfCheck.Facts(answers, on, out var problems, facts);
        if (problems.Count > 0)
        {
            throw new InputValidationException(problems.GroupBy(p => p.Attribute).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return SelfCheck.Run(policies, known, on, facts);
    }

    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Shipped();

    public IReadOnlyList<Policy> Policies => _snapshot.Current;

    /// <summary>The facts in force: built in, and those the district's data dictionary declares.</summary>
    public FactCatalog Facts => _snapshot.Facts;

    /// <summary>The dictionary's published version (0: none yet) and text.</summary>
    public (int Version, string Text) Dictionary => (_snapshot.DictionaryVersion, _snapshot.DictionaryText);

    /// <summary>Policies taken out of force, with the version that retired them and why.</summary>
    public IReadOnlyList<PolicyVersionInfo> Retired => _snapshot.Retired;

    public async Task<IReadOnlyList<Policy>> CurrentAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _snapshot.LoadedAt > Freshness)
        {
            await ReloadAsync(ct);
        }

        return _snapshot.Current;
    }

    /// <summary>A given version (for a past run's explanation), or null if it was never published.</summary>
    public Policy? Version(string id, int version) => _snapshot.Versions.GetValueOrDefault((id, version));

    /// <summary>The highest version ever recorded for a policy, retired or not (0 when none).</summary>
    public int HighestVersion(string id) => _snapshot.Highest.GetValueOrDefault(id);

    /// <summary>The text a version was published with (shipped policies: their catalogue file).</summary>
    public string? Text(string id, int version) => _snapshot.Texts.GetValueOrDefault((id, version));

    public async Task ReloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            var (rows, dictionary) = await SystemScope.WithAsync<PoliciesDbContext, (List<PolicyVersion>, DataDictionaryVersion?)>(scopes,
                async db =>
                (await db.Versions.AsNoTracking().ToListAsync(ct),
                 await db.Dictionaries.AsNoTracking().OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)));
            _snapshot = Snapshot.Build(rows, dictionary, clock.GetUtcNow());
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>Shipped policies keep their catalogue order; new ones follow.</summary>
    private static int Order(string id) => ShippedPolicies.All().Select(p => p.Id).ToList().IndexOf(id) is >= 0 and var i ? i : int.MaxValue;

    private sealed record Snapshot(
        IReadOnlyList<Policy> Current, FactCatalog Facts, int DictionaryVersion, string DictionaryText,
            IReadOnlyList<PolicyVersionInfo> Retired,
        Dictionary<(string, int), Policy> Versions, Dictionary<(string, int), string> Texts, Dictionary<string, int> Highest,
            DateTimeOffset LoadedAt)
    {
        public static Snapshot Shipped() => Build([], null, DateTimeOffset.MinValue);

        /// <summary>
        /// Every version parsed against the dictionary in force; an old version that no longer reads (it used a fact the
        /// district has since removed) is left out of explanations rather than stopping the catalogue.
        /// </summary>
        public static Snapshot Build(List<PolicyVersion> rows, DataDictionaryVersion? dictionary, DateTimeOffset now)
        {
            var facts = dictionary is null ? FactCatalog.BuiltIn : DataDictionary.TryParse(dictionary.Text, []) ?? FactCatalog.BuiltIn;
            var texts = ShippedPolicies.Files().Select(f => f.Text).Zip(ShippedPolicies.All()).ToDictionary(x => (x.Second.Id,
                x.Second.Version), x => x.First);
            var versions = new Dictionary<(string, int), Policy>();
            foreach (var ((id, version), text) in texts)
            {
                if (PolicyParser.TryParse(text, [], facts) is { } policy)
                {
                    versions[(id, version)] = policy;
                }
            }

            foreach (var row in rows)
            {
                texts[(row.PolicyId, row.Version)] = row.Text;
                if (PolicyParser.TryParse(row.Text, [], facts) is { } policy)
                {
                    versions[(row.PolicyId, row.Version)] = policy with { Version = row.Version };
                }
            }

            var highest = texts.Keys.GroupBy(k => k.Item1).ToDictionary(g => g.Key, g => g.Max(k => k.Item2));
            var retiredRows = rows.Where(r => r.Retired && highest[r.PolicyId] == r.Version).ToList();
            var current = versions.Values.Where(p => highest[p.Id] == p.Version && !retiredRows.Any(r => r.PolicyId == p.Id))
                .OrderBy(p => Order(p.Id)).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            var retired = retiredRows.Select(r => new PolicyVersionInfo(
                r.PolicyId, versions.GetValueOrDefault((r.PolicyId, r.Version))?.Name ?? r.PolicyId, r.Version, r.PublishedBy,
                    r.PublishedAt, r.Note)).ToList();
            return new Snapshot(current, facts, dictionary?.Version ?? 0, dictionary?.Text ?? "", retired, versions, texts, highest, now);
        }
    }
}

/// <summary>A recorded version of a policy: who published (or retired) it, when, and why.</summary>
public sealed record PolicyVersionInfo(string Id, string Name, int Version, string By, DateTimeOffset At, string? Note);

public sealed record PublishRequest(string? Text);

/// <summary>Publishes a new version of a policy: valid, with a higher version number than the one in force, and consistent with the rest of the set.</summary>
internal sealed class PolicyPublishing(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock, ICurrentUser user)
{
    public async Task<Policy> PublishAsync(string? text, CancellationToken ct)
    {
        if (text is not { Length: > 0 and <= PolicyCatalog.MaxFileChars })
        {
            throw InputValidationException.For("text", PolicyText.Get("Publish_TextRequired", PolicyCatalog.MaxFileChars / 1000));
        }

        var current = await catalog.CurrentAsync(ct);
        var problems = new List<PolicyProblem>();
        var policy = PolicyParser.TryParse(text, problems, catalog.Facts);
        if (policy is not null)
        {
            problems.AddRange(PolicyParser.CheckSet([.. current.Where(p => p.Id != policy.Id), policy]));
            if (catalog.HighestVersion(policy.Id) is > 0 and var highest && policy.Version <= highest)
            {
                problems.Add(new PolicyProblem(2, 1, PolicyText.Get("Publish_VersionTooLow", highest)));
            }
        }

        if (policy is null || problems.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["text"] = [.. problems.Select(p => p.ToString())] });
        }

        db.Versions.Add(new PolicyVersion
        {
            Id = Guid.NewGuid(), PolicyId = policy.Id, Version = policy.Version, Text = text, PublishedBy = user.UserName ?? "system", PublishedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw PolicyRules.PolicyVersionTaken.Broken(policy.Id, policy.Version);
        }

        await catalog.ReloadAsync(ct);
        return policy;
    }
}
