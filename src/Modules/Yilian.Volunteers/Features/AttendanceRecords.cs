using Yilian.Activities.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record AttendanceDto(
    Guid Id, Guid ActivityId, Guid OccurrenceId, Guid VolunteerId, string VolunteerName, string ActivityTitle,
    DateTimeOffset OccurrenceStart, DateTimeOffset OccurrenceEnd, DateTimeOffset? CheckInAt, DateTimeOffset? CheckOutAt,
    CheckMethod? CheckInMethod, CheckMethod? CheckOutMethod, bool Late, bool LeftEarly, int? DistanceMeters,
    AttendanceStatus Status, int Minutes, int CreditedMinutes, string? ConfirmedBy, bool Repeated = false);

/// <summary>
/// What every use case of attendance shares: a new record for a sign-up, its minutes and status from its times,
/// the check of times the organizer types, its interval for the service-time arithmetic, and its DTO.
/// </summary>
internal static class AttendanceRecords
{
    public static Attendance New(ActivityBrief activity, ActivityOccurrence occurrence, Signup signup, string ownerUserId) => new()
    {
        Id = Guid.CreateVersion7(), ActivityId = activity.Id, OccurrenceId = occurrence.Id, VolunteerId = signup.VolunteerId,
        SignupId = signup.Id, OrganizationId = activity.OrganizationId, RegionCode = activity.RegionCode, OwnerUserId = ownerUserId,
        VolunteerName = signup.VolunteerName, ActivityTitle = activity.Title.Length > 200 ? activity.Title[..200] : activity.Title,
        OccurrenceStart = occurrence.Start, OccurrenceEnd = occurrence.End, Status = AttendanceStatus.CheckedIn,
    };

    /// <summary>The record's minutes inside its occurrence, and (until confirmed or rejected) its status from its times.</summary>
    public static void Recompute(Attendance a)
    {
        a.Minutes = a.CheckInAt is { } i && a.CheckOutAt is { } o ? ServiceTime.MinutesWithin(i, o, a.OccurrenceStart, a.OccurrenceEnd) : 0;
        if (a.Status is AttendanceStatus.CheckedIn or AttendanceStatus.CheckedOut || a.Status == 0)
        {
            a.Status = a.CheckOutAt is null ? AttendanceStatus.CheckedIn : AttendanceStatus.CheckedOut;
        }
    }

    /// <summary>Times the organizer enters: in before out, within the occurrence's window, not in the future.</summary>
    public static void ValidateTimes(
        DateTimeOffset? checkIn, DateTimeOffset? checkOut, ActivityOccurrence occurrence, CheckInOptions rules, DateTimeOffset now)
    {
        if (checkIn is null && checkOut is not null)
        {
            throw VolunteerRules.NotCheckedIn.Broken();
        }

        if (checkIn is { } i && checkOut is { } o && o <= i)
        {
            throw InputValidationException.For("checkOutAt", VolunteerText.Get("CheckIn_OutBeforeInTime"));
        }

        if (checkIn < occurrence.Start.AddMinutes(-rules.OpensMinutesBefore)
            || checkOut > occurrence.End.AddMinutes(rules.ClosesMinutesAfter))
        {
            throw InputValidationException.For("checkInAt", VolunteerText.Get("CheckIn_OutsideWindow"));
        }

        if (checkIn > now.AddMinutes(2) || checkOut > now.AddMinutes(2))
        {
            throw InputValidationException.For("checkInAt", VolunteerText.Get("CheckIn_FutureTime"));
        }
    }

    /// <summary>The part of the occurrence the record covers; empty while it lacks a check-in or check-out.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Interval(Attendance a) =>
        Interval(a.CheckInAt, a.CheckOutAt, a.OccurrenceStart, a.OccurrenceEnd);

    public static (DateTimeOffset Start, DateTimeOffset End) Interval(
        DateTimeOffset? checkIn, DateTimeOffset? checkOut, DateTimeOffset start, DateTimeOffset end)
    {
        if (checkIn is not { } from || checkOut is not { } to)
        {
            return (start, start);
        }

        var s = from > start ? from : start;
        var e = to < end ? to : end;
        return e > s ? (s, e) : (s, s);
    }

    public static AttendanceDto ToDto(Attendance a) => new(
        a.Id, a.ActivityId, a.OccurrenceId, a.VolunteerId, a.VolunteerName, a.ActivityTitle, a.OccurrenceStart, a.OccurrenceEnd,
        a.CheckInAt, a.CheckOutAt, a.CheckInMethod, a.CheckOutMethod, a.Late, a.LeftEarly, a.DistanceMeters, a.Status, a.Minutes,
        a.CreditedMinutes, a.ConfirmedByName ?? a.ConfirmedBy);
}
