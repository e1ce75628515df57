using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Matching;
using Yilian.Volunteers.Resources;

using static Yilian.Volunteers.Features.AttendanceRecords;

namespace Yilian.Volunteers.Features;

/// <summary>
/// A volunteer's confirmed service time and the love points it earns. Every change to a record that counts (confirm,
/// reject, correct) goes through <see cref="ChangeAsync"/>, under the lock of the volunteer's <see cref="HoursTotal"/>
/// row, so overlapping records never count twice even when two organizers confirm at once, and the points follow the
/// credited minutes at <see cref="PointsOptions.PointsPerHour"/>, exactly once per version of the record.
/// </summary>
internal sealed class ConfirmedHours(VolunteersDbContext db, Points points, IOptions<PointsOptions> rates, MatchPool pool)
{
    /// <summary>
    /// Applies <paramref name="change"/> to the record under the volunteer's lock, then recounts the record's credited
    /// minutes, the volunteer's total and the points. A change that returns false changes nothing (a repeat).
    /// </summary>
    public async Task<AttendanceDto> ChangeAsync(
        Guid volunteerId, Guid attendanceId, Func<Attendance, Task<bool>> change, CancellationToken ct)
    {
        await points.EnsureBalanceAsync(volunteerId, ct);
        await EnsureTotalAsync(volunteerId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The lock: every change to this volunteer's confirmed time starts by touching their total.
        await db.HoursTotals.Where(h => h.VolunteerId == volunteerId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Records, h => h.Records), ct);
        var record = await db.Attendances.FirstAsync(a => a.Id == attendanceId, ct);
        var wasCounted = record.Status == AttendanceStatus.Confirmed;
        if (!await change(record))
        {
            await tx.RollbackAsync(ct);
            return ToDto(record) with { Repeated = true };
        }

        Recompute(record);
        // Other records of the volunteer, whichever organization: past the organizer's scope, for the arithmetic only.
        var others = await db.Attendances.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.VolunteerId == volunteerId && a.Status == AttendanceStatus.Confirmed && a.Id != attendanceId)
            .Select(a => new { a.CheckInAt, a.CheckOutAt, a.OccurrenceStart, a.OccurrenceEnd }).ToListAsync(ct);
        var otherIntervals = others.Select(o => Interval(o.CheckInAt, o.CheckOutAt, o.OccurrenceStart, o.OccurrenceEnd)).ToList();
        var counts = record.Status == AttendanceStatus.Confirmed;
        record.CreditedMinutes = counts ? ServiceTime.UncoveredMinutes(Interval(record), otherIntervals) : 0;
        var total = ServiceTime.TotalMinutes(counts ? otherIntervals.Append(Interval(record)) : otherIntervals);
        var recordCount = otherIntervals.Count + (counts ? 1 : 0);
        await db.HoursTotals.Where(h => h.VolunteerId == volunteerId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ConfirmedMinutes, total).SetProperty(h => h.Records, recordCount), ct);

        await AwardPointsAsync(record, wasCounted, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        pool.Invalidate();
        return ToDto(record);
    }

    /// <summary>The new award first, then the compensating row for the old one, so the balance never dips on the way.</summary>
    private async Task AwardPointsAsync(Attendance record, bool wasCounted, CancellationToken ct)
    {
        record.Version++;
        var previous = record.PointsEntryId;
        record.PointsEntryId = null;
        var earned = record.CreditedMinutes * rates.Value.PointsPerHour / 60;
        if (earned > 0)
        {
            var reason = VolunteerText.Get("Hours_PointsReason", record.ActivityTitle, ServiceTime.FormatHours(record.CreditedMinutes));
            var award = await points.AwardForServiceAsync(record.VolunteerId, earned, reason, $"hours:{record.Id}:v{record.Version}", ct);
            record.PointsEntryId = award.Id;
        }

        if (wasCounted && previous is { } old)
        {
            await points.CompensateAsync(old, VolunteerText.Get("Hours_PointsReversal", record.ActivityTitle), ct);
        }
    }

    private async Task EnsureTotalAsync(Guid volunteerId, CancellationToken ct)
    {
        if (await db.HoursTotals.AnyAsync(h => h.VolunteerId == volunteerId, ct))
        {
            return;
        }

        try
        {
            db.HoursTotals.Add(new HoursTotal { VolunteerId = volunteerId });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created it first.
            db.ChangeTracker.Clear();
        }
    }
}
