using Yilian.Activities.Domain;
using Yilian.Activities.Scheduling;
using Yilian.SharedKernel;

namespace Yilian.Activities.Tests;

/// <summary>The engine against a brute-force reference that follows the rules as written, on thousands of random cases.</summary>
public sealed class ConflictEngineTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, China);

    private static readonly WeeklyHours Everyday = new() { Days = [.. Enumerable.Range(0, 7).Select(_ => new DayHours(new(7, 0), new(22, 0)))] };

    private static VenueRules Venue(Guid id, int buffer = 0, int capacity = 50, WeeklyHours? hours = null, bool calendar = true, Dictionary<DateOnly, string>? closures = null) =>
        new(id, capacity, hours ?? Everyday, calendar, closures ?? [], buffer);

    /// <summary>The rules as a reader of the issue states them, with no index and no cleverness.</summary>
    private static List<(ConflictKind Kind, DateTimeOffset Start, Guid? Other)> Reference(
        ScheduleCheck check, List<(Guid Venue, Busy Busy)> venueBookings, List<(string Person, Busy Busy)> personBookings, HolidayCalendar calendar)
    {
        var result = new List<(ConflictKind, DateTimeOffset, Guid?)>();
        var venue = check.Venue;
        if (venue is not null && check.Participants > venue.Capacity && check.Occurrences.Count > 0)
        {
            result.Add((ConflictKind.Capacity, check.Occurrences[0].Start, null));
        }

        var ordered = check.Occurrences.OrderBy(o => o.Start).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var o = ordered[i];
            if (venue is not null)
            {
                var local = o.Start.ToOffset(China);
                var localEnd = o.End.ToOffset(China);
                var date = DateOnly.FromDateTime(local.DateTime);
                var kind = venue.FollowsWorkCalendar ? calendar.Kind(date) : DayKind.Ordinary;
                var hours = venue.Closures.ContainsKey(date) || kind == DayKind.Holiday ? null
                    : venue.Hours.Days[(int)(kind == DayKind.AdjustedWorkday ? DayOfWeek.Monday : date.DayOfWeek)];
                var inside = hours is not null && DateOnly.FromDateTime(localEnd.DateTime) == date
                    && TimeOnly.FromDateTime(local.DateTime) >= hours.Open && TimeOnly.FromDateTime(localEnd.DateTime) <= hours.Close;
                if (!inside)
                {
                    result.Add((ConflictKind.Hours, o.Start, null));
                }

                var b = venue.Buffer;
                foreach (var (v, busy) in venueBookings)
                {
                    // Two bookings of a venue must be at least the buffer apart.
                    var apart = o.Start >= busy.End + b || busy.Start >= o.End + b;
                    if (v == venue.Id && !apart && busy.ActivityId != check.IgnoreActivityId)
                    {
                        result.Add((ConflictKind.Venue, o.Start, busy.OccurrenceId));
                    }
                }

                if (i > 0 && !(o.Start >= ordered[i - 1].End + b))
                {
                    result.Add((ConflictKind.Venue, o.Start, null));
                }
            }

            foreach (var person in check.People)
            {
                foreach (var (p, busy) in personBookings)
                {
                    if (p == person && o.Start < busy.End && busy.Start < o.End && busy.ActivityId != check.IgnoreActivityId)
                    {
                        result.Add((ConflictKind.Person, o.Start, busy.OccurrenceId));
                    }
                }

                if (venue is null && i > 0 && ordered[i - 1].End > o.Start)
                {
                    result.Add((ConflictKind.Person, o.Start, null));
                }
            }
        }

        return result;
    }

    private static IEnumerable<(ConflictKind, DateTimeOffset, Guid?)> Key(IEnumerable<Conflict> conflicts) =>
        conflicts.Select(c => (c.Kind, c.OccurrenceStart, c.OtherOccurrenceId));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Engine_AgreesWithBruteForce_OnRandomBookingsRecurrencesAndPeople(int seed)
    {
        var random = new Random(seed);
        var calendar = HolidayCalendar.Embedded;
        var venueIds = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        var people = Enumerable.Range(0, 12).Select(i => $"staff:{i}").ToArray();
        var origin = At(2026, 9, 20, 0);
        var venueBookings = new List<(Guid, Busy)>();
        var personBookings = new List<(string, Busy)>();
        for (var i = 0; i < 3000; i++)
        {
            var start = origin.AddMinutes(random.Next(0, 60 * 24 * 30 / 15) * 15);
            var busy = new Busy(Guid.NewGuid(), Guid.NewGuid(), start, start.AddMinutes(15 * random.Next(1, 33)));
            if (random.Next(3) > 0)
            {
                venueBookings.Add((venueIds[random.Next(venueIds.Length)], busy));
            }
            else
            {
                personBookings.Add((people[random.Next(people.Length)], busy));
            }
        }

        var occupancy = new Occupancy(venueBookings, personBookings);
        var compared = 0;
        for (var i = 0; i < 2000; i++)
        {
            var start = origin.AddMinutes(random.Next(0, 60 * 24 * 30 / 15) * 15);
            var first = new Interval(start, start.AddMinutes(15 * random.Next(1, 25)));
            var occurrences = random.Next(4) == 0
                ? Recurrence.Expand(first, $"FREQ={(random.Next(2) == 0 ? "DAILY" : "WEEKLY")};COUNT={random.Next(2, 6)}")
                : [first];
            var closures = random.Next(5) == 0 ? new Dictionary<DateOnly, string> { [DateOnly.FromDateTime(start.ToOffset(China).DateTime)] = "检修" } : null;
            var venue = random.Next(6) == 0 ? null : Venue(venueIds[random.Next(venueIds.Length)], buffer: random.Next(3) * 15, capacity: 30,
                hours: random.Next(3) == 0 ? WeeklyHours.Default : Everyday, calendar: random.Next(2) == 0, closures: closures);
            var check = new ScheduleCheck(occurrences, venue, [.. people.Where(_ => random.Next(6) == 0)], random.Next(0, 40));

            var expected = Reference(check, venueBookings, personBookings, calendar);
            var actual = ConflictEngine.Check(check, occupancy, calendar);
            Key(actual).OrderBy(k => k.ToString()).ShouldBe(expected.OrderBy(k => k.ToString()), $"case {i}");
            compared += expected.Count;
        }

        compared.ShouldBeGreaterThan(500); // the random cases really do collide
    }

    [Fact]
    public void HalfOpen_BackToBack_IsFree_ButTheBufferIsKept()
    {
        var id = Guid.NewGuid();
        var existing = new Busy(Guid.NewGuid(), Guid.NewGuid(), At(2026, 12, 1, 9), At(2026, 12, 1, 11));
        var occupancy = new Occupancy([(id, existing)], []);
        var next = new Interval(At(2026, 12, 1, 11), At(2026, 12, 1, 12));

        ConflictEngine.Check(new ScheduleCheck([next], Venue(id), [], 10), occupancy, HolidayCalendar.Embedded).ShouldBeEmpty();
        var buffered = ConflictEngine.Check(new ScheduleCheck([next], Venue(id, buffer: 30), [], 10), occupancy, HolidayCalendar.Embedded);
        buffered.Single().Kind.ShouldBe(ConflictKind.Venue);
        buffered.Single().OtherOccurrenceId.ShouldBe(existing.OccurrenceId);
    }

    [Fact]
    public void Holidays_Close_The_Venue_And_Adjusted_Workdays_Open_It_With_Weekday_Hours()
    {
        var id = Guid.NewGuid();
        var calendar = HolidayCalendar.Embedded;
        calendar.Kind(new DateOnly(2026, 10, 1)).ShouldBe(DayKind.Holiday);
        calendar.Kind(new DateOnly(2026, 10, 10)).ShouldBe(DayKind.AdjustedWorkday); // a Saturday worked
        var venue = Venue(id, hours: WeeklyHours.Default); // Sundays closed, Saturdays 9–17, weekdays 8:30–21

        ConflictEngine.Check(new ScheduleCheck([new(At(2026, 10, 1, 10), At(2026, 10, 1, 11))], venue, [], 1), Occupancy.None, calendar)
            .Single().Kind.ShouldBe(ConflictKind.Hours);
        // Saturday 10 October is worked: open until 21:00 like a Monday.
        ConflictEngine.Check(new ScheduleCheck([new(At(2026, 10, 10, 19), At(2026, 10, 10, 20))], venue, [], 1), Occupancy.None, calendar).ShouldBeEmpty();
        // An ordinary Saturday closes at 17:00.
        ConflictEngine.Check(new ScheduleCheck([new(At(2026, 10, 17, 19), At(2026, 10, 17, 20))], venue, [], 1), Occupancy.None, calendar)
            .Single().Kind.ShouldBe(ConflictKind.Hours);
        // A venue that ignores the work calendar keeps its weekly hours on a holiday.
        ConflictEngine.Check(new ScheduleCheck([new(At(2026, 10, 1, 10), At(2026, 10, 1, 11))], venue with { FollowsWorkCalendar = false }, [], 1), Occupancy.None, calendar)
            .ShouldBeEmpty();
    }

    [Fact]
    public void FreeSlots_AreTheEarliest_AndEachPassesTheEngine()
    {
        var id = Guid.NewGuid();
        var random = new Random(7);
        var bookings = new List<(Guid, Busy)>();
        var day = At(2026, 12, 1, 8);
        for (var i = 0; i < 40; i++)
        {
            var start = day.AddMinutes(random.Next(0, 4 * 24 * 4) * 15);
            bookings.Add((id, new Busy(Guid.NewGuid(), Guid.NewGuid(), start, start.AddMinutes(30 * random.Next(1, 6)))));
        }

        var occupancy = new Occupancy(bookings, [(("staff:1"), new Busy(Guid.NewGuid(), Guid.NewGuid(), At(2026, 12, 1, 9), At(2026, 12, 1, 18)))]);
        var venue = Venue(id, buffer: 15, hours: WeeklyHours.Default);
        var window = new Interval(At(2026, 12, 1, 0), At(2026, 12, 5, 0));
        var slots = FreeSlotFinder.Find(venue, TimeSpan.FromMinutes(90), window, ["staff:1"], occupancy, HolidayCalendar.Embedded, max: 5);

        slots.Count.ShouldBe(5);
        foreach (var s in slots)
        {
            ConflictEngine.Check(new ScheduleCheck([s], venue, ["staff:1"], 0), occupancy, HolidayCalendar.Embedded).ShouldBeEmpty();
        }

        // Nothing free on the 15-minute grid before the first slot: brute force over every earlier start.
        for (var t = window.Start; t < slots[0].Start; t = t.AddMinutes(15))
        {
            ConflictEngine.Check(new ScheduleCheck([new Interval(t, t.AddMinutes(90))], venue, ["staff:1"], 0), occupancy, HolidayCalendar.Embedded).ShouldNotBeEmpty();
        }
    }

    [Theory]
    [InlineData("FREQ=WEEKLY", "COUNT")]
    [InlineData("FREQ=DAILY;COUNT=5000", "366")]
    [InlineData("FREQ=MINUTELY;UNTIL=20300101T000000", "366")]
    [InlineData("FREQ=SOMETIMES;COUNT=3", "RRULE")]
    public void Recurrence_IsBounded_WithAClearMessage(string rule, string mentions)
    {
        var first = new Interval(At(2026, 12, 1, 9), At(2026, 12, 1, 10));
        var error = Should.Throw<Yilian.SharedKernel.Errors.InputValidationException>(() => Recurrence.Expand(first, rule));
        string.Join(" ", error.Errors.SelectMany(e => e.Value)).ShouldContain(mentions);
    }

    [Fact]
    public void Recurrence_ExpandsInChinaTime()
    {
        var first = new Interval(At(2026, 12, 7, 9), At(2026, 12, 7, 10, 30));
        var all = Recurrence.Expand(first, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4");
        all.Select(o => ChinaTime.ToChina(o.Start).ToString("MM-dd HH:mm")).ShouldBe(["12-07 09:00", "12-09 09:00", "12-14 09:00", "12-16 09:00"]);
        all.ShouldAllBe(o => o.Length == TimeSpan.FromMinutes(90));
    }
}
