using Yilian.Volunteers.Matching;

namespace Yilian.Volunteers.Tests;

/// <summary>The weekly proposal is optimal: checked against trying every assignment on small random cases.</summary>
public sealed class WeeklyAssignerTests
{
    [Fact]
    public void Random_Small_Weeks_Fill_As_Many_Needs_As_Brute_Force_At_The_Same_Least_Cost()
    {
        var random = new Random(2026);
        var nonTrivial = 0;
        for (var round = 0; round < 1_500; round++)
        {
            var volunteers = random.Next(1, 5);
            var tasks = Enumerable.Range(0, random.Next(1, 5)).Select(_ => new AssignmentTask(random.Next(0, 3), random.Next(0, 3))).ToList();
            var candidates = new List<AssignmentCandidate>();
            for (var v = 0; v < volunteers; v++)
            {
                for (var t = 0; t < tasks.Count; t++)
                {
                    if (random.NextDouble() < 0.6)
                    {
                        candidates.Add(new AssignmentCandidate(v, t, random.Next(0, 101)));
                    }
                }
            }

            var problem = new AssignmentProblem(volunteers, tasks, candidates, random.Next(1, 3));
            var result = WeeklyAssigner.Solve(problem);
            var (bestFilled, bestCost) = BruteForce(problem);
            result.Filled.ShouldBe(bestFilled, $"round {round}");
            result.TotalCost.ShouldBe(bestCost, $"round {round}");
            Feasible(problem, result).ShouldBeTrue($"round {round}");
            nonTrivial += bestFilled > 1 ? 1 : 0;
        }

        nonTrivial.ShouldBeGreaterThan(500); // the cases actually exercised the choice
    }

    [Fact]
    public void An_Early_Good_Match_Does_Not_Block_Two_Later_Ones()
    {
        // Greedy (best pair first) gives A the volunteer both tasks want and leaves B empty; the flow fills both.
        var problem = new AssignmentProblem(2, [new AssignmentTask(0, 1), new AssignmentTask(0, 1)],
            [new AssignmentCandidate(0, 0, 0), new AssignmentCandidate(0, 1, 10), new AssignmentCandidate(1, 0, 20)], WeeklyLimit: 1);
        var result = WeeklyAssigner.Solve(problem);
        result.Filled.ShouldBe(2);
        result.TotalCost.ShouldBe(30);
    }

    private static bool Feasible(AssignmentProblem problem, AssignmentResult result) =>
        result.Chosen.GroupBy(c => c.Task).All(g => g.Count() <= problem.Tasks[g.Key].Need)
        && result.Chosen.GroupBy(c => c.Volunteer).All(g => g.Count() <= problem.WeeklyLimit && g.Select(c => problem.Tasks[c.Task].Day).Distinct().Count() == g.Count())
        && result.Chosen.Sum(c => c.Cost) == result.TotalCost && result.Chosen.Count == result.Filled;

    /// <summary>Every way of giving each volunteer at most one task a day, within the weekly limit and the needs.</summary>
    private static (int Filled, long Cost) BruteForce(AssignmentProblem problem)
    {
        var best = (Filled: 0, Cost: 0L);
        var load = new int[problem.Tasks.Count];
        var perVolunteer = new int[problem.Volunteers];
        var usedDays = new HashSet<(int, int)>();
        Search(0, 0, 0);
        return best;

        void Search(int index, int filled, long cost)
        {
            if (index == problem.Candidates.Count)
            {
                if (filled > best.Filled || (filled == best.Filled && cost < best.Cost))
                {
                    best = (filled, cost);
                }

                return;
            }

            Search(index + 1, filled, cost);
            var c = problem.Candidates[index];
            var day = problem.Tasks[c.Task].Day;
            if (load[c.Task] < problem.Tasks[c.Task].Need && perVolunteer[c.Volunteer] < problem.WeeklyLimit && usedDays.Add((c.Volunteer, day)))
            {
                load[c.Task]++;
                perVolunteer[c.Volunteer]++;
                Search(index + 1, filled + 1, cost + c.Cost);
                load[c.Task]--;
                perVolunteer[c.Volunteer]--;
                usedDays.Remove((c.Volunteer, day));
            }
        }
    }
}
