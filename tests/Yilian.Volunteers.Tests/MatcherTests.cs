using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Matching;

namespace Yilian.Volunteers.Tests;

/// <summary>The fast ranking against plain references: a full sort, and availability checked minute by minute.</summary>
public sealed class MatcherTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static List<MatchProfile> RandomPool(Random random, int count, DateTimeOffset monday)
    {
        string[] skills = ["first-aid", "it", "order", "care", "photo"];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var own = skills.Where(_ => random.NextDouble() < 0.3).ToArray();
            var slots = random.NextDouble() < 0.3 ? null : Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => { var from = random.Next(6, 20); return new WeeklySlot(random.Next(1, 8), new TimeOnly(from, random.Next(2) * 30), new TimeOnly(Math.Min(23, from + random.Next(1, 6)), 0)); })
                .Where(s => s.To > s.From).ToList();
            var busyStart = monday.AddHours(random.Next(0, 7 * 24));
            return new MatchProfile
            {
                Id = Guid.NewGuid(), Number = $"V{i}", Name = "测试", RegionCode = "320571003018",
                Latitude = random.NextDouble() < 0.5 ? double.NaN : 31.3 + random.NextDouble() * 0.2, Longitude = 120.7 + random.NextDouble() * 0.2,
                BirthDate = new DateOnly(random.Next(1950, 2015), 1, 1), Skills = own, SkillIds = [.. own.Select(SkillIndex.Of)],
                SelfLevels = [.. own.Select(_ => (byte)random.Next(1, 6))], VerifiedLevels = [.. own.Select(_ => (byte)(random.NextDouble() < 0.3 ? random.Next(1, 6) : 0))],
                Availability = MatchPool.Cells(slots), Busy = random.NextDouble() < 0.2 ? [(busyStart, busyStart.AddHours(2))] : [],
                Attended = random.Next(0, 20), NoShows = random.Next(0, 4), RecentMinutes = random.Next(0, 4) * 120,
            };
        })];
    }

    [Fact]
    public void The_Top_Ranks_Equal_A_Full_Sort_And_Availability_Equals_A_Minute_By_Minute_Check()
    {
        var random = new Random(30_000);
        var monday = new DateTimeOffset(2026, 11, 23, 0, 0, 0, China);
        var pool = RandomPool(random, 3_000, monday);
        var checkedAvailability = 0;
        for (var round = 0; round < 40; round++)
        {
            var start = monday.AddDays(random.Next(0, 7)).AddHours(random.Next(7, 20)).AddMinutes(random.Next(0, 4) * 15);
            var end = start.AddMinutes(random.Next(2, 9) * 15);
            var target = Matcher.Target(Guid.NewGuid(), "t", new Dictionary<string, int> { ["first-aid"] = 2, ["care"] = 1 }, random.Next(0, 2) * 18,
                31.35, 120.75, "320571003018", [(start, end)]);
            var (ranked, excluded) = Matcher.Rank(pool, target, 25);

            var reference = pool.Where(p => Eligible(p, target, start, end)).Select(p => (Profile: p, Score: Matcher.Score(p, target)))
                .OrderByDescending(x => x.Score).ThenByDescending(x => -x.Profile.RecentMinutes).ToList();
            ranked.Select(r => r.Score).ShouldBe(reference.Take(25).Select(r => r.Score));
            (pool.Count - excluded.Values.Sum()).ShouldBe(reference.Count);
            checkedAvailability += pool.Count(p => p.Availability is not null);
            foreach (var (profile, score) in ranked)
            {
                Matcher.Explain(profile, target).Sum(r => r.Points).ShouldBe(score, 0.3);
            }
        }

        checkedAvailability.ShouldBeGreaterThan(10_000);
    }

    /// <summary>The rules read plainly: every minute of the activity inside a slot the volunteer gave, no overlap with what they are already doing.</summary>
    private static bool Eligible(MatchProfile p, MatchTarget t, DateTimeOffset start, DateTimeOffset end)
    {
        if (t.MinimumAge > 0 && Yilian.SharedKernel.Age.On(p.BirthDate, DateOnly.FromDateTime(start.DateTime)) < t.MinimumAge)
        {
            return false;
        }

        if (p.Busy.Any(b => b.Start < end && start < b.End))
        {
            return false;
        }

        if (p.Availability is null)
        {
            return true;
        }

        for (var minute = start; minute < end; minute = minute.AddMinutes(1))
        {
            // The weekly cells are half hours: the minute's half hour must be one the volunteer gave.
            var day = ((int)minute.DayOfWeek + 6) % 7;
            var cell = day * 48 + minute.Hour * 2 + (minute.Minute >= 30 ? 1 : 0);
            if ((p.Availability[cell / 64] & (1UL << (cell % 64))) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
