namespace Yilian.Volunteers.Matching;

/// <summary>
/// Minimum-cost maximum flow with integer capacities and non-negative integer costs, by the primal-dual
/// method: Dijkstra on reduced costs (Johnson potentials) finds the current shortest distance, then a
/// blocking flow (Dinic) pushes every augmenting path of that length at once. The number of phases is the
/// number of distinct shortest-path lengths, small when costs are small integers (here 0–100), instead of
/// one Dijkstra per unit of flow.
/// </summary>
public sealed class MinCostFlow
{
    private readonly int _nodes;
    private readonly List<int> _to = [];
    private readonly List<int> _capacity = [];
    private readonly List<long> _cost = [];
    private readonly List<int>[] _adjacent;

    public MinCostFlow(int nodes)
    {
        _nodes = nodes;
        _adjacent = new List<int>[nodes];
        for (var i = 0; i < nodes; i++)
        {
            _adjacent[i] = [];
        }
    }

    /// <summary>Adds an edge and its residual twin; returns the edge's index for <see cref="FlowOn"/>.</summary>
    public int AddEdge(int from, int to, int capacity, long cost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        var index = _to.Count;
        _to.Add(to);
        _capacity.Add(capacity);
        _cost.Add(cost);
        _adjacent[from].Add(index);
        _to.Add(from);
        _capacity.Add(0);
        _cost.Add(-cost);
        _adjacent[to].Add(index + 1);
        return index;
    }

    /// <summary>The flow on an edge after <see cref="Solve"/>.</summary>
    public int FlowOn(int edge) => _capacity[edge ^ 1];

    public (int Flow, long Cost) Solve(int source, int sink)
    {
        var to = _to.ToArray();
        var capacity = _capacity.ToArray();
        var cost = _cost.ToArray();
        var adjacent = _adjacent.Select(a => a.ToArray()).ToArray();
        var potential = new long[_nodes];
        var distance = new long[_nodes];
        var level = new int[_nodes];
        var next = new int[_nodes];
        var queue = new int[_nodes];
        var heap = new PriorityQueue<int, long>();
        long totalCost = 0;
        var totalFlow = 0;

        while (true)
        {
            // Shortest distances on reduced costs (all non-negative thanks to the potentials).
            Array.Fill(distance, long.MaxValue);
            distance[source] = 0;
            heap.Clear();
            heap.Enqueue(source, 0);
            while (heap.TryDequeue(out var u, out var d))
            {
                if (d > distance[u])
                {
                    continue;
                }

                foreach (var e in adjacent[u])
                {
                    if (capacity[e] == 0)
                    {
                        continue;
                    }

                    var v = to[e];
                    var nd = d + cost[e] + potential[u] - potential[v];
                    if (nd < distance[v])
                    {
                        distance[v] = nd;
                        heap.Enqueue(v, nd);
                    }
                }
            }

            if (distance[sink] == long.MaxValue)
            {
                break;
            }

            var farthest = 0L;
            for (var v = 0; v < _nodes; v++)
            {
                if (distance[v] != long.MaxValue && distance[v] > farthest)
                {
                    farthest = distance[v];
                }
            }

            // Unreached nodes move by the farthest distance, which keeps every residual reduced cost non-negative.
            for (var v = 0; v < _nodes; v++)
            {
                potential[v] += distance[v] == long.MaxValue ? farthest : distance[v];
            }

            var pathCost = potential[sink] - potential[source];
            // Blocking flows on the admissible edges (residual and of zero reduced cost): all shortest paths at once.
            while (Levels())
            {
                Array.Fill(next, 0);
                int pushed;
                while ((pushed = Push(source, int.MaxValue)) > 0)
                {
                    totalFlow += pushed;
                    totalCost += pushed * pathCost;
                }
            }
        }

        for (var e = 0; e < capacity.Length; e++)
        {
            _capacity[e] = capacity[e];
        }

        return (totalFlow, totalCost);

        bool Admissible(int u, int e) => capacity[e] > 0 && cost[e] + potential[u] - potential[to[e]] == 0;

        bool Levels()
        {
            Array.Fill(level, -1);
            level[source] = 0;
            int head = 0, tail = 0;
            queue[tail++] = source;
            while (head < tail)
            {
                var u = queue[head++];
                foreach (var e in adjacent[u])
                {
                    if (Admissible(u, e) && level[to[e]] < 0)
                    {
                        level[to[e]] = level[u] + 1;
                        queue[tail++] = to[e];
                    }
                }
            }

            return level[sink] >= 0;
        }

        int Push(int u, int limit)
        {
            if (u == sink)
            {
                return limit;
            }

            for (; next[u] < adjacent[u].Length; next[u]++)
            {
                var e = adjacent[u][next[u]];
                var v = to[e];
                if (!Admissible(u, e) || level[v] != level[u] + 1)
                {
                    continue;
                }

                var pushed = Push(v, Math.Min(limit, capacity[e]));
                if (pushed > 0)
                {
                    capacity[e] -= pushed;
                    capacity[e ^ 1] += pushed;
                    return pushed;
                }
            }

            return 0;
        }
    }
}
