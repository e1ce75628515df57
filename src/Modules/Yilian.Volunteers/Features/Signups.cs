using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record SignupDto(Guid Id, Guid ActivityId, Guid VolunteerId, string VolunteerName, SignupStatus Status, long Sequence, int? WaitlistPosition, DateTimeOffset SignedUpAt);

/// <summary>
/// Sign-ups with a capacity and a waitlist; a confirmed place holds the volunteer in the calendar (<see cref="IPersonCalendar"/>),
/// so nobody is confirmed for two activities at once. Every change to an activity's sign-ups starts by updating its
/// counter row inside the transaction: on PostgreSQL that row lock, on SQLite the write transaction,
/// serializes them, so places are never oversold and arrival numbers never repeat. Cancelling a
/// confirmed place promotes the earliest on the waitlist.
/// </summary>
internal sealed class Signups(VolunteersDbContext db, IActivityCatalog activities, IPersonCalendar calendar, Matching.MatchPool pool, VolunteerContacts contacts, ICurrentUser user, TimeProvider clock)
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
            throw VolunteerRules.NotRecruiting.Broken();
        }

        if (activity.End <= clock.GetUtcNow())
        {
            throw VolunteerRules.Over.Broken();
        }

        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct)
            ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        var age = Age.On(volunteer.BirthDate, DateOnly.FromDateTime(ChinaTime.ToChina(activity.Start).DateTime));
        if (activity.MinimumAge > 0 && age < activity.MinimumAge)
        {
            throw VolunteerRules.TooYoung.Broken(activity.MinimumAge);
        }

        await EnsurePlacesAsync(activityId, activity.VolunteersNeeded, ct);
        if (await db.Signups.AnyAsync(s => s.ActivityId == activityId && s.VolunteerId == volunteer.Id && s.Status != SignupStatus.Cancelled, ct))
        {
            throw VolunteerRules.AlreadySignedUp.Broken();
        }

        // The calendar holds the volunteer first (its own transaction, its engine): a clash refuses the sign-up with the other activity named.
        var person = PersonKeys.User(volunteer.OwnerUserId);
        var clashes = await calendar.HoldAsync(activityId, person, ct);
        if (clashes.Count > 0)
        {
            throw Clash(clashes);
        }

        Signup signup;
        try
        {
            signup = await AddSignupAsync(activity, volunteer, ct);
        }
        catch (BusinessRuleException e) when (e.Rule == "AlreadySignedUp")
        {
            // The same volunteer's other request won: its sign-up owns the hold.
            throw;
        }
        catch
        {
            await calendar.ReleaseAsync(activityId, person, CancellationToken.None);
            throw;
        }

        if (signup.Status == SignupStatus.Waitlisted)
        {
            // A waitlisted volunteer is not held; a place left free while everyone ahead is busy elsewhere goes down the list.
            await calendar.ReleaseAsync(activityId, person, ct);
            if (await HasFreePlaceAsync(activityId, ct))
            {
                await PromoteAsync(activityId, ct);
            }
        }

        pool.Invalidate();
        return await ToDtoAsync(signup, volunteer.RealName, ct);
    }

    private async Task<Signup> AddSignupAsync(ActivityBrief activity, Volunteer volunteer, CancellationToken ct)
    {
        var activityId = activity.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The lock: bump the arrival counter first.
        await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSequence, p => p.NextSequence + 1), ct);
        if (await db.Signups.AnyAsync(s => s.ActivityId == activityId && s.VolunteerId == volunteer.Id && s.Status != SignupStatus.Cancelled, ct))
        {
            throw VolunteerRules.AlreadySignedUp.Broken();
        }

        var sequence = await db.Places.Where(p => p.ActivityId == activityId).Select(p => p.NextSequence).SingleAsync(ct);
        // Arrival order: nobody passes a volunteer already waiting.
        var waiting = await db.Signups.IgnoreQueryFilters().AnyAsync(s => s.ActivityId == activityId && s.Status == SignupStatus.Waitlisted, ct);
        var confirmed = !waiting && await db.Places.Where(p => p.ActivityId == activityId && p.Confirmed < p.Capacity)
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
        return signup;
    }

    private static BusinessRuleException Clash(IReadOnlyList<PersonClash> clashes)
    {
        var lines = clashes.Take(3).Select(c => VolunteerText.Get("Signup_Clash", c.OtherTitle ?? VolunteerText.Get("Signup_ClashOther"),
            ChinaTime.ToChina(c.OtherStart).ToString(VolunteerText.Get("Format_DayTime"), CultureInfo.CurrentUICulture), ChinaTime.ToChina(c.OtherEnd).ToString("HH:mm", CultureInfo.InvariantCulture)));
        return VolunteerRules.ScheduleConflict.BrokenWith(string.Join("；", lines.Distinct()),
            new Dictionary<string, object?> { ["conflicts"] = clashes });
    }

    /// <summary>
    /// The volunteer withdraws (or an organizer removes them): the calendar lets them go, and a confirmed place
    /// passes to the first on the waitlist who is free at that time.
    /// </summary>
    public async Task CancelAsync(Guid activityId, Guid signupId, CancellationToken ct)
    {
        Signup signup;
        bool wasConfirmed;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSequence, p => p.NextSequence), ct);
            signup = await db.Signups.FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == activityId, ct) ?? throw new NotFoundException("Signup", signupId);
            if (signup.OwnerUserId != user.UserId && !Organizer)
            {
                throw new ForbiddenException(VolunteerText.Get("Signup_Forbidden"));
            }

            if (signup.Status == SignupStatus.Cancelled)
            {
                return;
            }

            // Once it has begun, the record of who came is the organizer's: a volunteer can no longer withdraw alone.
            if (signup.OwnerUserId == user.UserId && !Organizer && (await activities.FindAsync(activityId, ct))?.Start <= clock.GetUtcNow())
            {
                throw VolunteerRules.Started.Broken();
            }

            wasConfirmed = signup.Status == SignupStatus.Confirmed;
            signup.Status = SignupStatus.Cancelled;
            signup.ChangedAt = clock.GetUtcNow();
            if (wasConfirmed)
            {
                await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Confirmed, p => p.Confirmed - 1), ct);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        pool.Invalidate();
        if (signup.OwnerUserId != user.UserId)
        {
            // Removed by an organizer: the volunteer hears it from us, not from an empty calendar.
            var title = (await activities.FindAsync(activityId, ct))?.Title ?? "";
            await contacts.NotifyAsync([signup.OwnerUserId], VolunteerText.Get("Signup_RemovedTitle"), VolunteerText.Get("Signup_RemovedBody", title), "removed:" + signup.Id, ct);
        }

        if (wasConfirmed)
        {
            // After the commit: the calendar is another module's store (and on SQLite a second write transaction would wait for this one).
            await calendar.ReleaseAsync(activityId, PersonKeys.User(signup.OwnerUserId), ct);
            await PromoteAsync(activityId, ct);

            // The volunteer's time is free again: where they wait for a place that was left free because they were busy, try again.
            var waiting = await db.Signups.IgnoreQueryFilters().Where(s => s.VolunteerId == signup.VolunteerId && s.Status == SignupStatus.Waitlisted && s.ActivityId != activityId)
                .Select(s => s.ActivityId).Take(20).ToListAsync(ct);
            foreach (var other in waiting)
            {
                if (await HasFreePlaceAsync(other, ct))
                {
                    await PromoteAsync(other, ct);
                }
            }
        }
    }

    /// <summary>
    /// Fills free places from the waitlist in arrival order. Each candidate is held in the calendar first; one who
    /// is busy elsewhere by now keeps their place in the queue and the next is tried. The place is claimed under
    /// the same counter lock as sign-ups, so a promotion and a new sign-up never take the same place.
    /// </summary>
    private async Task PromoteAsync(Guid activityId, CancellationToken ct)
    {
        var busy = new List<Guid>();
        var promoted = new List<Signup>();
        while (await HasFreePlaceAsync(activityId, ct))
        {
            // Past the caller's scope: a volunteer cancelling must promote someone else's waitlisted sign-up.
            var next = await db.Signups.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.ActivityId == activityId && s.Status == SignupStatus.Waitlisted && !busy.Contains(s.Id))
                .OrderBy(s => s.Sequence).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                break;
            }

            var person = PersonKeys.User(next.OwnerUserId);
            if ((await calendar.HoldAsync(activityId, person, ct)).Count > 0)
            {
                busy.Add(next.Id);
                continue;
            }

            var taken = false;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await db.Places.Where(p => p.ActivityId == activityId).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextSequence, p => p.NextSequence), ct);
                var row = await db.Signups.IgnoreQueryFilters().FirstAsync(s => s.Id == next.Id, ct);
                if (row.Status == SignupStatus.Waitlisted && await db.Places.Where(p => p.ActivityId == activityId && p.Confirmed < p.Capacity)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Confirmed, p => p.Confirmed + 1), ct) == 1)
                {
                    row.Status = SignupStatus.Confirmed;
                    row.ChangedAt = clock.GetUtcNow();
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    promoted.Add(row);
                    taken = true;
                }
            }

            if (!taken)
            {
                // Withdrawn meanwhile, or the place went to someone else: let the calendar go.
                await calendar.ReleaseAsync(activityId, person, ct);
                busy.Add(next.Id);
            }
        }

        if (promoted.Count == 0)
        {
            return;
        }

        pool.Invalidate();
        var title = (await activities.FindAsync(activityId, ct))?.Title ?? "";
        foreach (var p in promoted)
        {
            await contacts.NotifyAsync([p.OwnerUserId], VolunteerText.Get("Signup_PromotedTitle"), VolunteerText.Get("Signup_PromotedBody", title), "promoted:" + p.Id, ct);
        }
    }

    /// <summary>Places taken per activity (activities nobody has signed up for yet are absent: all their places are free).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> TakenAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct) =>
        await db.Places.AsNoTracking().Where(p => activityIds.Contains(p.ActivityId)).ToDictionaryAsync(p => p.ActivityId, p => p.Confirmed, ct);

    private bool Organizer => VolunteerPermissions.Organizes(user);

    private Task<bool> HasFreePlaceAsync(Guid activityId, CancellationToken ct) =>
        db.Places.AnyAsync(p => p.ActivityId == activityId && p.Confirmed < p.Capacity, ct);

    /// <summary>An activity's sign-ups in arrival order (organizers in scope see all; a volunteer sees their own).</summary>
    public async Task<IReadOnlyList<SignupDto>> ListAsync(Guid activityId, CancellationToken ct)
    {
        var rows = await db.Signups.AsNoTracking().Where(s => s.ActivityId == activityId).OrderBy(s => s.Sequence)
            .Select(s => new { Signup = s, RealName = s.VolunteerName }).ToListAsync(ct);
        var waiting = rows.Where(r => r.Signup.Status == SignupStatus.Waitlisted).Select((r, i) => (r.Signup.Id, Position: i + 1)).ToDictionary(x => x.Id, x => x.Position);
        return [.. rows.Select(r => new SignupDto(r.Signup.Id, r.Signup.ActivityId, r.Signup.VolunteerId, r.RealName, r.Signup.Status, r.Signup.Sequence,
            waiting.TryGetValue(r.Signup.Id, out var p) ? p : null, r.Signup.SignedUpAt))];
    }

    /// <summary>Per activity in the caller's scope: confirmed and wait-listed sign-ups, and attendance waiting to be confirmed.</summary>
    public async Task<IReadOnlyList<RecruitmentCount>> RecruitmentAsync(CancellationToken ct)
    {
        var counts = await db.Signups.AsNoTracking().GroupBy(s => s.ActivityId)
            .Select(g => new
            {
                g.Key,
                Confirmed = g.Count(s => s.Status == SignupStatus.Confirmed),
                Waitlisted = g.Count(s => s.Status == SignupStatus.Waitlisted),
            })
            .ToListAsync(ct);
        var pending = await db.Attendances.AsNoTracking().Where(a => a.Status == AttendanceStatus.CheckedOut).GroupBy(a => a.ActivityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. counts.Select(c => new RecruitmentCount(c.Key, c.Confirmed, c.Waitlisted, pending.GetValueOrDefault(c.Key)))];
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

/// <summary>One activity's recruitment: places taken, the waiting list, attendance the organizer has yet to confirm.</summary>
public sealed record RecruitmentCount(Guid ActivityId, int Confirmed, int Waitlisted, int PendingConfirmation);
