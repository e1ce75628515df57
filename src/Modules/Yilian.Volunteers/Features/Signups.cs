using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record SignupDto(Guid Id, Guid ActivityId, Guid VolunteerId, string VolunteerName, SignupStatus Status, long Sequence, int? WaitlistPosition, DateTimeOffset SignedUpAt);

/// <summary>
/// Sign-ups with a capacity and a waitlist. Every change to an activity's sign-ups starts by updating its
/// counter row inside the transaction: on PostgreSQL that row lock, on SQLite the write transaction,
/// serializes them, so places are never oversold and arrival numbers never repeat. Cancelling a
/// confirmed place promotes the earliest on the waitlist.
/// </summary>
internal sealed class Signups(VolunteersDbContext db, IActivityCatalog activities, Matching.MatchPool pool, INotificationOutbox outbox, ICurrentUser user, TimeProvider clock)
{
    public async Task<SignupDto> SignUpAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await activities.FindAsync(activityId, ct);
        if (activity is null || !activity.Published)
        {
            throw new NotFoundException("Activity", activityId);
        }

        if (activity.VolunteersNeeded == 0)
        {
            throw new BusinessRuleException("NotRecruiting", VolunteerText.Get("Signup_NotRecruiting"), isConflict: true);
        }

        if (activity.End <= clock.GetUtcNow())
        {
            throw new BusinessRuleException("Over", VolunteerText.Get("Signup_Over"), isConflict: true);
        }

        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct)
            ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        var age = Age.On(volunteer.BirthDate, DateOnly.FromDateTime(ChinaTime.ToChina(activity.Start).DateTime));
        if (activity.MinimumAge > 0 && age < activity.MinimumAge)
        {
            throw new BusinessRuleException("TooYoung", VolunteerText.Get("Signup_TooYoung", activity.MinimumAge), isConflict: false);
        }

        await EnsurePlacesAsync(activityId, activity.VolunteersNeeded, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The lock: bump the arrival counter first.
        await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSequence, p => p.NextSequence + 1), ct);
        if (await db.Signups.AnyAsync(s => s.ActivityId == activityId && s.VolunteerId == volunteer.Id && s.Status != SignupStatus.Cancelled, ct))
        {
            throw new BusinessRuleException("AlreadySignedUp", VolunteerText.Get("Signup_Already"), isConflict: true);
        }

        var sequence = await db.Places.Where(p => p.ActivityId == activityId).Select(p => p.NextSequence).SingleAsync(ct);
        var confirmed = await db.Places.Where(p => p.ActivityId == activityId && p.Confirmed < p.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Confirmed, p => p.Confirmed + 1), ct) == 1;
        var signup = new Signup
        {
            Id = Guid.CreateVersion7(), ActivityId = activityId, VolunteerId = volunteer.Id, OwnerUserId = volunteer.OwnerUserId, RegionCode = activity.RegionCode,
            OrganizationId = activity.OrganizationId, VolunteerName = volunteer.RealName,
            Sequence = sequence, Status = confirmed ? SignupStatus.Confirmed : SignupStatus.Waitlisted, SignedUpAt = clock.GetUtcNow(),
        };
        db.Signups.Add(signup);
        // An invitation to this activity is answered by signing up.
        foreach (var invitation in await db.Invitations.Where(i => i.ActivityId == activityId && i.VolunteerId == volunteer.Id && i.Status == InvitationStatus.Sent).ToListAsync(ct))
        {
            invitation.Status = InvitationStatus.Accepted;
            invitation.AnsweredAt = signup.SignedUpAt;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        pool.Invalidate();
        return await ToDtoAsync(signup, volunteer.RealName, ct);
    }

    /// <summary>The volunteer withdraws (or an organizer removes them); a confirmed place passes to the first on the waitlist.</summary>
    public async Task CancelAsync(Guid activityId, Guid signupId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSequence, p => p.NextSequence), ct);
        var signup = await db.Signups.FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == activityId, ct) ?? throw new NotFoundException("Signup", signupId);
        if (signup.OwnerUserId != user.UserId && !user.IsInRole(Roles.OrgAdmin) && !user.IsInRole(Roles.OrgStaff) && !user.IsInRole(Roles.PlatformOperator) && !user.IsInRole(Roles.CommunityOfficer))
        {
            throw new ForbiddenException(VolunteerText.Get("Signup_Forbidden"));
        }

        if (signup.Status == SignupStatus.Cancelled)
        {
            return;
        }

        var wasConfirmed = signup.Status == SignupStatus.Confirmed;
        Signup? promoted = null;
        signup.Status = SignupStatus.Cancelled;
        signup.ChangedAt = clock.GetUtcNow();
        if (wasConfirmed)
        {
            // Past the caller's scope: a volunteer cancelling must promote someone else's waitlisted sign-up.
            var next = await db.Signups.IgnoreQueryFilters().Where(s => s.ActivityId == activityId && s.Status == SignupStatus.Waitlisted)
                .OrderBy(s => s.Sequence).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Confirmed, p => p.Confirmed - 1), ct);
            }
            else
            {
                next.Status = SignupStatus.Confirmed;
                next.ChangedAt = signup.ChangedAt;
                promoted = next;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        pool.Invalidate();
        if (promoted is not null)
        {
            // After the commit: the outbox is another module's store (and on SQLite a second write transaction would wait for this one).
            var title = (await activities.FindAsync(activityId, ct))?.Title ?? "";
            await outbox.EnqueueAsync([new OutgoingNotification("user:" + promoted.OwnerUserId, promoted.OwnerUserId, NotificationChannels.InApp, null,
                VolunteerText.Get("Signup_PromotedTitle"), VolunteerText.Get("Signup_PromotedBody", title), "/volunteer/activities", "promoted:" + promoted.Id)], ct);
        }
    }

    /// <summary>An activity's sign-ups in arrival order (organizers in scope see all; a volunteer sees their own).</summary>
    public async Task<IReadOnlyList<SignupDto>> ListAsync(Guid activityId, CancellationToken ct)
    {
        var rows = await db.Signups.AsNoTracking().Where(s => s.ActivityId == activityId).OrderBy(s => s.Sequence)
            .Select(s => new { Signup = s, RealName = s.VolunteerName }).ToListAsync(ct);
        var waiting = rows.Where(r => r.Signup.Status == SignupStatus.Waitlisted).Select((r, i) => (r.Signup.Id, Position: i + 1)).ToDictionary(x => x.Id, x => x.Position);
        return [.. rows.Select(r => new SignupDto(r.Signup.Id, r.Signup.ActivityId, r.Signup.VolunteerId, r.RealName, r.Signup.Status, r.Signup.Sequence,
            waiting.TryGetValue(r.Signup.Id, out var p) ? p : null, r.Signup.SignedUpAt))];
    }

    /// <summary>The caller's own sign-ups, newest first.</summary>
    public async Task<IReadOnlyList<SignupDto>> MineAsync(CancellationToken ct)
    {
        var rows = await db.Signups.AsNoTracking().Where(s => s.OwnerUserId == user.UserId).OrderByDescending(s => s.SignedUpAt).Take(100)
            .Select(s => new { Signup = s, RealName = s.VolunteerName }).ToListAsync(ct);
        return [.. rows.Select(r => new SignupDto(r.Signup.Id, r.Signup.ActivityId, r.Signup.VolunteerId, r.RealName, r.Signup.Status, r.Signup.Sequence, null, r.Signup.SignedUpAt))];
    }

    private async Task EnsurePlacesAsync(Guid activityId, int capacity, CancellationToken ct)
    {
        if (await db.Places.AnyAsync(p => p.ActivityId == activityId, ct))
        {
            return;
        }

        try
        {
            db.Places.Add(new ActivityPlaces { ActivityId = activityId, Capacity = capacity });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another sign-up created the row at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<SignupDto> ToDtoAsync(Signup s, string name, CancellationToken ct)
    {
        int? position = s.Status == SignupStatus.Waitlisted
            ? await db.Signups.IgnoreQueryFilters().CountAsync(o => o.ActivityId == s.ActivityId && o.Status == SignupStatus.Waitlisted && o.Sequence <= s.Sequence, ct)
            : null;
        return new SignupDto(s.Id, s.ActivityId, s.VolunteerId, name, s.Status, s.Sequence, position, s.SignedUpAt);
    }
}
