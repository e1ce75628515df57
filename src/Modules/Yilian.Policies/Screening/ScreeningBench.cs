using System.Diagnostics;

using Microsoft.Extensions.DependencyInjection;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;

namespace Yilian.Policies.Screening;

/// <summary>The `screen` command: one screening of everyone, timed in its parts (reading, evaluating, listing candidates); with --store also a recorded run that writes the leads.</summary>
public static class ScreeningBench
{
    public static async Task<string> RunAsync(IServiceProvider services, DateOnly on, bool store, CancellationToken ct)
    {
        var db = services.GetRequiredService<PoliciesDbContext>();
        var catalog = services.GetRequiredService<PolicyCatalog>();
        var policies = await catalog.CurrentAsync(ct);
        var total = Stopwatch.StartNew();
        var database = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Yilian.SharedKernel.Data.DatabaseOptions>>().Value;
        var snapshots = Path.Combine(database.DataDirectory, "snapshots");
        var population = await PopulationLoader.LoadAsync(db, null, ct, catalog.Facts, on, snapshots, catalog.Dictionary.Version);
        var load = total.Elapsed;
        var evaluate = Stopwatch.StartNew();
        var outcome = ColumnarEngine.Screen(policies, population, on);
        var evaluation = evaluate.Elapsed;
        var candidates = ColumnarEngine.Candidates(policies, population, outcome).Count();
        var summary = $"{population.Count:N0} residents in {population.HouseholdCount:N0} households, {policies.Count} policies on {on:yyyy-MM-dd}: "
            + $"read {load.TotalMilliseconds:F0} ms, evaluate {evaluation.TotalMilliseconds:F0} ms, candidates {candidates:N0}, end to end {total.Elapsed.TotalMilliseconds:F0} ms";
        if (!store)
        {
            return summary;
        }

        // A real run as the scheduler executes it: recorded, screened, leads added or lapsed (audited writes).
        var screenings = services.GetRequiredService<Screenings>();
        var stored = Stopwatch.StartNew();
        var run = await screenings.StartAsync(new StartScreening(RunKind.Full, on), ct);
        await screenings.ExecuteAsync(run.Id, ct);
        var done = await screenings.GetAsync(run.Id, ct);
        return summary + $"\nstored run: {done.Status}, {done.Found:N0} found, {done.New:N0} new, {done.Lapsed:N0} lapsed; read {done.LoadMilliseconds} ms, "
            + $"evaluate {done.EvaluateMilliseconds} ms, whole run with storing leads {stored.Elapsed.TotalMilliseconds:F0} ms";
    }
}
