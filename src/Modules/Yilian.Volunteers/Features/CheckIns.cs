using System.ComponentModel.DataAnnotations;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Matching;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed class CheckInRequest
{
    [RequiredField, Label(typeof(VolunteerText), "CheckIn_Code")]
    public string? Code { get; set; }

    /// <summary>When the phone scanned the code; later than now is refused, absent means now. An offline phone sends its original time.</summary>
    public DateTimeOffset? ScannedAt { get; set; }

    [Range(-90, 90)]
    public double? Latitude { get; set; }

    [Range(-180, 180)]
    public double? Longitude { get; set; }
}

/// <summary>The organizer records a volunteer's times (no phone, forgot to scan).</summary>
public sealed class AttendanceRecordRequest
{
    public Guid SignupId { get; set; }

    public Guid OccurrenceId { get; set; }

    public DateTimeOffset? CheckInAt { get; set; }

    public DateTimeOffset? CheckOutAt { get; set; }
}

public sealed class AttendanceCorrectionRequest
{
    public DateTimeOffset? CheckInAt { get; set; }

    public DateTimeOffset? CheckOutAt { get; set; }

    [RequiredField, SafeText(200), Label(typeof(VolunteerText), "Hours_Reason")]
    public string? Reason { get; set; }
}

public sealed record AttendanceDto(
    Guid Id, Guid ActivityId, Guid OccurrenceId, Guid VolunteerId, string VolunteerName, string ActivityTitle,
    DateTimeOffset OccurrenceStart, DateTimeOffset OccurrenceEnd, DateTimeOffset? CheckInAt, DateTimeOffset? CheckOutAt,
    CheckMethod? CheckInMethod, CheckMethod? CheckOutMethod, bool Late, bool LeftEarly, int? DistanceMeters,
    AttendanceStatus Status, int Minutes, int CreditedMinutes, string? ConfirmedBy, bool Repeated = false);

public sealed record HoursSummary(Guid VolunteerId, int ConfirmedMinutes, int PendingMinutes, IReadOnlyList<AttendanceDto> Records);

/// <summary>
/// Check-in and check-out with the signed codes shown at the activity, the organizer's own records,
/// confirmation (hours then count and earn points) and audited corrections. Everything about one
/// volunteer's confirmed time happens under the lock of their <see cref="HoursTotal"/> row, so
/// overlapping records never count twice even when two organizers confirm at once.
/// </summary>
internal sealed class CheckIns(
    VolunteersDbContext db, IActivityCatalog activities, IOrganizationLookup organizations, IAccountDirectory accounts, Points points, CheckInCodes codes,
    IOptions<CheckInOptions> options, IOptions<PointsOptions> rates, ActivityAccess access, MatchPool pool, ICurrentUser user,
    TimeProvider clock)
{
    private CheckInOptions Rules => options.Value;

    /// <summary>A volunteer submits a scanned code: a check-in or a check-out according to the code.</summary>
    public async Task<AttendanceDto> ScanAsync(CheckInRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        var code = codes.Read(request.Code) ?? throw VolunteerRules.CodeInvalid.Broken();
        var now = clock.GetUtcNow();
        var scannedAt = (request.ScannedAt ?? now).ToUniversalTime();
        if (scannedAt > now.AddMinutes(2))
        {
            throw InputValidationException.For("scannedAt", VolunteerText.Get("CheckIn_FutureTime"));
        }

        if (now - scannedAt > TimeSpan.FromHours(Rules.OfflineGraceHours))
        {
            throw VolunteerRules.SubmittedTooLate.Broken(Rules.OfflineGraceHours);
        }

        if (scannedAt < code.IssuedAt.AddMinutes(-2) || scannedAt > code.IssuedAt.AddMinutes(Rules.CodeLifetimeMinutes))
        {
            throw VolunteerRules.CodeExpired.Broken();
        }

        var occurrence = await activities.FindOccurrenceAsync(code.OccurrenceId, ct) ?? throw VolunteerRules.CodeInvalid.Broken();
        var activity = await activities.FindAsync(occurrence.ActivityId, ct) ?? throw VolunteerRules.CodeInvalid.Broken();
        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct)
            ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        var signup = await db.Signups.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ActivityId == activity.Id && s.VolunteerId == volunteer.Id && s.Status == SignupStatus.Confirmed, ct)
            ?? throw VolunteerRules.NotSignedUp.Broken();
        var distance = CheckDistance(request, activity);

        var existing = await db.Attendances.FirstOrDefaultAsync(a => a.VolunteerId == volunteer.Id && a.OccurrenceId == occurrence.Id, ct);
        if (code.Kind == CodeKind.CheckIn)
        {
            if (existing?.CheckInAt is not null)
            {
                return ToDto(existing) with { Repeated = true };
            }

            if (scannedAt < occurrence.Start.AddMinutes(-Rules.OpensMinutesBefore) || scannedAt >= occurrence.End)
            {
                throw VolunteerRules.OutsideWindow.Broken();
            }

            var attendance = existing ?? New(activity, occurrence, signup, volunteer.OwnerUserId);
            attendance.CheckInAt = scannedAt;
            attendance.CheckInMethod = CheckMethod.Code;
            attendance.ReceivedAt = now;
            attendance.DistanceMeters = distance;
            attendance.Late = scannedAt > occurrence.Start.AddMinutes(Rules.LateAfterMinutes);
            attendance.Status = AttendanceStatus.CheckedIn;
            if (existing is null)
            {
                db.Attendances.Add(attendance);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same check-in arrived twice at once (a double tap, a retry): the first one stands.
                db.ChangeTracker.Clear();
                var first = await db.Attendances.AsNoTracking().FirstAsync(a => a.VolunteerId == volunteer.Id && a.OccurrenceId == occurrence.Id, ct);
                return ToDto(first) with { Repeated = true };
            }

            return ToDto(attendance);
        }

        if (existing?.CheckInAt is not { } checkedIn)
        {
            throw VolunteerRules.NotCheckedIn.Broken();
        }

        if (existing.CheckOutAt is not null)
        {
            return ToDto(existing) with { Repeated = true };
        }

        if (scannedAt <= checkedIn)
        {
            throw VolunteerRules.OutBeforeIn.Broken();
        }

        if (scannedAt > occurrence.End.AddMinutes(Rules.ClosesMinutesAfter))
        {
            throw VolunteerRules.OutsideWindow.Broken();
        }

        existing.CheckOutAt = scannedAt;
        existing.CheckOutMethod = CheckMethod.Code;
        existing.LeftEarly = scannedAt < occurrence.End.AddMinutes(-Rules.EarlyBeforeMinutes);
        existing.Minutes = ServiceTime.MinutesWithin(checkedIn, scannedAt, occurrence.Start, occurrence.End);
        existing.Status = AttendanceStatus.CheckedOut;
        try
        {
            // CheckOutAt is a concurrency token: the UPDATE also requires it still empty, so of two check-outs at once one wins.
            await db.SaveChangesAsync(ct);
            return ToDto(existing);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var first = await db.Attendances.AsNoTracking().FirstAsync(a => a.Id == existing.Id, ct);
            return ToDto(first) with { Repeated = true };
        }
    }

    /// <summary>The codes to show at an occurrence now (check-in and check-out), valid for <see cref="CheckInOptions.CodeLifetimeMinutes"/>.</summary>
    public async Task<(ActivityOccurrence Occurrence, string CheckIn, string CheckOut, DateTimeOffset ValidUntil)> CodesAsync(Guid activityId, Guid? occurrenceId, CancellationToken ct)
    {
        var activity = await OwnActivityAsync(activityId, ct);
        var list = await activities.OccurrencesAsync(activity.Id, ct);
        var now = clock.GetUtcNow();
        var occurrence = occurrenceId is { } id
            ? list.FirstOrDefault(o => o.Id == id) ?? throw new NotFoundException("Occurrence", id)
            : list.FirstOrDefault(o => o.End.AddMinutes(Rules.ClosesMinutesAfter) > now) ?? (list.Count > 0 ? list[^1] : null) ?? throw new NotFoundException("Occurrence", activityId);
        return (occurrence, codes.Issue(CodeKind.CheckIn, occurrence.Id, now), codes.Issue(CodeKind.CheckOut, occurrence.Id, now), now.AddMinutes(Rules.CodeLifetimeMinutes));
    }

    /// <summary>The attendance sheet of an activity: every confirmed sign-up with its record for the occurrence, if any.</summary>
    public async Task<IReadOnlyList<AttendanceDto>> SheetAsync(Guid activityId, CancellationToken ct)
    {
        await OwnActivityAsync(activityId, ct);
        var rows = await db.Attendances.AsNoTracking().Where(a => a.ActivityId == activityId).OrderBy(a => a.OccurrenceStart).ThenBy(a => a.VolunteerName).ToListAsync(ct);
        return [.. rows.Select(ToDto)];
    }

    /// <summary>The organizer records or completes times for a confirmed sign-up (not for a confirmed record: that takes a correction).</summary>
    public async Task<AttendanceDto> RecordAsync(Guid activityId, AttendanceRecordRequest request, CancellationToken ct)
    {
        var activity = await OwnActivityAsync(activityId, ct);
        request.CheckInAt = request.CheckInAt?.ToUniversalTime();
        request.CheckOutAt = request.CheckOutAt?.ToUniversalTime();
        var signup = await db.Signups.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SignupId && s.ActivityId == activityId && s.Status == SignupStatus.Confirmed, ct)
            ?? throw new NotFoundException("Signup", request.SignupId);
        var occurrence = (await activities.OccurrencesAsync(activityId, ct)).FirstOrDefault(o => o.Id == request.OccurrenceId)
            ?? throw new NotFoundException("Occurrence", request.OccurrenceId);
        ValidateTimes(request.CheckInAt, request.CheckOutAt, occurrence);
        var attendance = await db.Attendances.FirstOrDefaultAsync(a => a.VolunteerId == signup.VolunteerId && a.OccurrenceId == occurrence.Id, ct);
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

        ValidateTimes(attendance.CheckInAt, attendance.CheckOutAt, occurrence);
        Recompute(attendance);
        await db.SaveChangesAsync(ct);
        return ToDto(attendance);
    }

    /// <summary>
    /// The organizer confirms a record: its minutes count (less any overlap with the volunteer's other
    /// confirmed records) and earn love points, exactly once.
    /// </summary>
    public async Task<AttendanceDto> ConfirmAsync(Guid attendanceId, CancellationToken ct)
    {
        RequireOrganizer();
        var attendance = await db.Attendances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attendanceId, ct) ?? throw new NotFoundException("Attendance", attendanceId);
        if (attendance.CheckInAt is null || attendance.CheckOutAt is null)
        {
            throw VolunteerRules.Incomplete.Broken();
        }

        var organization = await organizations.FindAsync(attendance.OrganizationId, ct);
        var handler = await accounts.DisplayNameOfAsync(user, ct);
        return await UnderVolunteerLockAsync(attendance.VolunteerId, attendanceId, async record =>
        {
            if (record.Status == AttendanceStatus.Confirmed)
            {
                return false;
            }

            record.Status = AttendanceStatus.Confirmed;
            record.ConfirmedBy = user.UserName;
            record.ConfirmedByName = handler;
            record.ConfirmedAt = clock.GetUtcNow();
            record.OrganizationName = organization?.Name ?? record.OrganizationName;
            record.OrganizationContact = organization?.ContactPhone ?? record.OrganizationContact;
            return true;
        }, ct);
    }

    /// <summary>The organizer refuses a record; if it had counted, its hours and points are taken back.</summary>
    public async Task<AttendanceDto> RejectAsync(Guid attendanceId, string? reason, CancellationToken ct)
    {
        RequireOrganizer();
        var attendance = await db.Attendances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attendanceId, ct) ?? throw new NotFoundException("Attendance", attendanceId);
        RequireReason(reason);
        return await UnderVolunteerLockAsync(attendance.VolunteerId, attendanceId, record =>
        {
            if (record.Status == AttendanceStatus.Rejected)
            {
                return Task.FromResult(false);
            }

            AddCorrection(record, record.CheckInAt, record.CheckOutAt, reason!);
            record.Status = AttendanceStatus.Rejected;
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>Changes a record's times with a reason (kept with the old times); a confirmed record's hours and points follow.</summary>
    public async Task<AttendanceDto> CorrectAsync(Guid attendanceId, AttendanceCorrectionRequest request, CancellationToken ct)
    {
        RequireOrganizer();
        InputValidator.ThrowIfInvalid(request);
        var attendance = await db.Attendances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attendanceId, ct) ?? throw new NotFoundException("Attendance", attendanceId);
        var occurrence = new ActivityOccurrence(attendance.OccurrenceId, attendance.ActivityId, attendance.OccurrenceStart, attendance.OccurrenceEnd);
        var checkIn = request.CheckInAt?.ToUniversalTime() ?? attendance.CheckInAt;
        var checkOut = request.CheckOutAt?.ToUniversalTime() ?? attendance.CheckOutAt;
        ValidateTimes(checkIn, checkOut, occurrence);
        return await UnderVolunteerLockAsync(attendance.VolunteerId, attendanceId, record =>
        {
            AddCorrection(record, checkIn, checkOut, request.Reason!.Trim());
            record.CheckInAt = checkIn;
            record.CheckOutAt = checkOut;
            record.Late = checkIn > record.OccurrenceStart.AddMinutes(Rules.LateAfterMinutes);
            record.LeftEarly = checkOut < record.OccurrenceEnd.AddMinutes(-Rules.EarlyBeforeMinutes);
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>A volunteer's records and confirmed total: their own, or one in the caller's scope.</summary>
    public async Task<HoursSummary> HoursAsync(Guid? volunteerId, CancellationToken ct)
    {
        if (volunteerId is { } id)
        {
            // An organizer sees the records in their scope (the service done with them), even when the volunteer lives elsewhere.
            var theirs = await db.Attendances.AsNoTracking().Where(a => a.VolunteerId == id).OrderByDescending(a => a.OccurrenceStart).Take(500).ToListAsync(ct);
            if (theirs.Count == 0 && !await db.Volunteers.AnyAsync(v => v.Id == id, ct))
            {
                throw new NotFoundException("Volunteer", id);
            }

            return Summary(id, ServiceTime.TotalMinutes(theirs.Where(r => r.Status == AttendanceStatus.Confirmed).Select(Interval)), theirs);
        }

        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct) ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        var records = await db.Attendances.AsNoTracking().Where(a => a.VolunteerId == volunteer.Id).OrderByDescending(a => a.OccurrenceStart).Take(500).ToListAsync(ct);
        var confirmed = await db.HoursTotals.Where(h => h.VolunteerId == volunteer.Id).Select(h => h.ConfirmedMinutes).FirstOrDefaultAsync(ct);
        return Summary(volunteer.Id, confirmed, records);

        static HoursSummary Summary(Guid volunteerId, int confirmed, List<Attendance> records) =>
            new(volunteerId, confirmed, records.Where(r => r.Status is AttendanceStatus.CheckedOut).Sum(r => r.Minutes), [.. records.Select(ToDto)]);
    }

    private async Task<AttendanceDto> UnderVolunteerLockAsync(Guid volunteerId, Guid attendanceId, Func<Attendance, Task<bool>> change, CancellationToken ct)
    {
        await points.EnsureBalanceAsync(volunteerId, ct);
        if (!await db.HoursTotals.AnyAsync(h => h.VolunteerId == volunteerId, ct))
        {
            try
            {
                db.HoursTotals.Add(new HoursTotal { VolunteerId = volunteerId });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The lock: every change to this volunteer's confirmed time starts by touching their total.
        await db.HoursTotals.Where(h => h.VolunteerId == volunteerId).ExecuteUpdateAsync(s => s.SetProperty(h => h.Records, h => h.Records), ct);
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
        await db.HoursTotals.Where(h => h.VolunteerId == volunteerId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ConfirmedMinutes, total).SetProperty(h => h.Records, otherIntervals.Count + (counts ? 1 : 0)), ct);

        // Points: the new award first, then the compensating row for the old one, so the balance never dips on the way.
        record.Version++;
        var previous = record.PointsEntryId;
        record.PointsEntryId = null;
        var earned = record.CreditedMinutes * rates.Value.PointsPerHour / 60;
        if (earned > 0)
        {
            var award = await points.AwardForServiceAsync(volunteerId, earned,
                VolunteerText.Get("Hours_PointsReason", record.ActivityTitle, FormatHours(record.CreditedMinutes)), $"hours:{record.Id}:v{record.Version}", ct);
            record.PointsEntryId = award.Id;
        }

        if (wasCounted && previous is { } old)
        {
            await points.CompensateAsync(old, VolunteerText.Get("Hours_PointsReversal", record.ActivityTitle), ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        pool.Invalidate();
        return ToDto(record);
    }

    public static string FormatHours(int minutes) => (minutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static (DateTimeOffset Start, DateTimeOffset End) Interval(Attendance a) => Interval(a.CheckInAt, a.CheckOutAt, a.OccurrenceStart, a.OccurrenceEnd);

    private static (DateTimeOffset Start, DateTimeOffset End) Interval(DateTimeOffset? checkIn, DateTimeOffset? checkOut, DateTimeOffset start, DateTimeOffset end)
    {
        if (checkIn is not { } from || checkOut is not { } to)
        {
            return (start, start);
        }

        var s = from > start ? from : start;
        var e = to < end ? to : end;
        return e > s ? (s, e) : (s, s);
    }

    private static void Recompute(Attendance a)
    {
        a.Minutes = a.CheckInAt is { } i && a.CheckOutAt is { } o ? ServiceTime.MinutesWithin(i, o, a.OccurrenceStart, a.OccurrenceEnd) : 0;
        if (a.Status is AttendanceStatus.CheckedIn or AttendanceStatus.CheckedOut || a.Status == 0)
        {
            a.Status = a.CheckOutAt is null ? AttendanceStatus.CheckedIn : AttendanceStatus.CheckedOut;
        }
    }

    private void AddCorrection(Attendance record, DateTimeOffset? checkIn, DateTimeOffset? checkOut, string reason) =>
        db.Corrections.Add(new AttendanceCorrection
        {
            Id = Guid.CreateVersion7(), AttendanceId = record.Id, OrganizationId = record.OrganizationId, RegionCode = record.RegionCode,
            OldCheckInAt = record.CheckInAt, OldCheckOutAt = record.CheckOutAt, NewCheckInAt = checkIn, NewCheckOutAt = checkOut,
            Reason = reason.Trim(), CorrectedBy = user.UserName ?? "system", CorrectedAt = clock.GetUtcNow(),
        });

    private void ValidateTimes(DateTimeOffset? checkIn, DateTimeOffset? checkOut, ActivityOccurrence occurrence)
    {
        if (checkIn is null && checkOut is not null)
        {
            throw VolunteerRules.NotCheckedIn.Broken();
        }

        if (checkIn is { } i && checkOut is { } o && o <= i)
        {
            throw InputValidationException.For("checkOutAt", VolunteerText.Get("CheckIn_OutBeforeInTime"));
        }

        if (checkIn is { } early && early < occurrence.Start.AddMinutes(-Rules.OpensMinutesBefore) || checkOut is { } late && late > occurrence.End.AddMinutes(Rules.ClosesMinutesAfter))
        {
            throw InputValidationException.For("checkInAt", VolunteerText.Get("CheckIn_OutsideWindow"));
        }

        if (checkIn > clock.GetUtcNow().AddMinutes(2) || checkOut > clock.GetUtcNow().AddMinutes(2))
        {
            throw InputValidationException.For("checkInAt", VolunteerText.Get("CheckIn_FutureTime"));
        }
    }

    private int? CheckDistance(CheckInRequest request, ActivityBrief activity)
    {
        if (request.Latitude is not { } lat || request.Longitude is not { } lng)
        {
            if (Rules.RadiusMeters > 0 && Rules.RequireLocation && activity.Latitude is not null)
            {
                throw VolunteerRules.LocationRequired.Broken();
            }

            return null;
        }

        if (activity.Latitude is not { } venueLat || activity.Longitude is not { } venueLng)
        {
            return null;
        }

        var meters = (int)Math.Round(GreatCircle.Kilometres(lat, lng, venueLat, venueLng) * 1000);
        if (Rules.RadiusMeters > 0 && meters > Rules.RadiusMeters)
        {
            throw VolunteerRules.TooFar.Broken(meters, Rules.RadiusMeters);
        }

        return meters;
    }

    private Task<ActivityBrief> OwnActivityAsync(Guid activityId, CancellationToken ct) => access.OwnActivityAsync(activityId, ct);

    private void RequireOrganizer() => access.RequireOrganizer();

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
        {
            throw InputValidationException.For("reason", VolunteerText.Get("Hours_ReasonRequired"));
        }
    }

    private static Attendance New(ActivityBrief activity, ActivityOccurrence occurrence, Signup signup, string ownerUserId) => new()
    {
        Id = Guid.CreateVersion7(), ActivityId = activity.Id, OccurrenceId = occurrence.Id, VolunteerId = signup.VolunteerId, SignupId = signup.Id,
        OrganizationId = activity.OrganizationId, RegionCode = activity.RegionCode, OwnerUserId = ownerUserId, VolunteerName = signup.VolunteerName,
        ActivityTitle = activity.Title.Length > 200 ? activity.Title[..200] : activity.Title, OccurrenceStart = occurrence.Start, OccurrenceEnd = occurrence.End,
        Status = AttendanceStatus.CheckedIn,
    };

    internal static AttendanceDto ToDto(Attendance a) => new(
        a.Id, a.ActivityId, a.OccurrenceId, a.VolunteerId, a.VolunteerName, a.ActivityTitle, a.OccurrenceStart, a.OccurrenceEnd, a.CheckInAt, a.CheckOutAt,
        a.CheckInMethod, a.CheckOutMethod, a.Late, a.LeftEarly, a.DistanceMeters, a.Status, a.Minutes, a.CreditedMinutes, a.ConfirmedByName ?? a.ConfirmedBy);
}
