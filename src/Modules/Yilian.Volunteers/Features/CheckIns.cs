using System.ComponentModel.DataAnnotations;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

using static Yilian.Volunteers.Features.AttendanceRecords;

namespace Yilian.Volunteers.Features;

public sealed class CheckInRequest
{
    [RequiredField, Label(typeof(VolunteerText), "CheckIn_Code")]
    public string? Code { get; set; }

    /// <summary>When the phone scanned the code: later than now is refused, absent is now; an offline phone sends its time.</summary>
    public DateTimeOffset? ScannedAt { get; set; }

    [Range(-90, 90)]
    public double? Latitude { get; set; }

    [Range(-180, 180)]
    public double? Longitude { get; set; }
}

/// <summary>
/// Check-in and check-out with the signed codes shown at the activity: the organizer's screen shows the codes, the
/// volunteer's phone submits what it scanned (offline, later, within the grace period). A repeat answers with the
/// record as it stands and counts nothing twice.
/// </summary>
internal sealed class CheckIns(
    VolunteersDbContext db, IActivityCatalog activities, CheckInCodes codes, IOptions<CheckInOptions> options, ActivityAccess access,
    ICurrentUser user, TimeProvider clock)
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
            .FirstOrDefaultAsync(s => s.ActivityId == activity.Id && s.VolunteerId == volunteer.Id
                && s.Status == SignupStatus.Confirmed, ct)
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
                var first = await db.Attendances.AsNoTracking()
                    .FirstAsync(a => a.VolunteerId == volunteer.Id && a.OccurrenceId == occurrence.Id, ct);
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

    /// <summary>
    /// The codes to show at an occurrence now (check-in and check-out), valid for <see cref="CheckInOptions.CodeLifetimeMinutes"/>:
    /// the one asked for, else the first not yet closed, else the last.
    /// </summary>
    public async Task<(ActivityOccurrence Occurrence, string CheckIn, string CheckOut, DateTimeOffset ValidUntil)> CodesAsync(
        Guid activityId, Guid? occurrenceId, CancellationToken ct)
    {
        var activity = await access.OwnActivityAsync(activityId, ct);
        var list = await activities.OccurrencesAsync(activity.Id, ct);
        var now = clock.GetUtcNow();
        var occurrence = occurrenceId is { } id
            ? list.FirstOrDefault(o => o.Id == id) ?? throw new NotFoundException("Occurrence", id)
            : list.FirstOrDefault(o => o.End.AddMinutes(Rules.ClosesMinutesAfter) > now) ?? (list.Count > 0 ? list[^1] : null)
                ?? throw new NotFoundException("Occurrence", activityId);
        return (occurrence, codes.Issue(CodeKind.CheckIn, occurrence.Id, now), codes.Issue(CodeKind.CheckOut, occurrence.Id, now),
            now.AddMinutes(Rules.CodeLifetimeMinutes));
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
}

