using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Imports;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Policies.Features;

public sealed record CandidateView(
    Guid Id, Guid ResidentId, string Name, string RegionCode, string PolicyId, string PolicyName, int PolicyVersion, DateOnly FoundOn,
    CandidateStatus Status, string? Note, string? HandledBy, DateTimeOffset? HandledAt, string? AssignedToName = null, bool AssignedToMe = false);

public sealed record OutcomeRequest(CandidateStatus? Status, string? Note);

public sealed record AssignRequest(string? WorkerId);

public sealed record PolicyOutcome(string PolicyId, string PolicyName, Outcome Outcome, bool Receiving, IReadOnlyList<TraceLine> Trace);

/// <summary>One resident's check against every policy in force (政策体检), for a case worker who looked them up by ID number.</summary>
public sealed record ResidentCheck(Guid ResidentId, string Name, string IdNumber, string RegionCode, string Household, DateOnly On, IReadOnlyList<PolicyOutcome> Policies, IReadOnlyList<string> Conflicts);

public sealed record TraceView(Guid ResidentId, string Name, string PolicyId, string PolicyName, int PolicyVersion, DateOnly On, Outcome Outcome,
    IReadOnlyList<TraceLine> Trace, IReadOnlyDictionary<string, DateOnly> ParametersUsed, IReadOnlyList<string> Conflicts);

/// <summary>
/// The case workers' side of 政策找人 (救助管家): the list of people found, the explanation of why, and the
/// follow-up — contacted, applied, declined, or not eligible after a visit. What each case worker sees is
/// limited by the data scope (their community or street), through the module's query filters.
/// </summary>
internal sealed class Casework(
    PoliciesDbContext db, PolicyCatalog catalog, IAccountDirectory accounts, INotificationOutbox outbox, IDataScopeProvider scope, TimeProvider clock, ICurrentUser user)
{
    public async Task<PagedResult<CandidateView>> ListAsync(string? policy, CandidateStatus? status, Guid? run, int? page, CancellationToken ct, string? assigned = null)
    {
        var query = db.Candidates.AsNoTracking();
        // "mine": the leads the caller took on; "none": nobody has yet.
        if (assigned == "mine")
        {
            query = query.Where(c => c.AssignedTo == user.UserId);
        }
        else if (assigned == "none")
        {
            query = query.Where(c => c.AssignedTo == null);
        }

        if (!string.IsNullOrWhiteSpace(policy))
        {
            query = query.Where(c => c.PolicyId == policy);
        }

        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (run is { } r)
        {
            query = query.Where(c => c.FoundInRunId == r);
        }

        var number = Math.Max(1, page ?? 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Status).ThenBy(c => c.RegionCode).ThenBy(c => c.PolicyId).ThenBy(c => c.Id)
            .Skip((number - 1) * 50).Take(50)
            .Join(db.Residents, c => c.ResidentId, r => r.Id, (c, r) => new { c, r.Name })
            .ToListAsync(ct);
        return new PagedResult<CandidateView>([.. rows.Select(x => View(x.c, x.Name))], total, number, 50);
    }

    public async Task<CandidateView> FindAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        var name = await db.Residents.Where(r => r.Id == candidate.ResidentId).Select(r => r.Name).FirstAsync(ct);
        return View(candidate, name);
    }

    public async Task<CandidateView> RecordAsync(Guid id, OutcomeRequest request, CancellationToken ct)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        if (request.Status is not (CandidateStatus.Contacted or CandidateStatus.Applied or CandidateStatus.Declined or CandidateStatus.NotEligible) || request.Status is not { } status)
        {
            throw InputValidationException.For("status", PolicyText.Get("Casework_ChooseOutcome"));
        }

        var note = request.Note?.Trim();
        if (note is { Length: > 0 } && TextRules.Check(note, 1000, multiline: true, allowMarkup: false) is { } rule)
        {
            throw InputValidationException.For("note", Yilian.SharedKernel.Resources.ValidationMessages.Format(rule, PolicyText.Get("Casework_Note"), 1000));
        }

        if (status is CandidateStatus.Declined or CandidateStatus.NotEligible && string.IsNullOrEmpty(note))
        {
            throw InputValidationException.For("note", PolicyText.Get("Casework_ReasonRequired"));
        }

        if (candidate.Status is not (CandidateStatus.Open or CandidateStatus.Contacted))
        {
            throw PolicyRules.CandidateClosed.Broken();
        }

        RequireFreeOrMine(candidate);

        candidate.Status = status;
        candidate.Note = note;
        candidate.HandledBy = user.UserName;
        candidate.HandledAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var name = await db.Residents.Where(r => r.Id == candidate.ResidentId).Select(r => r.Name).FirstAsync(ct);
        return View(candidate, name);
    }

    /// <summary>
    /// Takes the lead on (认领), so two case workers do not call the same family; taking it again is harmless.
    /// A lead someone else holds is refused with their name.
    /// </summary>
    public async Task<CandidateView> ClaimAsync(Guid id, CancellationToken ct)
    {
        var name = await accounts.DisplayNameOfAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The guard and the lock in one statement: only a lead nobody holds (or the caller does) is touched, and the row stays
        // locked until commit (PostgreSQL; SQLite's write transaction serializes), so of two workers claiming at once one wins.
        var free = await db.Candidates.Where(c => c.Id == id && (c.AssignedTo == null || c.AssignedTo == user.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedAt, c => c.AssignedAt), ct) == 1;
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        if (candidate.Status is not (CandidateStatus.Open or CandidateStatus.Contacted))
        {
            throw PolicyRules.CandidateClosed.Broken();
        }

        if (!free)
        {
            RequireFreeOrMine(candidate);
        }

        if (candidate.AssignedTo != user.UserId)
        {
            // Written through the tracked entity, so the audit trail records who took it on.
            candidate.AssignedTo = user.UserId;
            candidate.AssignedToName = name;
            candidate.AssignedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return await ViewAsync(candidate, ct);
    }

    /// <summary>Whether the caller hands leads out: a platform operator, or a case worker of a whole street or district.</summary>
    public bool MayAssign => PolicyPermissions.AssignsLeads(user, scope.Current);

    /// <summary>The case workers a lead can be handed to: those whose area covers its community.</summary>
    public async Task<IReadOnlyList<AccountRef>> WorkersForAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        return await accounts.CaseWorkersAsync(candidate.RegionCode, ct);
    }

    /// <summary>
    /// A supervisor hands a lead to a case worker of its community or street (转派), taking it from whoever held it;
    /// the worker is told in the app.
    /// </summary>
    public async Task<CandidateView> AssignAsync(Guid id, string? workerId, CancellationToken ct)
    {
        if (!MayAssign)
        {
            throw new ForbiddenException(PolicyText.Get("Casework_AssignForbidden"));
        }

        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        if (candidate.Status is not (CandidateStatus.Open or CandidateStatus.Contacted))
        {
            throw PolicyRules.CandidateClosed.Broken();
        }

        var worker = (await accounts.CaseWorkersAsync(candidate.RegionCode, ct)).FirstOrDefault(w => w.Id == workerId)
            ?? throw InputValidationException.For("workerId", PolicyText.Get("Casework_NotAWorker"));
        candidate.AssignedTo = worker.Id;
        candidate.AssignedToName = worker.DisplayName;
        candidate.AssignedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var view = await ViewAsync(candidate, ct);
        await outbox.EnqueueAsync([new OutgoingNotification(PersonKeys.User(worker.Id), worker.Id, NotificationChannels.InApp, null, PolicyText.Get("Casework_AssignedTitle"),
            PolicyText.Get("Casework_AssignedBody", view.PolicyName, view.Name), $"/admin/relief/candidates/{id}", $"lead:{id}:{worker.Id}:{candidate.AssignedAt:O}")], ct);
        return view;
    }

    /// <summary>Lets a lead go (the one who took it on, or a supervisor: a platform operator), back to the shared list.</summary>
    public async Task<CandidateView> ReleaseAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id);
        if (candidate.AssignedTo is not null && candidate.AssignedTo != user.UserId && !PolicyPermissions.OverridesHolders(user))
        {
            throw new ForbiddenException(PolicyText.Get("Casework_ClaimedBy", candidate.AssignedToName ?? ""));
        }

        candidate.AssignedTo = null;
        candidate.AssignedToName = null;
        candidate.AssignedAt = null;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(candidate, ct);
    }

    private void RequireFreeOrMine(Candidate candidate)
    {
        if (candidate.AssignedTo is not null && candidate.AssignedTo != user.UserId)
        {
            throw PolicyRules.CandidateClaimed.Broken(candidate.AssignedToName ?? "");
        }
    }

    private async Task<CandidateView> ViewAsync(Candidate candidate, CancellationToken ct) =>
        View(candidate, await db.Residents.Where(r => r.Id == candidate.ResidentId).Select(r => r.Name).FirstAsync(ct));

    /// <summary>
    /// Why a resident is or is not eligible: every condition with the value used and the department (and
    /// date) it came from; a candidate's explanation uses the policy version of the run that found them.
    /// </summary>
    public async Task<TraceView> TraceAsync(Guid residentId, string policyId, int? version, DateOnly? on, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct) ?? throw new NotFoundException("Resident", residentId);
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        var current = await catalog.CurrentAsync(ct);
        var policy = (version is { } v ? catalog.Version(policyId, v) : current.FirstOrDefault(p => p.Id == policyId)) ?? throw new NotFoundException("Policy", policyId);
        var date = on ?? ChinaTime.Today(clock);
        var reports = await db.Facts.AsNoTracking().Where(f => f.SubjectId == resident.Id || f.SubjectId == household.Id).ToListAsync(ct);
        var facts = FactsOf(resident, household, reports);
        var others = current.ToDictionary(p => p.Id);
        var evaluation = Evaluator.Evaluate(policy, facts, date, Other);
        var conflicts = Conflicts(reports);
        return new TraceView(resident.Id, PersonName.Mask(resident.Name), policy.Id, policy.Name, policy.Version, date, evaluation.Outcome, evaluation.Trace, evaluation.ParametersUsed, conflicts);

        Outcome Other(string id) => others.TryGetValue(id, out var other) ? Evaluator.Evaluate(other, facts, date, Other).Outcome : Outcome.Unknown;
    }

    /// <summary>
    /// Finds a resident by ID number (through the keyed hash; nobody outside the caller's scope is found) and
    /// checks them against every policy in force, each with its trace.
    /// </summary>
    public async Task<ResidentCheck> LookupAsync(string? idNumber, DateOnly? on, CancellationToken ct)
    {
        var date = on ?? ChinaTime.Today(clock);
        var parsed = ChineseIdNumber.Parse(idNumber, ChinaTime.Today(clock));
        if (!parsed.IsValid)
        {
            throw InputValidationException.For("idNumber", Yilian.SharedKernel.Resources.ValidationMessages.Format("IdNumber_" + parsed.Error, Department.IdHeader));
        }

        var index = (PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.")).BlindIndex(parsed.Value!);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.IdNumberIndex == index, ct)
            ?? throw new NotFoundException("Resident", ChineseIdNumber.Mask(parsed.Value));
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        var reports = await db.Facts.AsNoTracking().Where(f => f.SubjectId == resident.Id || f.SubjectId == household.Id).ToListAsync(ct);
        var facts = FactsOf(resident, household, reports);
        var policies = await catalog.CurrentAsync(ct);
        var byId = policies.ToDictionary(p => p.Id);
        var results = new Dictionary<string, Evaluation>();
        var receiving = resident.Receiving.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var outcomes = policies.Select(p => (Policy: p, Evaluation: Evaluate(p)))
            .Select(x => new PolicyOutcome(x.Policy.Id, x.Policy.Name, x.Evaluation.Outcome, receiving.Contains(x.Policy.Id), x.Evaluation.Trace)).ToList();
        return new ResidentCheck(resident.Id, PersonName.Mask(resident.Name), ChineseIdNumber.Mask(parsed.Value), resident.RegionCode, household.Number, date, outcomes, Conflicts(reports));

        Evaluation Evaluate(Policy policy)
        {
            if (!results.TryGetValue(policy.Id, out var evaluation))
            {
                evaluation = results[policy.Id] = Evaluator.Evaluate(policy, facts, date, id => byId.TryGetValue(id, out var other) ? Evaluate(other).Outcome : Outcome.Unknown);
            }

            return evaluation;
        }
    }

    private static List<string> Conflicts(IReadOnlyList<ResidentFact> reports) =>
        [.. reports.Where(r => r.Conflict).GroupBy(r => r.Attribute)
            .Select(g => $"{AttributeCatalog.All.GetValueOrDefault(g.Key)?.Label ?? g.Key}：" + string.Join("；", g.Select(r => $"{DepartmentName(r.Department)} 报 {Shown(r.Attribute, r.Value)}（{r.AsOf:yyyy-MM-dd}）")))];

    /// <summary>A resident's facts in force, each with the department (and date) it came from.</summary>
    internal static Dictionary<string, Fact> FactsOf(Resident resident, Household household, IReadOnlyList<ResidentFact> reports)
    {
        var population = Screening.PopulationLoader.Of(resident, household);
        var facts = population.FactsOf(0, DateOnly.MinValue);
        var sourced = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var (attribute, fact) in facts)
        {
            var from = reports.Where(r => r.Attribute == attribute).OrderByDescending(r => r.AsOf).ToList();
            sourced[attribute] = attribute switch
            {
                "household.registration_region" => fact with { Source = "公安户籍" },
                "person.birth_date" => fact with { Source = "公安户籍（身份证号）" },
                _ when from.Count > 0 => fact with { Source = string.Join("、", from.Select(r => DepartmentName(r.Department)).Distinct()), AsOf = from[0].AsOf },
                _ => fact with { Source = "无部门报送，按“无”计" },
            };
        }

        return sourced;
    }

    private static string DepartmentName(string code) => Departments.Find(code)?.Name ?? code;

    private static string Shown(string attribute, string value) =>
        value.Length == 0 ? "无" : string.Join("、", value.Split(',').Select(v => Departments.Label(attribute, v)));

    private CandidateView View(Candidate c, string name) => new(
        c.Id, c.ResidentId, PersonName.Mask(name), c.RegionCode, c.PolicyId, catalog.Policies.FirstOrDefault(p => p.Id == c.PolicyId)?.Name ?? c.PolicyId,
        c.PolicyVersion, c.FoundOn, c.Status, c.Note, c.HandledBy, c.HandledAt, c.AssignedToName, c.AssignedTo is not null && c.AssignedTo == user.UserId);
}
