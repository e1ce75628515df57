using System.Diagnostics;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using Quartz;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Screening;

public sealed record RunView(
    Guid Id, RunKind Kind, RunStatus Status, DateOnly On, IReadOnlyDictionary<string, int> PolicyVersions,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, DateOnly>> ParameterDates, int Residents, int Households, int Found, int New, int Lapsed,
    long LoadMilliseconds, long EvaluateMilliseconds, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error);

public sealed record StartScreening(RunKind? Kind, DateOnly? Date);

/// <summary>
/// Screening runs (政策找人): a run is recorded, then executed by the scheduler. A full run reads every
/// household; an incremental run only the households an import has changed since the last successful
/// run. Each run records the policy versions and parameter dates it used, adds newly found candidates,
/// and lapses open candidates it no longer finds eligible; what case workers have recorded is kept.
/// </summary>
internal sealed class Screenings(
    PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock, ICurrentUser user, ISchedulerFactory schedulers, ILogger<Screenings> log,
    Microsoft.Extensions.Options.IOptions<Yilian.SharedKernel.Data.DatabaseOptions> database)
{
    public static readonly JobKey Job = new("policy-screening", "policies");

    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    public async Task<RunView> StartAsync(StartScreening request, CancellationToken ct)
    {
        foreach (var running in await db.Runs.Where(r => r.Status == RunStatus.Running).ToListAsync(ct))
        {
            if (clock.GetUtcNow() - running.StartedAt < StaleAfter)
            {
                return View(running); // one at a time: the caller follows the run already under way
            }

            // Interrupted (the instance stopped mid-run): closed as failed, and a new run starts.
            running.Status = RunStatus.Failed;
            running.FinishedAt = clock.GetUtcNow();
            running.Error = PolicyText.Get("Screening_Interrupted");
        }

        var run = new ScreeningRun
        {
            Id = Guid.NewGuid(), Kind = request.Kind ?? RunKind.Full, Status = RunStatus.Running, On = request.Date ?? ChinaTime.Today(clock),
            StartedBy = user.UserName ?? "system", StartedAt = clock.GetUtcNow(),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(Job, new JobDataMap { ["runId"] = run.Id.ToString() }, ct);
        return View(run);
    }

    public async Task<RunView> GetAsync(Guid id, CancellationToken ct) =>
        View(await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("ScreeningRun", id));

    public async Task<IReadOnlyList<RunView>> ListAsync(CancellationToken ct) =>
        [.. (await db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(ct)).Select(View)];

    /// <summary>Runs a recorded screening (called by the scheduler's job, in the system scope).</summary>
    public async Task ExecuteAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.Status != RunStatus.Running)
        {
            return;
        }

        try
        {
            var policies = await catalog.CurrentAsync(ct);
            var since = run.Kind == RunKind.Incremental
                ? await db.Runs.Where(r => r.Status == RunStatus.Succeeded).MaxAsync(r => (long?)r.ChangeSeq, ct)
                : null;
            var watch = Stopwatch.StartNew();
            run.ChangeSeq = await db.Households.MaxAsync(h => (long?)h.ChangeSeq, ct) ?? 0;
            var population = await PopulationLoader.LoadAsync(db, since, ct, catalog.Facts, run.On,
                Path.Combine(database.Value.DataDirectory, "snapshots"), catalog.Dictionary.Version);
            run.LoadMilliseconds = watch.ElapsedMilliseconds;
            watch.Restart();
            var outcome = ColumnarEngine.Screen(policies, population, run.On);
            var found = ColumnarEngine.Candidates(policies, population, outcome).ToList();
            run.EvaluateMilliseconds = watch.ElapsedMilliseconds;
            run.Residents = population.Count;
            run.Households = population.HouseholdCount;
            run.Found = found.Count;
            run.PolicyVersions = JsonSerializer.Serialize(policies.ToDictionary(p => p.Id, p => p.Version));
            run.ParameterDates = JsonSerializer.Serialize(outcome.ParametersUsed.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value));
            var fresh = await ReconcileAsync(run, policies, population, found, since is not null, ct);
            run.Status = RunStatus.Succeeded;
            run.FinishedAt = clock.GetUtcNow();
            // New leads are written in bulk (a first run over a district finds hundreds of thousands), in one transaction with the
            // run and the leads it reopened or lapsed; the run is the record of what it found (each lead names it).
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await Yilian.SharedKernel.Data.BulkWriter.InsertAsync(db, fresh, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            log.LogInformation("Screening {Run} ({Kind}): {Residents} residents, {Found} found, {New} new, {Lapsed} lapsed; load {Load} ms, evaluation {Evaluate} ms",
                run.Id, run.Kind, run.Residents, run.Found, run.New, run.Lapsed, run.LoadMilliseconds, run.EvaluateMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Screening {Run} failed", run.Id);
            db.ChangeTracker.Clear();
            var failed = await db.Runs.FirstAsync(r => r.Id == runId, ct);
            failed.Status = RunStatus.Failed;
            failed.FinishedAt = clock.GetUtcNow();
            failed.Error = PolicyText.Get("Screening_Failed");
            await db.SaveChangesAsync(ct);
        }
    }

    /// <returns>The new leads, for the caller to write in bulk.</returns>
    private async Task<List<Candidate>> ReconcileAsync(
        ScreeningRun run, IReadOnlyList<Policy> policies, Population population, List<(int Row, string PolicyId)> found, bool incremental, CancellationToken ct)
    {
        var fresh = new List<Candidate>();
        // What is on record, read without tracking (a full run compares hundreds of thousands of leads); only changed leads are then loaded to update.
        var versions = policies.ToDictionary(p => p.Id, p => p.Version);
        var existing = new Dictionary<(Guid, string), (Guid Id, CandidateStatus Status)>();
        var query = db.Candidates.AsNoTracking();
        var chunks = incremental ? population.HouseholdIds.Chunk(500).ToList() : [[]];
        foreach (var chunk in chunks)
        {
            var rows = incremental ? query.Where(c => chunk.Contains(c.HouseholdId)) : query;
            foreach (var c in await rows.Select(c => new { c.Id, c.ResidentId, c.PolicyId, c.Status }).ToListAsync(ct))
            {
                existing[(c.ResidentId, c.PolicyId)] = (c.Id, c.Status);
            }
        }

        var now = clock.GetUtcNow();
        var stillFound = new HashSet<(Guid, string)>();
        var reopen = new List<Guid>();
        foreach (var (row, policyId) in found)
        {
            var key = (population.ResidentIds[row], policyId);
            stillFound.Add(key);
            if (existing.TryGetValue(key, out var known))
            {
                if (known.Status == CandidateStatus.Lapsed)
                {
                    reopen.Add(known.Id);
                }

                continue;
            }

            fresh.Add(new Candidate
            {
                Id = Guid.CreateVersion7(), ResidentId = population.ResidentIds[row], HouseholdId = population.HouseholdIds[population.Household[row]],
                RegionCode = population.Region("household.registration_region").Data[population.Household[row]] ?? "", PolicyId = policyId,
                PolicyVersion = versions[policyId], FoundInRunId = run.Id, FoundOn = run.On, Status = CandidateStatus.Open, FoundAt = now,
            });
            run.New++;
        }

        // Open leads a run over their household no longer finds eligible lapse; follow-ups already recorded stay.
        var lapse = existing.Where(e => e.Value.Status == CandidateStatus.Open && !stillFound.Contains(e.Key)).Select(e => e.Value.Id).ToList();
        foreach (var chunk in reopen.Concat(lapse).Chunk(500))
        {
            foreach (var candidate in await db.Candidates.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
            {
                if (candidate.Status == CandidateStatus.Lapsed)
                {
                    candidate.Status = CandidateStatus.Open;
                    candidate.FoundInRunId = run.Id;
                    candidate.FoundOn = run.On;
                    candidate.PolicyVersion = versions[candidate.PolicyId];
                    run.New++;
                }
                else
                {
                    candidate.Status = CandidateStatus.Lapsed;
                    candidate.HandledAt = now;
                    candidate.Note = PolicyText.Get("Screening_Lapsed", run.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    run.Lapsed++;
                }
            }
        }

        return fresh;
    }

    private static RunView View(ScreeningRun r) => new(
        r.Id, r.Kind, r.Status, r.On, JsonSerializer.Deserialize<Dictionary<string, int>>(r.PolicyVersions)!,
        JsonSerializer.Deserialize<Dictionary<string, IReadOnlyDictionary<string, DateOnly>>>(r.ParameterDates)!,
        r.Residents, r.Households, r.Found, r.New, r.Lapsed, r.LoadMilliseconds, r.EvaluateMilliseconds, r.StartedBy, r.StartedAt, r.FinishedAt, r.Error);
}

/// <summary>Executes a recorded screening run; one at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class ScreeningJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await SystemScope.WithAsync<Screenings>(services, async screenings =>
        {
            if (Guid.TryParse(context.MergedJobDataMap.GetString("runId"), out var runId))
            {
                await screenings.ExecuteAsync(runId, cancellationToken);
                return;
            }

            // The nightly trigger (or one after an import): record an incremental run, which the scheduler then executes.
            await screenings.StartAsync(new StartScreening(RunKind.Incremental, null), cancellationToken);
        });
}
