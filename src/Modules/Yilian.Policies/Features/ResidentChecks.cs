using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Imports;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Features;

public sealed record PolicyOutcome(string PolicyId, string PolicyName, Outcome Outcome, bool Receiving, IReadOnlyList<TraceLine> Trace);

/// <summary>One resident's check against every policy in force (政策体检), for a case worker who looked them up by ID number.</summary>
public sealed record ResidentCheck(
    Guid ResidentId, string Name, string IdNumber, string RegionCode, string Household, DateOnly On, IReadOnlyList<PolicyOutcome> Policies,
    IReadOnlyList<string> Conflicts);

/// <summary>
/// Finds a resident by ID number (through the keyed hash; nobody outside the caller's scope is found) and checks them
/// against every policy in force, each with its trace.
/// </summary>
internal sealed class ResidentChecks(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock)
{
    public async Task<ResidentCheck> LookupAsync(string? idNumber, DateOnly? on, CancellationToken ct)
    {
        var date = on ?? ChinaTime.Today(clock);
        var parsed = ChineseIdNumber.Parse(idNumber, ChinaTime.Today(clock));
        if (!parsed.IsValid)
        {
            throw InputValidationException.For("idNumber",
                Yilian.SharedKernel.Resources.ValidationMessages.Format("IdNumber_" + parsed.Error, Department.IdHeader));
        }

        var keys = PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.");
        var index = keys.BlindIndex(parsed.Value!);
        var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.IdNumberIndex == index, ct)
            ?? throw new NotFoundException("Resident", ChineseIdNumber.Mask(parsed.Value));
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        // The whole household's reports: household sums and counts read the other members' facts too.
        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == household.Id && r.Id != resident.Id).ToListAsync(ct);
        var reports = await db.Facts.AsNoTracking().Where(f => f.HouseholdId == household.Id).ToListAsync(ct);
        var declared = await db.FactValues.AsNoTracking().Where(v => v.HouseholdId == household.Id).ToListAsync(ct);
        var policies = await catalog.CurrentAsync(ct);
        var facts = Facts(resident);
        var others = members.Select(m => (IReadOnlyDictionary<string, Fact>)Facts(m)).ToList();
        var own = reports.Where(r => r.SubjectId == resident.Id || r.SubjectId == household.Id).ToList();
        var byId = policies.ToDictionary(p => p.Id);
        var results = new Dictionary<string, Evaluation>();
        var receiving = resident.Receiving.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var outcomes = policies.Select(p => (Policy: p, Evaluation: Evaluate(p)))
            .Select(x => new PolicyOutcome(
                x.Policy.Id, x.Policy.Name, x.Evaluation.Outcome, receiving.Contains(x.Policy.Id), x.Evaluation.Trace))
            .ToList();
        return new ResidentCheck(resident.Id, PersonName.Mask(resident.Name), ChineseIdNumber.Mask(parsed.Value), resident.RegionCode,
            household.Number, date, outcomes, ResidentFacts.Conflicts(own, catalog.Facts));

        Dictionary<string, Fact> Facts(Domain.Resident person) => ResidentFacts.Of(person, household,
            [.. reports.Where(r => r.SubjectId == person.Id || r.SubjectId == household.Id)],
            [.. declared.Where(v => v.SubjectId == person.Id || v.SubjectId == household.Id)], catalog.Facts);

        Evaluation Evaluate(Policy policy)
        {
            if (!results.TryGetValue(policy.Id, out var evaluation))
            {
                evaluation = results[policy.Id] = Evaluator.Evaluate(policy, facts, date,
                    id => byId.TryGetValue(id, out var other) ? Evaluate(other).Outcome : Outcome.Unknown, others);
            }

            return evaluation;
        }
    }
}
