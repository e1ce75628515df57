using Yilian.Activities.Domain;
using Yilian.SharedKernel;

namespace Yilian.Activities.Scheduling;

/// <summary>
/// The earliest free slots of a venue for a duration within a window, with every required person free:
/// candidates start on a grid (15 minutes by default) and, when blocked, jump past what blocks them
/// (the next opening, the end of the booking in the way plus the buffer) instead of stepping blindly.
/// Every slot returned passes <see cref="ConflictEngine.Check"/>.
/// </summary>
public static class FreeSlotFinder
{
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<Interval> Find(
        VenueRules venue, TimeSpan duration, Interval window, IReadOnlyList<string> people, Occupancy occupancy, HolidayCalendar calendar, int max = 5, TimeSpan? step = null)
    {
        var grid = step ?? DefaultStep;
        var found = new List<Interval>();
        var candidate = RoundUp(window.Start, grid);
        // Bounded: every turn moves at least one grid step forward.
        while (found.Count < max && candidate + duration <= window.End)
        {
            var slot = new Interval(candidate, candidate + duration);
            var conflicts = ConflictEngine.Check(new ScheduleCheck([slot], venue, people, 0), occupancy, calendar);
            if (conflicts.Count == 0)
            {
                found.Add(slot);
                candidate = RoundUp(slot.End + venue.Buffer, grid);
                continue;
            }

            var next = candidate + grid;
            foreach (var c in conflicts)
            {
                var after = c.Kind switch
                {
                    ConflictKind.Venue when c.OtherEnd is { } end => end + venue.Buffer,
                    ConflictKind.Person when c.OtherEnd is { } end => end,
                    ConflictKind.Hours => NextOpening(venue, candidate, calendar) ?? window.End,
                    _ => next,
                };
                if (after > next)
                {
                    next = after;
                }
            }

            candidate = RoundUp(next, grid);
        }

        return found;
    }

    /// <summary>The first opening time after <paramref name="from"/> that is not already past (today's if still ahead, else a later day's), within 400 days.</summary>
    private static DateTimeOffset? NextOpening(VenueRules venue, DateTimeOffset from, HolidayCalendar calendar)
    {
        var local = ChinaTime.ToChina(from);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 400; i++, date = date.AddDays(1))
        {
            if (ConflictEngine.HoursOn(venue, date, calendar, out _) is not { } hours)
            {
                continue;
            }

            var open = new DateTimeOffset(date.ToDateTime(hours.Open), local.Offset);
            if (open > from)
            {
                return open;
            }
        }

        return null;
    }

    private static DateTimeOffset RoundUp(DateTimeOffset t, TimeSpan grid)
    {
        var ticks = t.UtcTicks % grid.Ticks;
        return ticks == 0 ? t : t.AddTicks(grid.Ticks - ticks);
    }
}
