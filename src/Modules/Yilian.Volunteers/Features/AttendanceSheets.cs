using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

using static Yilian.Volunteers.Features.AttendanceRecords;

namespace Yilian.Volunteers.Features;

/// <summary>The organizer records a volunteer's times (no phone, forgot to scan).</summary>
public sealed class AttendanceRecordRequest
{
    public Guid SignupId { get; set; }

    public Guid OccurrenceId { get; set; }

    public DateTimeOffset? CheckInAt { get; set; }

    public DateTimeOffset? CheckOutAt { get; set; }
}

/// <summary>An activity's attendance sheet: the records of its occurrences, and the organizer's entries for who did not scan.</summary>
internal sealed class AttendanceSheets(
    VolunteersDbContext db, IActivityCatalog activities, IOptions<CheckInOptions> options, ActivityAccess access, TimeProvider clock)
{
    private CheckInOptions Rules => options.Value;

    public async Task<IReadOnlyList<AttendanceDto>> SheetAsync(Guid activityId, CancellationToken ct)
    {
        await access.OwnActivityAsync(activityId, ct);
        var rows = await db.Attendances.AsNoTracking().Where(a => a.ActivityId == activityId)
            .OrderBy(a => a.OccurrenceStart).ThenBy(a => a.VolunteerName).ToListAsync(ct);
        return [.. rows.Select(ToDto)];
    }

    /// <summary>The organizer records or completes times for a confirmed sign-up (a confirmed record takes a correction).</summary>
    public async Task<AttendanceDto> RecordAsync(Guid activityId, AttendanceRecordRequest request, CancellationToken ct)
    {
        var activity = await access.OwnActivityAsync(activityId, ct);
        request.CheckInAt = request.CheckInAt?.ToUniversalTime();
        request.CheckOutAt = request.CheckOutAt?.ToUniversalTime();
        var signup = await db.Signups.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == request.SignupId && s.ActivityId == activityId && s.Status == SignupStatus.Confirmed, ct)
            ?? throw new NotFoundException("Signup", request.SignupId);
        var occurrence = (await activities.OccurrencesAsync(activityId, ct)).FirstOrDefault(o => o.Id == request.OccurrenceId)
            ?? throw new NotFoundException("Occurrence", request.OccurrenceId);
        ValidateTimes(request.CheckInAt, request.CheckOutAt, occurrence, Rules, clock.GetUtcNow());
        var attendance = await db.Attendances
            .FirstOrDefaultAsync(a => a.VolunteerId == signup.VolunteerId && a.OccurrenceId == occurrence.Id, ct);
        if (attendance is { Status: AttendanceStatus.Confirmed or AttendanceStatus.Rejected })
        {
            throw VolunteerRules.AlreadyConfirmed.Broken();
        }

        if (attendance is null)
        {
            attendance = New(activity, occurrence, signup, signup.OwnerUserId);
            db.Attendances.Add(attendance);
        }

        if (request.CheckInAt is { } checkIn)
        {
            attendance.CheckInAt = checkIn;
            attendance.CheckInMethod = CheckMethod.Organizer;
            attendance.Late = checkIn > occurrence.Start.AddMinutes(Rules.LateAfterMinutes);
            attendance.ReceivedAt ??= clock.GetUtcNow();
        }

        if (request.CheckOutAt is { } checkOut)
        {
            attendance.CheckOutAt = checkOut;
            attendance.CheckOutMethod = CheckMethod.Organizer;
            attendance.LeftEarly = checkOut < occurrence.End.AddMinutes(-Rules.EarlyBeforeMinutes);
        }

        ValidateTimes(attendance.CheckInAt, attendance.CheckOutAt, occurrence, Rules, clock.GetUtcNow());
        Recompute(attendance);
        await db.SaveChangesAsync(ct);
        return ToDto(attendance);
    }
}
