namespace Yilian.Activities.Scheduling;

/// <summary>A half-open time interval [Start, End).</summary>
public readonly record struct Interval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>One existing booking of a venue or a person.</summary>
public sealed record Busy(Guid OccurrenceId, Guid ActivityId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The busy intervals of one venue or person, sorted by start. An overlap query binary-searches to the
/// first interval that could reach the window (start ≥ window start − longest booking) and walks forward
/// while intervals start before the window ends: O(log n + k).
/// </summary>
public sealed class BusyIndex
{
    private readonly Busy[] _items;
    private readonly TimeSpan _longest;

    public BusyIndex(IEnumerable<Busy> items)
    {
        _items = [.. items.OrderBy(b => b.Start)];
        _longest = _items.Length == 0 ? TimeSpan.Zero : _items.Max(b => b.End - b.Start);
    }

    public int Count => _items.Length;

    /// <summary>Every busy interval with Start &lt; to and End &gt; from.</summary>
    public IEnumerable<Busy> Overlapping(DateTimeOffset from, DateTimeOffset to)
    {
        var threshold = from - _longest;
        int lo = 0, hi = _items.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].Start < threshold)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < _items.Length && _items[i].Start < to; i++)
        {
            if (_items[i].End > from)
            {
                yield return _items[i];
            }
        }
    }
}

/// <summary>What is already booked around the times being checked: per venue and per person.</summary>
public sealed class Occupancy
{
    private static readonly BusyIndex Empty = new([]);
    private readonly Dictionary<Guid, BusyIndex> _venues;
    private readonly Dictionary<string, BusyIndex> _people;

    public Occupancy(IEnumerable<(Guid Venue, Busy Busy)> venues, IEnumerable<(string Person, Busy Busy)> people)
    {
        _venues = venues.GroupBy(v => v.Venue).ToDictionary(g => g.Key, g => new BusyIndex(g.Select(x => x.Busy)));
        _people = people.GroupBy(p => p.Person, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new BusyIndex(g.Select(x => x.Busy)), StringComparer.Ordinal);
    }

    public static Occupancy None { get; } = new([], []);

    public BusyIndex Venue(Guid id) => _venues.GetValueOrDefault(id, Empty);

    public BusyIndex Person(string key) => _people.GetValueOrDefault(key, Empty);
}
