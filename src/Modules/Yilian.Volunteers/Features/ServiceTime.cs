namespace Yilian.Volunteers.Features;

/// <summary>
/// Service-time arithmetic on half-open intervals [start, end): the minutes a record serves inside its
/// occurrence, the union of a volunteer's records (so overlapping records never count twice), and the
/// part of one record that others have not already counted.
/// </summary>
public static class ServiceTime
{
    /// <summary>Whole minutes of [checkIn, checkOut) that fall inside [start, end); zero when they do not meet.</summary>
    public static int MinutesWithin(DateTimeOffset checkIn, DateTimeOffset checkOut, DateTimeOffset start, DateTimeOffset end)
    {
        var from = checkIn > start ? checkIn : start;
        var to = checkOut < end ? checkOut : end;
        return to > from ? (int)Math.Floor((to - from).TotalMinutes) : 0;
    }

    /// <summary>The intervals merged into disjoint ones in time order (touching intervals join).</summary>
    public static List<(DateTimeOffset Start, DateTimeOffset End)> Union(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                if (end > merged[^1].End)
                {
                    merged[^1] = (merged[^1].Start, end);
                }
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    public static int TotalMinutes(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals) =>
        (int)Math.Floor(Union(intervals).Sum(i => (i.End - i.Start).TotalMinutes));

    /// <summary>The minutes of <paramref name="interval"/> not covered by any of <paramref name="counted"/>.</summary>
    public static int UncoveredMinutes((DateTimeOffset Start, DateTimeOffset End) interval, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> counted)
    {
        if (interval.End <= interval.Start)
        {
            return 0;
        }

        var covered = TimeSpan.Zero;
        foreach (var (start, end) in Union(counted))
        {
            var from = start > interval.Start ? start : interval.Start;
            var to = end < interval.End ? end : interval.End;
            if (to > from)
            {
                covered += to - from;
            }
        }

        return (int)Math.Floor((interval.End - interval.Start - covered).TotalMinutes);
    }

    /// <summary>Minutes as hours the way volunteers read them: 90 → "1.5", 60 → "1".</summary>
    public static string FormatHours(int minutes) => (minutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
