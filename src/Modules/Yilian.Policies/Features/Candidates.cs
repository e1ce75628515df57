using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Features;

public sealed record CandidateView(
    Guid Id, Guid ResidentId, string Name, string RegionCode, string PolicyId, string PolicyName, int PolicyVersion, DateOnly FoundOn,
    CandidateStatus Status, string? Note, string? HandledBy, DateTimeOffset? HandledAt, string? AssignedToName = null,
    bool AssignedToMe = false);

/// <summary>
/// The case workers' list of 政策找人 (救助管家): the people a screening found, filtered by policy, status, run and
/// who holds them. What each case worker sees is limited by the data scope (their community or street), through the
/// module's query filters. Following a lead up is <see cref="CandidateOutcomes"/>; taking it on, <see cref="CandidateAssignment"/>.
/// </summary>
internal sealed class Candidates(PoliciesDbContext db, PolicyCatalog catalog, ICurrentUser user)
{
    private const int PageSize = 50;

    public async Task<PagedResult<CandidateView>> ListAsync(
        string? policy, CandidateStatus? status, Guid? run, int? page, CancellationToken ct, string? assigned = null)
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
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Join(db.Residents, c => c.ResidentId, r => r.Id, (c, r) => new { c, r.Name })
            .ToListAsync(ct);
        return new PagedResult<CandidateView>([.. rows.Select(x => View(x.c, x.Name))], total, number, PageSize);
    }

    public async Task<CandidateView> FindAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Candidate", id);
        return await ViewAsync(candidate, ct);
    }

    /// <summary>A lead as the case worker sees it: the resident's name masked, the policy by name, whether the caller holds it.</summary>
    internal async Task<CandidateView> ViewAsync(Candidate candidate, CancellationToken ct) =>
        View(candidate, await db.Residents.Where(r => r.Id == candidate.ResidentId).Select(r => r.Name).FirstAsync(ct));

    private CandidateView View(Candidate c, string name) => new(
        c.Id, c.ResidentId, PersonName.Mask(name), c.RegionCode, c.PolicyId,
        catalog.Policies.FirstOrDefault(p => p.Id == c.PolicyId)?.Name ?? c.PolicyId, c.PolicyVersion, c.FoundOn, c.Status, c.Note,
        c.HandledBy, c.HandledAt, c.AssignedToName, c.AssignedTo is not null && c.AssignedTo == user.UserId);
}
