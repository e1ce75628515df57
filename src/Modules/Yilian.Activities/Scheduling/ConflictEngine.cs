using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.SharedKernel;

namespace Yilian.Activities.Scheduling;

public enum ConflictKind
{
    Venue,
    Person,
    Capacity,
    Hours,
}

/// <summary>One reason a proposed occurrence cannot be booked; <c>Other*</c> name the booking in the way, if any.</summary>
public sealed record Conflict(
    ConflictKind Kind, DateTimeOffset OccurrenceStart, DateTimeOffset OccurrenceEnd, Guid? OtherActivityId, Guid? OtherOccurrenceId,
    DateTimeOffset? OtherStart, DateTimeOffset? OtherEnd, string? Person, string Reason);

/// <summary>The rules of a venue that the engine checks.</summary>
public sealed record VenueRules(Guid Id, int Capacity, WeeklyHours Hours, bool FollowsWorkCalendar, IReadOnlyDictionary<DateOnly, string> Closures, int BufferMinutes)
{
    public TimeSpan Buffer => TimeSpan.FromMinutes(BufferMinutes);
}

/// <summary>What is to be booked: every occurrence, the venue (or none when online), the people it holds, and how many come.</summary>
public sealed record ScheduleCheck(IReadOnlyList<Interval> Occurrences, VenueRules? Venue, IReadOnlyList<string> People, int Participants)
{
    /// <summary>The activity being moved: its own bookings are not in its way.</summary>
    public Guid? IgnoreActivityId { get; init; }

    /// <summary>When only one occurrence moves, the activity's other occurrences still count.</summary>
    public Guid? IgnoreOccurrenceId { get; init; }
}

/// <summary>
/// The one conflict engine behind every calendar. Intervals are half-open; a venue's buffer keeps
/// [start, end + buffer) of each booking, so two bookings of a venue are at least the buffer apart.
/// Pure: the caller loads the occupancy around the checked times; the database enforces the same rule
/// for venues (PostgreSQL exclusion constraint, SQLite serialized write transaction).
/// </summary>
public static class ConflictEngine
{
    public static IReadOnlyList<Conflict> Check(ScheduleCheck check, Occupancy occupancy, HolidayCalendar calendar)
    {
        var conflicts = new List<Conflict>();
        var venue = check.Venue;
        if (venue is not null && check.Participants > venue.Capacity && check.Occurrences.Count > 0)
        {
            var first = check.Occurrences[0];
            conflicts.Add(new Conflict(ConflictKind.Capacity, first.Start, first.End, null, null, null, null, null,
                ActivityText.Get("Conflict_Capacity", check.Participants, venue.Capacity)));
        }

        var ordered = check.Occurrences.OrderBy(o => o.Start).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var occurrence = ordered[i];
            if (venue is not null)
            {
                if (HoursProblem(venue, occurrence, calendar) is { } reason)
                {
                    conflicts.Add(new Conflict(ConflictKind.Hours, occurrence.Start, occurrence.End, null, null, null, null, null, reason));
                }

                var buffer = venue.Buffer;
                foreach (var busy in occupancy.Venue(venue.Id).Overlapping(occurrence.Start - buffer, occurrence.End + buffer))
                {
                    if (!Ignored(check, busy))
                    {
                        conflicts.Add(new Conflict(ConflictKind.Venue, occurrence.Start, occurrence.End, busy.ActivityId, busy.OccurrenceId, busy.Start, busy.End, null,
                            ActivityText.Get("Conflict_Venue", Local(busy.Start), Local(busy.End))));
                    }
                }

                // Occurrences of one rule may collide with each other (an hourly rule of two-hour sessions).
                if (i > 0 && ordered[i - 1].End + buffer > occurrence.Start)
                {
                    conflicts.Add(new Conflict(ConflictKind.Venue, occurrence.Start, occurrence.End, null, null, ordered[i - 1].Start, ordered[i - 1].End, null,
                        ActivityText.Get("Conflict_Self", Local(ordered[i - 1].Start))));
                }
            }

            foreach (var person in check.People)
            {
                foreach (var busy in occupancy.Person(person).Overlapping(occurrence.Start, occurrence.End))
                {
                    if (!Ignored(check, busy))
                    {
                        conflicts.Add(new Conflict(ConflictKind.Person, occurrence.Start, occurrence.End, busy.ActivityId, busy.OccurrenceId, busy.Start, busy.End, person,
                            ActivityText.Get("Conflict_Person", Local(busy.Start), Local(busy.End))));
                    }
                }

                if (venue is null && i > 0 && ordered[i - 1].End > occurrence.Start)
                {
                    conflicts.Add(new Conflict(ConflictKind.Person, occurrence.Start, occurrence.End, null, null, ordered[i - 1].Start, ordered[i - 1].End, person,
                        ActivityText.Get("Conflict_Self", Local(ordered[i - 1].Start))));
                }
            }
        }

        return conflicts;
    }

    private static bool Ignored(ScheduleCheck check, Busy busy) =>
        check.IgnoreOccurrenceId is { } occurrence ? busy.OccurrenceId == occurrence : busy.ActivityId == check.IgnoreActivityId;

    /// <summary>Null when the occurrence lies within one day's opening hours, else why not.</summary>
    public static string? HoursProblem(VenueRules venue, Interval occurrence, HolidayCalendar calendar)
    {
        var start = ChinaTime.ToChina(occurrence.Start);
        var end = ChinaTime.ToChina(occurrence.End);
        var date = DateOnly.FromDateTime(start.DateTime);
        var hours = HoursOn(venue, date, calendar, out var closedReason);
        if (hours is null)
        {
            return closedReason;
        }

        var endsSameDay = DateOnly.FromDateTime(end.DateTime) == date;
        return endsSameDay && TimeOnly.FromTimeSpan(start.TimeOfDay) >= hours.Open && TimeOnly.FromTimeSpan(end.TimeOfDay) <= hours.Close
            ? null
            : ActivityText.Get("Conflict_Hours", date.ToString("yyyy-MM-dd"), hours.Open.ToString("HH:mm"), hours.Close.ToString("HH:mm"));
    }

    /// <summary>The venue's hours on a date in China time, or null with the reason it is closed.</summary>
    public static DayHours? HoursOn(VenueRules venue, DateOnly date, HolidayCalendar calendar, out string? closedReason)
    {
        closedReason = null;
        if (venue.Closures.TryGetValue(date, out var why))
        {
            closedReason = ActivityText.Get("Conflict_ClosedDay", date.ToString("yyyy-MM-dd"), why);
            return null;
        }

        var kind = venue.FollowsWorkCalendar ? calendar.Kind(date) : DayKind.Ordinary;
        if (kind == DayKind.Holiday)
        {
            closedReason = ActivityText.Get("Conflict_Holiday", date.ToString("yyyy-MM-dd"));
            return null;
        }

        var hours = venue.Hours.For(kind == DayKind.AdjustedWorkday ? DayOfWeek.Monday : date.DayOfWeek);
        if (hours is null)
        {
            closedReason = ActivityText.Get("Conflict_ClosedWeekday", date.ToString("yyyy-MM-dd"));
        }

        return hours;
    }

    private static string Local(DateTimeOffset t) => ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm");
}
