using System.Globalization;

using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Features;

/// <summary>
/// The leads a case worker may see, as an Excel workbook: one row per person and policy, with the facts that decided it
/// and the departments (and dates) they came from — the same explanation the lead's page shows, for the policy version
/// that found it. Within the caller's data scope (the query filters); full ID numbers only for those who contact the
/// families (<see cref="PolicyPermissions.SeesFullIdNumbers"/>); each export recorded, and so audited.
/// </summary>
internal sealed class ResultExports(PoliciesDbContext db, PolicyCatalog catalog, ICurrentUser user, TimeProvider clock)
{
    public const int MaxRows = 50_000;

    public async Task<byte[]> ExportAsync(string? policy, CandidateStatus? status, CancellationToken ct)
    {
        if (!PolicyPermissions.FollowsUpRelief(user))
        {
            throw new ForbiddenException(PolicyText.Get("Export_NotAllowed"));
        }

        var query = db.Candidates.AsNoTracking();
        query = string.IsNullOrWhiteSpace(policy) ? query : query.Where(c => c.PolicyId == policy);
        query = status is { } s ? query.Where(c => c.Status == s) : query;
        var candidates = await query.OrderBy(c => c.RegionCode).ThenBy(c => c.HouseholdId).ThenBy(c => c.PolicyId)
            .Take(MaxRows + 1).ToListAsync(ct);
        if (candidates.Count > MaxRows)
        {
            throw InputValidationException.For("policy", PolicyText.Get("Export_TooMany", MaxRows));
        }

        var full = PolicyPermissions.SeesFullIdNumbers(user);
        var current = await catalog.CurrentAsync(ct);
        var rows = new List<Dictionary<string, object?>>(candidates.Count);
        var factsOf = new Dictionary<Guid, Dictionary<string, Fact>>();
        foreach (var chunk in candidates.Chunk(500))
        {
            var householdIds = chunk.Select(c => c.HouseholdId).Distinct().ToList();
            var residents = await db.Residents.AsNoTracking().Where(r => householdIds.Contains(r.HouseholdId)).ToListAsync(ct);
            var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
            var reports = (await db.Facts.AsNoTracking().Where(f => householdIds.Contains(f.HouseholdId)).ToListAsync(ct))
                .ToLookup(f => f.HouseholdId);
            var declared = (await db.FactValues.AsNoTracking().Where(v => householdIds.Contains(v.HouseholdId)).ToListAsync(ct))
                .ToLookup(v => v.HouseholdId);
            var byId = residents.ToDictionary(r => r.Id);
            var members = residents.ToLookup(r => r.HouseholdId);
            foreach (var candidate in chunk)
            {
                var resident = byId[candidate.ResidentId];
                var household = households[candidate.HouseholdId];
                var facts = Facts(resident);
                var others = members[household.Id].Where(m => m.Id != resident.Id)
                    .Select(m => (IReadOnlyDictionary<string, Fact>)Facts(m)).ToList();
                var version = catalog.Version(candidate.PolicyId, candidate.PolicyVersion)
                    ?? current.FirstOrDefault(p => p.Id == candidate.PolicyId);
                var decided = version is null ? [] : Evaluator.Evaluate(version, facts, candidate.FoundOn, Other, others).Trace
                    .Where(t => t.Outcome == Outcome.Yes).ToList();
                rows.Add(new Dictionary<string, object?>
                {
                    [PolicyText.Get("Export_Name")] = resident.Name,
                    [PolicyText.Get("Export_IdNumber")] = full ? resident.IdNumber : ChineseIdNumber.Mask(resident.IdNumber),
                    [PolicyText.Get("Export_Household")] = household.Number,
                    [PolicyText.Get("Export_Region")] = candidate.RegionCode,
                    [PolicyText.Get("Export_Policy")] = version?.Name ?? candidate.PolicyId,
                    [PolicyText.Get("Export_Version")] = candidate.PolicyVersion,
                    [PolicyText.Get("Export_FoundOn")] = candidate.FoundOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    [PolicyText.Get("Export_Status")] = PolicyText.Get("CandidateStatus_" + candidate.Status),
                    [PolicyText.Get("Export_Amount")] = version is null ? null
                        : Evaluator.Amount(version, facts, candidate.FoundOn, others),
                    [PolicyText.Get("Export_Facts")] = string.Join("\n", decided.Select(t => t.Text)),
                    [PolicyText.Get("Export_Sources")] = string.Join("；", decided.Select(t => t.Source).OfType<string>().Distinct()),
                    [PolicyText.Get("Export_AssignedTo")] = candidate.AssignedToName,
                });

                // A person's facts are worked out once per export, however many of their household's leads list them.
                Dictionary<string, Fact> Facts(Resident person) => factsOf.TryGetValue(person.Id, out var known) ? known
                    : factsOf[person.Id] = ResidentFacts.Of(person, household,
                        [.. reports[household.Id].Where(r => r.SubjectId == person.Id || r.SubjectId == household.Id)],
                        [.. declared[household.Id].Where(v => v.SubjectId == person.Id || v.SubjectId == household.Id)], catalog.Facts);

                Outcome Other(string id) => current.FirstOrDefault(p => p.Id == id) is { } other
                    ? Evaluator.Evaluate(other, facts, candidate.FoundOn, Other, others).Outcome : Outcome.Unknown;
            }
        }

        db.Exports.Add(new ResultExport
        {
            Id = Guid.NewGuid(), ExportedBy = user.UserName ?? "system", ExportedAt = clock.GetUtcNow(), PolicyId = policy,
            Status = status?.ToString(), Rows = rows.Count, FullIdNumbers = full,
        });
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows.Count > 0 ? rows : [Empty()], cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>An empty export still has its header row.</summary>
    private static Dictionary<string, object?> Empty() => new[]
    {
        "Export_Name", "Export_IdNumber", "Export_Household", "Export_Region", "Export_Policy", "Export_Version", "Export_FoundOn",
        "Export_Status", "Export_Amount", "Export_Facts", "Export_Sources", "Export_AssignedTo",
    }.ToDictionary(k => PolicyText.Get(k), _ => (object?)null);
}
