using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

using static Yilian.Volunteers.Features.AttendanceRecords;

namespace Yilian.Volunteers.Features;

public sealed class AttendanceCorrectionRequest
{
    public DateTimeOffset? CheckInAt { get; set; }

    public DateTimeOffset? CheckOutAt { get; set; }

    [RequiredField, SafeText(200), Label(typeof(VolunteerText), "Hours_Reason")]
    public string? Reason { get; set; }
}

public sealed record ReasonRequest(string? Reason);

/// <summary>
/// The organizer's review of attendance: confirming a record (its hours then count and earn points), refusing it, or
/// correcting its times with a reason kept beside the old times. What that does to the volunteer's hours and points is
/// <see cref="ConfirmedHours"/>.
/// </summary>
internal sealed class AttendanceReviews(
    VolunteersDbContext db, IOrganizationLookup organizations, IAccountDirectory accounts, ConfirmedHours hours,
    IOptions<CheckInOptions> options, ActivityAccess access, ICurrentUser user, TimeProvider clock)
{
    private CheckInOptions Rules => options.Value;

    /// <summary>
    /// The organizer confirms a record: its minutes count (less any overlap with the volunteer's other confirmed records)
    /// and earn love points, exactly once.
    /// </summary>
    public async Task<AttendanceDto> ConfirmAsync(Guid attendanceId, CancellationToken ct)
    {
        var attendance = await FindAsync(attendanceId, ct);
        if (attendance.CheckInAt is null || attendance.CheckOutAt is null)
        {
            throw VolunteerRules.Incomplete.Broken();
        }

        var organization = await organizations.FindAsync(attendance.OrganizationId, ct);
        var handler = await accounts.DisplayNameOfAsync(user, ct);
        return await hours.ChangeAsync(attendance.VolunteerId, attendanceId, record =>
        {
            if (record.Status == AttendanceStatus.Confirmed)
            {
                return Task.FromResult(false);
            }

            record.Status = AttendanceStatus.Confirmed;
            record.ConfirmedBy = user.UserName;
            record.ConfirmedByName = handler;
            record.ConfirmedAt = clock.GetUtcNow();
            record.OrganizationName = organization?.Name ?? record.OrganizationName;
            record.OrganizationContact = organization?.ContactPhone ?? record.OrganizationContact;
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>The organizer refuses a record; if it had counted, its hours and points are taken back.</summary>
    public async Task<AttendanceDto> RejectAsync(Guid attendanceId, string? reason, CancellationToken ct)
    {
        var attendance = await FindAsync(attendanceId, ct);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
        {
            throw InputValidationException.For("reason", VolunteerText.Get("Hours_ReasonRequired"));
        }

        return await hours.ChangeAsync(attendance.VolunteerId, attendanceId, record =>
        {
            if (record.Status == AttendanceStatus.Rejected)
            {
                return Task.FromResult(false);
            }

            AddCorrection(record, record.CheckInAt, record.CheckOutAt, reason);
            record.Status = AttendanceStatus.Rejected;
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>Changes a record's times with a reason (kept with the old times); a confirmed record's hours and points follow.</summary>
    public async Task<AttendanceDto> CorrectAsync(Guid attendanceId, AttendanceCorrectionRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        InputValidator.ThrowIfInvalid(request);
        var attendance = await FindAsync(attendanceId, ct);
        var occurrence = new ActivityOccurrence(
            attendance.OccurrenceId, attendance.ActivityId, attendance.OccurrenceStart, attendance.OccurrenceEnd);
        var checkIn = request.CheckInAt?.ToUniversalTime() ?? attendance.CheckInAt;
        var checkOut = request.CheckOutAt?.ToUniversalTime() ?? attendance.CheckOutAt;
        ValidateTimes(checkIn, checkOut, occurrence, Rules, clock.GetUtcNow());
        return await hours.ChangeAsync(attendance.VolunteerId, attendanceId, record =>
        {
            AddCorrection(record, checkIn, checkOut, request.Reason!.Trim());
            record.CheckInAt = checkIn;
            record.CheckOutAt = checkOut;
            record.Late = checkIn > record.OccurrenceStart.AddMinutes(Rules.LateAfterMinutes);
            record.LeftEarly = checkOut < record.OccurrenceEnd.AddMinutes(-Rules.EarlyBeforeMinutes);
            return Task.FromResult(true);
        }, ct);
    }

    private async Task<Attendance> FindAsync(Guid attendanceId, CancellationToken ct)
    {
        access.RequireOrganizer();
        return await db.Attendances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attendanceId, ct)
            ?? throw new NotFoundException("Attendance", attendanceId);
    }

    private void AddCorrection(Attendance record, DateTimeOffset? checkIn, DateTimeOffset? checkOut, string reason) =>
        db.Corrections.Add(new AttendanceCorrection
        {
            Id = Guid.CreateVersion7(), AttendanceId = record.Id, OrganizationId = record.OrganizationId, RegionCode = record.RegionCode,
            OldCheckInAt = record.CheckInAt, OldCheckOutAt = record.CheckOutAt, NewCheckInAt = checkIn, NewCheckOutAt = checkOut,
            Reason = reason.Trim(), CorrectedBy = user.UserName ?? "system", CorrectedAt = clock.GetUtcNow(),
        });
}
