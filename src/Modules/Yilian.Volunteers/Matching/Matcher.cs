using System.Globalization;

using Yilian.SharedKernel;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Matching;

/// <summary>What matching knows of a volunteer, kept in memory (no encrypted data): built by <see cref="MatchPool"/>.</summary>
internal sealed class MatchProfile
{
    public Guid Id;
    public string OwnerUserId = "";
    public string Number = "";
    public string Name = "";
    public string RegionCode = "";
    public double Latitude = double.NaN;
    public double Longitude = double.NaN;
    public DateOnly BirthDate;
    public string[] Skills = [];

    /// <summary><see cref="Skills"/> as <see cref="SkillIndex"/> numbers, for scoring without string hashing.</summary>
    public int[] SkillIds = [];
    public byte[] SelfLevels = [];
    public byte[] VerifiedLevels = [];

    /// <summary>Half-hour cells of the week (7 × 48 bits, Monday first, China time) when the volunteer can serve; null when not said.</summary>
    public ulong[]? Availability;
    public (DateOnly From, DateOnly To)[] Unavailable = [];

    /// <summary>Times the volunteer is already taken (confirmed sign-ups elsewhere), sorted by start.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)[] Busy = [];
    public HashSet<Guid> SignedUp = [];
    public int Attended;
    public int NoShows;
    public int RecentMinutes;
}

/// <summary>The activity to fill, prepared once for scoring many volunteers.</summary>
internal sealed class MatchTarget
{
    public Guid ActivityId;
    public string Title = "";
    public Dictionary<string, int> Needs = [];

    /// <summary>Indexed by <see cref="SkillIndex"/> number: whether the activity needs that skill.</summary>
    public bool[] Needed = [];
    public int MinimumAge;
    public double Latitude = double.NaN;
    public double Longitude = double.NaN;

    /// <summary>Cosine of the latitude, for the flat-earth distance (exact enough within a city).</summary>
    public double CosLatitude = 1;
    public string RegionCode = "";
    public (DateTimeOffset Start, DateTimeOffset End)[] Occurrences = [];

    /// <summary>The week cells the occurrences cover (within the planning horizon).</summary>
    public ulong[] Cells = new ulong[Matcher.CellWords];
    public DateOnly[] Dates = [];
    public DateOnly FirstDate;
}

public enum Exclusion
{
    None = 0,
    SignedUp,
    TooYoung,
    Unavailable,
    OutsideAvailability,
    Busy,
}

public sealed record MatchReason(string Factor, double Points, string Text);

/// <summary>Skill codes numbered once per process, so profiles and targets compare numbers.</summary>
internal static class SkillIndex
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);

    public static int Count => Numbers.Count;

    private static readonly Lock Gate = new();

    public static int Of(string code)
    {
        if (Numbers.TryGetValue(code, out var number))
        {
            return number;
        }

        // Numbers are handed out under a lock, so two new codes never get the same one.
        lock (Gate)
        {
            return Numbers.GetOrAdd(code, _ => Numbers.Count);
        }
    }
}

/// <summary>
/// Ranks volunteers for an activity and explains each rank. Hard rules exclude (minimum age, unavailable
/// dates, outside the weekly availability the volunteer gave, already taken at that time, already signed
/// up); the score out of 100 weighs skill fit 40, distance 20, reliability 20 and fairness 20 (less
/// recent service ranks higher, so the same people are not asked every time). Scoring is plain
/// arithmetic over in-memory profiles so 30,000 volunteers rank in milliseconds.
/// </summary>
internal static class Matcher
{
    public const int CellWords = 6;
    public const double SkillWeight = 40, DistanceWeight = 20, ReliabilityWeight = 20, FairnessWeight = 20, UnknownAvailabilityPenalty = 5;

    public static MatchTarget Target(Guid activityId, string title, IReadOnlyDictionary<string, int> needs, int minimumAge, double? latitude, double? longitude,
        string regionCode, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> occurrences)
    {
        var list = occurrences.OrderBy(o => o.Start).ToArray();
        var target = new MatchTarget
        {
            ActivityId = activityId, Title = title, Needs = needs.Where(n => n.Value > 0).ToDictionary(), MinimumAge = minimumAge,
            Latitude = latitude ?? double.NaN, Longitude = longitude ?? double.NaN, CosLatitude = Math.Cos(double.DegreesToRadians(latitude ?? 0)),
            RegionCode = regionCode, Occurrences = list,
            Dates = [.. list.Select(o => ChinaTime.DateOf(o.Start)).Distinct()],
            FirstDate = list.Length > 0 ? ChinaTime.DateOf(list[0].Start) : default,
        };
        target.Needed = new bool[SkillIndex.Count + 1];
        foreach (var code in target.Needs.Keys)
        {
            var id = SkillIndex.Of(code);
            if (id < target.Needed.Length)
            {
                target.Needed[id] = true;
            }
        }

        foreach (var (start, end) in list.Take(60))
        {
            MarkCells(target.Cells, ChinaTime.ToChina(start), ChinaTime.ToChina(end));
        }

        return target;
    }

    /// <summary>Sets the half-hour cells that [start, end) touches (China wall-clock time).</summary>
    public static void MarkCells(ulong[] cells, DateTimeOffset start, DateTimeOffset end)
    {
        var cursor = start;
        while (cursor < end)
        {
            var day = ((int)cursor.DayOfWeek + 6) % 7; // Monday = 0
            var cell = day * 48 + cursor.Hour * 2 + (cursor.Minute >= 30 ? 1 : 0);
            cells[cell / 64] |= 1UL << (cell % 64);
            var slotStart = new DateTimeOffset(cursor.Year, cursor.Month, cursor.Day, cursor.Hour, cursor.Minute >= 30 ? 30 : 0, 0, cursor.Offset);
            cursor = slotStart.AddMinutes(30);
        }
    }

    public static Exclusion Exclude(MatchProfile p, MatchTarget t)
    {
        if (p.SignedUp.Contains(t.ActivityId))
        {
            return Exclusion.SignedUp;
        }

        if (t.MinimumAge > 0 && Age.On(p.BirthDate, t.FirstDate) < t.MinimumAge)
        {
            return Exclusion.TooYoung;
        }

        foreach (var (from, to) in p.Unavailable)
        {
            foreach (var date in t.Dates)
            {
                if (date >= from && date <= to)
                {
                    return Exclusion.Unavailable;
                }
            }
        }

        if (p.Availability is { } available)
        {
            for (var i = 0; i < CellWords; i++)
            {
                if ((t.Cells[i] & ~available[i]) != 0)
                {
                    return Exclusion.OutsideAvailability;
                }
            }
        }

        foreach (var (busyStart, busyEnd) in p.Busy)
        {
            foreach (var (start, end) in t.Occurrences)
            {
                if (busyStart < end && start < busyEnd)
                {
                    return Exclusion.Busy;
                }
            }
        }

        return Exclusion.None;
    }

    public static double Score(MatchProfile p, MatchTarget t) =>
        SkillWeight * SkillFit(p, t, out _, out _) + DistanceWeight * DistanceFit(p, t, out _, out _)
        + ReliabilityWeight * Reliability(p) + FairnessWeight * Fairness(p) - (p.Availability is null ? UnknownAvailabilityPenalty : 0);

    /// <summary>The reasons behind <see cref="Score"/>, in the user's language; their points add up to the score.</summary>
    public static IReadOnlyList<MatchReason> Explain(MatchProfile p, MatchTarget t, IReadOnlyDictionary<string, string>? skillNames = null)
    {
        var skill = SkillFit(p, t, out var code, out var level);
        var distance = DistanceFit(p, t, out var km, out var estimated);
        var reliability = Reliability(p);
        var fairness = Fairness(p);
        var levelText = level.Verified
            ? VolunteerText.Get("Match_SkillVerified", level.Value)
            : VolunteerText.Get("Match_SkillSelf", level.Value);
        var reasons = new List<MatchReason>
        {
            new("skill", Round(SkillWeight * skill), t.Needs.Count == 0 ? VolunteerText.Get("Match_NoSkillNeeded")
                : code is null ? VolunteerText.Get("Match_NoSkill") : VolunteerText.Get("Match_Skill", skillNames?.GetValueOrDefault(code) ?? code, levelText)),
            new("distance", Round(DistanceWeight * distance), VolunteerText.Get(estimated ? "Match_DistanceEstimated" : "Match_Distance", km.ToString("0.0", CultureInfo.InvariantCulture))),
            new("reliability", Round(ReliabilityWeight * reliability), p.Attended + p.NoShows == 0
                ? VolunteerText.Get("Match_New") : VolunteerText.Get("Match_Reliability", p.Attended, p.NoShows)),
            new("fairness", Round(FairnessWeight * fairness), p.RecentMinutes == 0
                ? VolunteerText.Get("Match_Rested") : VolunteerText.Get("Match_Recent", (p.RecentMinutes / 60.0).ToString("0.#", CultureInfo.InvariantCulture))),
        };
        reasons.Add(p.Availability is null
            ? new MatchReason("availability", -UnknownAvailabilityPenalty, VolunteerText.Get("Match_AvailabilityUnknown"))
            : new MatchReason("availability", 0, VolunteerText.Get("Match_AvailabilityFits")));
        return reasons;
    }

    /// <summary>The eligible volunteers, best first (ties by fewer recent minutes, then number), with counts of those excluded and why.</summary>
    public static (List<(MatchProfile Profile, double Score)> Ranked, Dictionary<Exclusion, int> Excluded) Rank(IReadOnlyList<MatchProfile> pool, MatchTarget target, int top)
    {
        var excluded = new Dictionary<Exclusion, int>();
        var best = new PriorityQueue<(MatchProfile Profile, double Score), (double, int)>();
        foreach (var p in pool)
        {
            var why = Exclude(p, target);
            if (why != Exclusion.None)
            {
                excluded[why] = excluded.GetValueOrDefault(why) + 1;
                continue;
            }

            var score = Score(p, target);
            // Keep the best `top` in a min-heap: the root is the weakest kept.
            var priority = (score, -p.RecentMinutes);
            if (best.Count < top)
            {
                best.Enqueue((p, score), priority);
            }
            else if (best.TryPeek(out _, out var weakest) && priority.CompareTo(weakest) > 0)
            {
                best.DequeueEnqueue((p, score), priority);
            }
        }

        var ranked = new List<(MatchProfile Profile, double Score)>(best.Count);
        while (best.TryDequeue(out var item, out _))
        {
            ranked.Add(item);
        }

        ranked.Reverse();
        return (ranked, excluded);
    }

    public static double SkillFit(MatchProfile p, MatchTarget t, out string? code, out (int Value, bool Verified) level)
    {
        code = null;
        level = (0, false);
        if (t.Needs.Count == 0)
        {
            return 1;
        }

        var best = 0.0;
        for (var i = 0; i < p.SkillIds.Length; i++)
        {
            var id = p.SkillIds[i];
            if (id >= t.Needed.Length || !t.Needed[id])
            {
                continue;
            }

            var verified = p.VerifiedLevels.Length > i && p.VerifiedLevels[i] > 0;
            var value = verified ? p.VerifiedLevels[i] : p.SelfLevels.Length > i ? p.SelfLevels[i] : 1;
            // A verified level counts fully, a self-rated one at 80 %.
            var fit = 0.5 + 0.1 * (verified ? value : value * 0.8);
            if (fit > best)
            {
                best = fit;
                code = p.Skills[i];
                level = (value, verified);
            }
        }

        return Math.Min(1, best);
    }

    public static double DistanceFit(MatchProfile p, MatchTarget t, out double km, out bool estimated)
    {
        estimated = double.IsNaN(p.Latitude) || double.IsNaN(t.Latitude);
        if (estimated)
        {
            km = EstimateKm(p.RegionCode, t.RegionCode);
        }
        else
        {
            // Flat-earth distance: within a city it differs from the great circle by far less than the score can show.
            var dy = (p.Latitude - t.Latitude) * 111.195;
            var dx = (p.Longitude - t.Longitude) * 111.195 * t.CosLatitude;
            km = Math.Sqrt(dx * dx + dy * dy);
        }

        return Math.Max(0, 1 - km / 15);
    }

    /// <summary>Without map points: the same community is about 1 km away, the same street 3 km, the same district 8 km.</summary>
    public static double EstimateKm(string a, string b) =>
        a.Length == 12 && a == b ? 1
        : a.Length >= 9 && b.Length >= 9 && string.CompareOrdinal(a, 0, b, 0, 9) == 0 ? 3
        : a.Length >= 6 && b.Length >= 6 && string.CompareOrdinal(a, 0, b, 0, 6) == 0 ? 8
        : 20;

    /// <summary>Attendance with a prior of one attended and one missed: a newcomer scores one half.</summary>
    public static double Reliability(MatchProfile p) => (p.Attended + 1.0) / (p.Attended + p.NoShows + 2.0);

    /// <summary>One for no service in the last 30 days, one half after six hours.</summary>
    public static double Fairness(MatchProfile p) => 1 / (1 + p.RecentMinutes / 360.0);

    private static double Round(double points) => Math.Round(points, 1);
}
