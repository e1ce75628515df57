using System.Data.Common;

using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Scheduling;
using Yilian.SharedKernel.Security;

namespace Yilian.Activities.Features;

/// <summary>
/// Holds people (volunteers who signed up, by their account key) for activities through the same engine and
/// the same rows as staff: <see cref="ConflictEngine"/> decides, <c>act_person_bookings</c> records, and on
/// PostgreSQL the exclusion constraint on person × time refuses whatever slips between check and insert.
/// </summary>
internal sealed class PersonCalendar(ActivitiesDbContext db, IServiceProvider services, TimeProvider clock) : IPersonCalendar
{
    public async Task<IReadOnlyList<PersonClash>> HoldAsync(Guid activityId, string personKey, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (missing, conflicts) = await CheckAsync(activityId, personKey, ct);
            if (conflicts.Count > 0 || missing.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return await NameAsync(conflicts, ct);
            }

            db.PersonBookings.AddRange(missing.Select(o => new PersonBooking
            {
                Id = Guid.CreateVersion7(), PersonKey = personKey, OccurrenceId = o.Id, ActivityId = activityId, Start = o.Start, End = o.End,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return [];
        }
        catch (DbUpdateException e) when (e.InnerException is DbException { SqlState: "23P01" })
        {
            // The same person was held elsewhere between our check and our insert: answer from the winner's rows.
            db.ChangeTracker.Clear();
            return await NameAsync((await CheckAsync(activityId, personKey, ct)).Conflicts, ct);
        }
    }

    public async Task ReleaseAsync(Guid activityId, string personKey, CancellationToken ct)
    {
        // Loaded and removed (not a bulk delete), so the audit trail records each released booking.
        var now = clock.GetUtcNow();
        db.PersonBookings.RemoveRange(await db.PersonBookings.Where(p => p.ActivityId == activityId && p.PersonKey == personKey && p.End > now).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PersonBusy>> BusyAsync(string keyPrefix, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        (from, to) = (from.ToUniversalTime(), to.ToUniversalTime());
        var earliest = from - TimeSpan.FromDays(1);
        return await db.PersonBookings.AsNoTracking()
            .Where(p => p.PersonKey.StartsWith(keyPrefix) && p.Start > earliest && p.Start < to && p.End > from)
            .Select(p => new PersonBusy(p.PersonKey, p.ActivityId, p.Start, p.End)).ToListAsync(ct);
    }

    /// <summary>The activity's coming occurrences the person is not yet held for, and what stands in their way.</summary>
    private async Task<(List<Occurrence> Missing, IReadOnlyList<Conflict> Conflicts)> CheckAsync(Guid activityId, string personKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var coming = await db.Occurrences.AsNoTracking().Where(o => o.ActivityId == activityId && o.End > now).OrderBy(o => o.Start).ToListAsync(ct);
        var held = (await db.PersonBookings.AsNoTracking().Where(p => p.ActivityId == activityId && p.PersonKey == personKey)
            .Select(p => p.OccurrenceId).ToListAsync(ct)).ToHashSet();
        var missing = coming.Where(o => !held.Contains(o.Id)).ToList();
        if (missing.Count == 0)
        {
            return (missing, []);
        }

        var from = missing[0].Start;
        var to = missing[^1].End;
        var earliest = from - TimeSpan.FromDays(1);
        var busy = await db.PersonBookings.AsNoTracking()
            .Where(p => p.PersonKey == personKey && p.ActivityId != activityId && p.Start > earliest && p.Start < to && p.End > from)
            .Select(p => new Busy(p.OccurrenceId, p.ActivityId, p.Start, p.End)).ToListAsync(ct);
        var check = new ScheduleCheck([.. missing.Select(o => new Interval(o.Start, o.End))], null, [personKey], 0) { IgnoreActivityId = activityId };
        return (missing, ConflictEngine.Check(check, new Occupancy([], busy.Select(b => (personKey, b))), HolidayCalendar.Embedded));
    }

    private async Task<IReadOnlyList<PersonClash>> NameAsync(IReadOnlyList<Conflict> conflicts, CancellationToken ct)
    {
        if (conflicts.Count == 0)
        {
            return [];
        }

        // The person's own other commitments, named for them: read past the caller's scope (an activity of another organization).
        var others = conflicts.Where(c => c.OtherActivityId is not null).Select(c => c.OtherActivityId!.Value).Distinct().ToList();
        var titles = await SystemScope.WithAsync<ActivitiesDbContext, Dictionary<Guid, string>>(services, other =>
            other.Activities.AsNoTracking().Where(a => others.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct));
        return [.. conflicts.Select(c => new PersonClash(c.OccurrenceStart, c.OccurrenceEnd, c.OtherActivityId,
            c.OtherActivityId is { } id ? titles.GetValueOrDefault(id) : null, c.OtherStart ?? c.OccurrenceStart, c.OtherEnd ?? c.OccurrenceEnd))];
    }
}
