using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;

namespace Yilian.Policies.Features;

public sealed record TraceView(
    Guid ResidentId, string Name, string PolicyId, string PolicyName, int PolicyVersion, DateOnly On, Outcome Outcome,
    IReadOnlyList<TraceLine> Trace, IReadOnlyDictionary<string, DateOnly> ParametersUsed, IReadOnlyList<string> Conflicts);

/// <summary>
/// Why a resident is or is not eligible: every condition with the value used and the department (and date) it came
/// from; a candidate's explanation uses the policy version of the run that found them.
/// </summary>
internal sealed class EligibilityTraces(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock)
{
    public async Task<TraceView> TraceAsync(Guid residentId, string policyId, int? version, DateOnly? on, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == residentId, ct)
            ?? throw new NotFoundException("Resident", residentId);
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        var current = await catalog.CurrentAsync(ct);
        var policy = (version is { } v ? catalog.Version(policyId, v) : current.FirstOrDefault(p => p.Id == policyId))
            ?? throw new NotFoundException("Policy", policyId);
        var date = on ?? ChinaTime.Today(clock);
        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == household.Id && r.Id != resident.Id).ToListAsync(ct);
        var reports = await db.Facts.AsNoTracking().Where(f => f.HouseholdId == household.Id).ToListAsync(ct);
        var declared = await db.FactValues.AsNoTracking().Where(v => v.HouseholdId == household.Id).ToListAsync(ct);
        var facts = Facts(resident);
        var otherMembers = members.Select(m => (IReadOnlyDictionary<string, Fact>)Facts(m)).ToList();
        var others = current.ToDictionary(p => p.Id);
        var evaluation = Evaluator.Evaluate(policy, facts, date, Other, otherMembers);
        return new TraceView(resident.Id, PersonName.Mask(resident.Name), policy.Id, policy.Name, policy.Version, date, evaluation.Outcome,
            evaluation.Trace, evaluation.ParametersUsed,
                ResidentFacts.Conflicts([.. reports.Where(r => r.SubjectId == resident.Id || r.SubjectId == household.Id)], catalog.Facts));

        Dictionary<string, Fact> Facts(Domain.Resident person) => ResidentFacts.Of(person, household,
            [.. reports.Where(r => r.SubjectId == person.Id || r.SubjectId == household.Id)],
            [.. declared.Where(v => v.SubjectId == person.Id || v.SubjectId == household.Id)], catalog.Facts);

        Outcome Other(string id) =>
            others.TryGetValue(id, out var other) ? Evaluator.Evaluate(other, facts, date, Other, otherMembers).Outcome : Outcome.Unknown;
    }
}
