using Yilian.Volunteers.Features;

namespace Yilian.Volunteers.Tests;

/// <summary>Service-time arithmetic checked against counting minutes one by one.</summary>
public sealed class ServiceTimeTests
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset Start, DateTimeOffset End) Minutes(int from, int to) => (Origin.AddMinutes(from), Origin.AddMinutes(to));

    [Fact]
    public void Random_Records_Union_And_Uncovered_Minutes_Equal_A_Minute_By_Minute_Count()
    {
        var random = new Random(67);
        var compared = 0;
        for (var round = 0; round < 2_000; round++)
        {
            var intervals = Enumerable.Range(0, random.Next(0, 8)).Select(_ =>
            {
                var start = random.Next(0, 600);
                return Minutes(start, start + random.Next(-5, 180));
            }).ToList();
            var covered = new HashSet<int>();
            foreach (var (s, e) in intervals)
            {
                for (var m = (int)(s - Origin).TotalMinutes; m < (int)(e - Origin).TotalMinutes; m++)
                {
                    covered.Add(m);
                }
            }

            ServiceTime.TotalMinutes(intervals).ShouldBe(covered.Count);

            var next = random.Next(0, 600);
            var candidate = Minutes(next, next + random.Next(1, 180));
            var fresh = 0;
            for (var m = next; m < (int)(candidate.End - Origin).TotalMinutes; m++)
            {
                fresh += covered.Contains(m) ? 0 : 1;
            }

            ServiceTime.UncoveredMinutes(candidate, intervals).ShouldBe(fresh);
            // Crediting in order never counts more than the union: the rule "overlaps never count twice".
            (ServiceTime.UncoveredMinutes(candidate, intervals) + ServiceTime.TotalMinutes(intervals)).ShouldBe(ServiceTime.TotalMinutes(intervals.Append(candidate)));
            compared++;
        }

        compared.ShouldBe(2_000);
    }

    [Fact]
    public void Minutes_Within_The_Occurrence_Only()
    {
        var (start, end) = Minutes(600, 660);
        ServiceTime.MinutesWithin(Origin.AddMinutes(590), Origin.AddMinutes(656), start, end).ShouldBe(56);
        ServiceTime.MinutesWithin(Origin.AddMinutes(500), Origin.AddMinutes(560), start, end).ShouldBe(0);
        ServiceTime.MinutesWithin(Origin.AddMinutes(610), Origin.AddMinutes(700), start, end).ShouldBe(50);
    }
}
