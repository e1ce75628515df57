using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Features;

public sealed record AssignRequest(string? WorkerId);

/// <summary>
/// Who follows a lead up: a case worker takes it on (认领) or lets it go, a supervisor hands it to a case worker of its
/// community or street (转派). Only the holder records the follow-up, so two case workers do not call the same family.
/// </summary>
internal sealed class CandidateAssignment(
    PoliciesDbContext db, Candidates candidates, IAccountDirectory accounts, INotificationOutbox outbox, IDataScopeProvider scope,
    TimeProvider clock, ICurrentUser user)
{
    /// <summary>Takes the lead on; taking it again is harmless. A lead someone else holds is refused with their name.</summary>
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
            RequireFreeOrMine(candidate, user);
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
        return await candidates.ViewAsync(candidate, ct);
    }

    /// <summary>Whether the caller hands leads out: a platform operator, or a case worker of a whole street or district.</summary>
    public bool MayAssign => PolicyPermissions.AssignsLeads(user, scope.Current);

    /// <summary>The case workers a lead can be handed to: those whose area covers its community.</summary>
    public async Task<IReadOnlyList<AccountRef>> WorkersForAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Candidate", id);
        return await accounts.CaseWorkersAsync(candidate.RegionCode, ct);
    }

    /// <summary>A supervisor hands a lead to a case worker, taking it from whoever held it; the worker is told in the app.</summary>
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
        var view = await candidates.ViewAsync(candidate, ct);
        var notice = new OutgoingNotification(PersonKeys.User(worker.Id), worker.Id, NotificationChannels.InApp, null,
            PolicyText.Get("Casework_AssignedTitle"), PolicyText.Get("Casework_AssignedBody", view.PolicyName, view.Name),
            $"/admin/relief/candidates/{id}", $"lead:{id}:{worker.Id}:{candidate.AssignedAt:O}");
        await outbox.EnqueueAsync([notice], ct);
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
        return await candidates.ViewAsync(candidate, ct);
    }

    /// <summary>Refuses a change to a lead someone else holds, naming them.</summary>
    internal static void RequireFreeOrMine(Candidate candidate, ICurrentUser user)
    {
        if (candidate.AssignedTo is not null && candidate.AssignedTo != user.UserId)
        {
            throw PolicyRules.CandidateClaimed.Broken(candidate.AssignedToName ?? "");
        }
    }
}
