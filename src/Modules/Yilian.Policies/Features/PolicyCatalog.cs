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

    public static SelfCheckResult RunSelfCheck(Dictionary<string, List<string>>? given, DateOnly? date, IReadOnlyList<Policy> policies, TimeProvider clock)
    {
        var on = date ?? ChinaTime.Today(clock);
        var answers = given?.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
        if (answers?.Count > 40)
        {
            throw InputValidationException.For("answers", PolicyText.Get("Check_TooManyAnswers"));
        }

        var facts = SelfCheck.Facts(answers, on, out var problems);
        if (problems.Count > 0)
        {
            throw new InputValidationException(problems.GroupBy(p => p.Attribute).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return SelfCheck.Run(policies, facts, on);
    }

    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot _snapshot = new(ShippedPolicies.All(), DateTimeOffset.MinValue);
    private Dictionary<(string, int), Policy> _versions = ShippedPolicies.All().ToDictionary(p => (p.Id, p.Version));

    public IReadOnlyList<Policy> Policies => _snapshot.Current;

    public async Task<IReadOnlyList<Policy>> CurrentAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _snapshot.LoadedAt > Freshness)
        {
            await ReloadAsync(ct);
        }

        return _snapshot.Current;
    }

    /// <summary>A given version (for a past run's explanation), or null if it was never published.</summary>
    public Policy? Version(string id, int version) => _versions.GetValueOrDefault((id, version));

    public async Task ReloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            var rows = await SystemScope.WithAsync<PoliciesDbContext, List<PolicyVersion>>(scopes, db => db.Versions.AsNoTracking().ToListAsync(ct));
            var versions = ShippedPolicies.All().ToDictionary(p => (p.Id, p.Version));
            foreach (var row in rows)
            {
                versions[(row.PolicyId, row.Version)] = PolicyParser.Parse(row.Text);
            }

            _versions = versions;
            _snapshot = new Snapshot([.. versions.Values.GroupBy(p => p.Id).Select(g => g.MaxBy(p => p.Version)!).OrderBy(p => Order(p.Id))], clock.GetUtcNow());
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>Shipped policies keep their catalogue order; new ones follow.</summary>
    private static int Order(string id) => ShippedPolicies.All().Select(p => p.Id).ToList().IndexOf(id) is >= 0 and var i ? i : int.MaxValue;


    private sealed record Snapshot(IReadOnlyList<Policy> Current, DateTimeOffset LoadedAt);
}

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
        var policy = PolicyParser.TryParse(text, problems);
        if (policy is not null)
        {
            problems.AddRange(PolicyParser.CheckSet([.. current.Where(p => p.Id != policy.Id), policy]));
            if (current.FirstOrDefault(p => p.Id == policy.Id) is { } inForce && policy.Version <= inForce.Version)
            {
                problems.Add(new PolicyProblem(2, 1, PolicyText.Get("Publish_VersionTooLow", inForce.Version)));
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
