using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

using static Yilian.Volunteers.Features.AttendanceRecords;

namespace Yilian.Volunteers.Features;

public sealed record HoursSummary(Guid VolunteerId, int ConfirmedMinutes, int PendingMinutes, IReadOnlyList<AttendanceDto> Records);

/// <summary>A volunteer's service hours: the confirmed total (overlaps counted once), what awaits confirmation, the records.</summary>
internal sealed class VolunteerHours(VolunteersDbContext db, ICurrentUser user)
{
    /// <summary>A volunteer's records and confirmed total: the caller's own, or (with an id) one in the caller's scope.</summary>
    public async Task<HoursSummary> ForAsync(Guid? volunteerId, CancellationToken ct)
    {
        if (volunteerId is { } id)
        {
            // An organizer sees the records in their scope (the service done with them), even when the volunteer lives elsewhere.
            var theirs = await db.Attendances.AsNoTracking().Where(a => a.VolunteerId == id)
                .OrderByDescending(a => a.OccurrenceStart).Take(500).ToListAsync(ct);
            if (theirs.Count == 0 && !await db.Volunteers.AnyAsync(v => v.Id == id, ct))
            {
                throw new NotFoundException("Volunteer", id);
            }

            var total = ServiceTime.TotalMinutes(theirs.Where(r => r.Status == AttendanceStatus.Confirmed).Select(Interval));
            return Summary(id, total, theirs);
        }

        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct)
            ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        var records = await db.Attendances.AsNoTracking().Where(a => a.VolunteerId == volunteer.Id)
            .OrderByDescending(a => a.OccurrenceStart).Take(500).ToListAsync(ct);
        var confirmed = await db.HoursTotals.Where(h => h.VolunteerId == volunteer.Id)
            .Select(h => h.ConfirmedMinutes).FirstOrDefaultAsync(ct);
        return Summary(volunteer.Id, confirmed, records);

        static HoursSummary Summary(Guid volunteerId, int confirmed, List<Attendance> records) =>
            new(volunteerId, confirmed, records.Where(r => r.Status is AttendanceStatus.CheckedOut).Sum(r => r.Minutes),
                [.. records.Select(ToDto)]);
    }
}
