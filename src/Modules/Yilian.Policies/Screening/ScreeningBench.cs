using System.Diagnostics;

using Microsoft.Extensions.DependencyInjection;

using Yilian.Policies.Data;

namespace Yilian.Policies.Screening;

/// <summary>The `screen` command: one screening of everyone, timed in its parts (reading, evaluating, listing candidates).</summary>
public static class ScreeningBench
{
    public static async Task<string> RunAsync(IServiceProvider services, DateOnly on, CancellationToken ct)
    {
        var db = services.GetRequiredService<PoliciesDbContext>();
        var policies = await services.GetRequiredService<PolicyCatalog>().CurrentAsync(ct);
        var total = Stopwatch.StartNew();
        var population = await PopulationLoader.LoadAsync(db, null, ct);
        var load = total.Elapsed;
        var evaluate = Stopwatch.StartNew();
        var outcome = ColumnarEngine.Screen(policies, population, on);
        var evaluation = evaluate.Elapsed;
        var candidates = ColumnarEngine.Candidates(policies, population, outcome).Count();
        return $"{population.Count:N0} residents in {population.HouseholdCount:N0} households, {policies.Count} policies on {on:yyyy-MM-dd}: "
            + $"read {load.TotalMilliseconds:F0} ms, evaluate {evaluation.TotalMilliseconds:F0} ms, candidates {candidates:N0}, end to end {total.Elapsed.TotalMilliseconds:F0} ms";
    }
}
