namespace Yilian.Volunteers.Matching;

/// <param name="Day">Day of the week (0–6) the task falls on; a volunteer takes at most one task a day, so assigned tasks never overlap.</param>
/// <param name="Need">Volunteers the task still needs.</param>
public sealed record AssignmentTask(int Day, int Need);

/// <param name="Cost">0 for a perfect fit … 100 for the worst acceptable one (100 minus the match score).</param>
public sealed record AssignmentCandidate(int Volunteer, int Task, int Cost);

/// <param name="WeeklyLimit">Tasks one volunteer may be given in the week (fairness: do not burn out the same people).</param>
public sealed record AssignmentProblem(int Volunteers, IReadOnlyList<AssignmentTask> Tasks, IReadOnlyList<AssignmentCandidate> Candidates, int WeeklyLimit);

public sealed record AssignmentResult(IReadOnlyList<AssignmentCandidate> Chosen, int Filled, long TotalCost);

/// <summary>
/// The week's proposal as a min-cost flow: source → volunteer (capacity: weekly limit) → volunteer-day
/// (capacity 1) → task (cost of that match) → sink (capacity: the task's need). The maximum flow fills
/// the most needs; among those, the minimum cost is the best total fit. Unlike first-come greedy
/// filling, an early good match never blocks two later ones.
/// </summary>
public static class WeeklyAssigner
{
    public static AssignmentResult Solve(AssignmentProblem problem)
    {
        // Nodes: source, sink, volunteers, then volunteer-days and tasks created as used.
        const int source = 0, sink = 1;
        var volunteerBase = 2;
        var taskBase = volunteerBase + problem.Volunteers;
        var dayNodes = new Dictionary<(int Volunteer, int Day), int>();
        var next = taskBase + problem.Tasks.Count;
        foreach (var c in problem.Candidates)
        {
            var key = (c.Volunteer, problem.Tasks[c.Task].Day);
            if (!dayNodes.ContainsKey(key))
            {
                dayNodes[key] = next++;
            }
        }

        var flow = new MinCostFlow(next);
        var usedVolunteers = problem.Candidates.Select(c => c.Volunteer).Distinct();
        foreach (var v in usedVolunteers)
        {
            flow.AddEdge(source, volunteerBase + v, problem.WeeklyLimit, 0);
        }

        foreach (var ((v, _), node) in dayNodes)
        {
            flow.AddEdge(volunteerBase + v, node, 1, 0);
        }

        var edges = new int[problem.Candidates.Count];
        for (var i = 0; i < problem.Candidates.Count; i++)
        {
            var c = problem.Candidates[i];
            edges[i] = flow.AddEdge(dayNodes[(c.Volunteer, problem.Tasks[c.Task].Day)], taskBase + c.Task, 1, c.Cost);
        }

        for (var t = 0; t < problem.Tasks.Count; t++)
        {
            if (problem.Tasks[t].Need > 0)
            {
                flow.AddEdge(taskBase + t, sink, problem.Tasks[t].Need, 0);
            }
        }

        var (filled, cost) = flow.Solve(source, sink);
        var chosen = new List<AssignmentCandidate>(filled);
        for (var i = 0; i < edges.Length; i++)
        {
            if (flow.FlowOn(edges[i]) > 0)
            {
                chosen.Add(problem.Candidates[i]);
            }
        }

        return new AssignmentResult(chosen, filled, cost);
    }
}
