using System.Numerics;

using Yilian.Policies.Rules;

namespace Yilian.Policies.Screening;

/// <summary>Three-valued answers for every row at once: a bit in <see cref="Yes"/> or in <see cref="No"/>, neither when unknown.</summary>
public sealed class Answers(int rows)
{
    public ulong[] Yes { get; } = new ulong[(rows + 63) / 64];

    public ulong[] No { get; } = new ulong[(rows + 63) / 64];

    public bool IsYes(int row) => (Yes[row >> 6] & (1UL << row)) != 0;

    public int CountYes() => Yes.Sum(BitOperations.PopCount);
}

/// <summary>What one screening found: the answers per policy and the parameter values (by start date) it used.</summary>
public sealed record ScreeningOutcome(IReadOnlyDictionary<string, Answers> Results, IReadOnlyDictionary<string, IReadOnlyDictionary<string, DateOnly>> ParametersUsed);

/// <summary>
/// Screens a whole population against every policy column by column (政策找人): each test runs once over an
/// attribute's array and yields two bitsets (yes, no); "all", "any" and "not" are word-wise AND / OR / swap,
/// so the cost is one pass per distinct test rather than one tree walk per resident. A test several policies
/// share (lives in the district, say) is computed once. The row-by-row <see cref="Evaluator"/> is the
/// reference it is checked against; both follow the same three-valued rules.
/// </summary>
public sealed class ColumnarEngine(Population population, DateOnly on)
{
    private const int Chunk = 64 * 1024;
    private readonly Dictionary<string, Answers> _tests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Answers> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, DateOnly>> _used = new(StringComparer.Ordinal);
    private long[]? _ages;
    private PopulationFrames? _frames;
    private FormulaEvaluator? _formulas;
    private readonly Dictionary<string, Population.Column> _derived = new(StringComparer.Ordinal);

    public static ScreeningOutcome Screen(IReadOnlyList<Policy> policies, Population population, DateOnly on)
    {
        var engine = new ColumnarEngine(population, on);
        var byId = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            engine.Evaluate(policy, byId);
        }

        return new ScreeningOutcome(engine._policies.Where(p => byId.ContainsKey(p.Key)).ToDictionary(), engine._used);
    }

    /// <summary>
    /// Rows that appear eligible but do not receive the benefit: for a household policy only the head's row,
    /// and not when anyone in the household already receives it.
    /// </summary>
    public static IEnumerable<(int Row, string PolicyId)> Candidates(IReadOnlyList<Policy> policies, Population population, ScreeningOutcome outcome)
    {
        var receiving = Receiving(population);
        foreach (var policy in policies)
        {
            var yes = outcome.Results[policy.Id].Yes;
            var household = policy.AppliesTo == Subject.Household;
            var members = receiving.GetValueOrDefault(policy.Id);
            var households = household && members is not null ? HouseholdsOf(population, members) : null;
            for (var w = 0; w < yes.Length; w++)
            {
                var bits = yes[w];
                while (bits != 0)
                {
                    var row = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (household ? population.IsHead[row] && households?.Contains(population.Household[row]) != true : members?.Contains(row) != true)
                    {
                        yield return (row, policy.Id);
                    }
                }
            }
        }
    }

    private static Dictionary<string, HashSet<int>> Receiving(Population population)
    {
        var result = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var row = 0; row < population.Count; row++)
        {
            if (population.Receiving[row] is { Length: > 0 } list)
            {
                foreach (var id in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    (result.TryGetValue(id, out var rows) ? rows : result[id] = []).Add(row);
                }
            }
        }

        return result;
    }

    private static HashSet<int> HouseholdsOf(Population population, HashSet<int> rows) => [.. rows.Select(r => population.Household[r])];

    private Answers Evaluate(Policy policy, IReadOnlyDictionary<string, Policy> byId)
    {
        if (_policies.TryGetValue(policy.Id, out var done))
        {
            return done;
        }

        var used = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var answers = Condition(policy, policy.Conditions, used, byId);
        _policies[policy.Id] = answers;
        _used[policy.Id] = used;
        return answers;
    }

    private Answers Condition(Policy policy, Condition condition, Dictionary<string, DateOnly> used, IReadOnlyDictionary<string, Policy> byId)
    {
        switch (condition)
        {
            case AllOf all:
                return Combine(all.Children.Select(c => Condition(policy, c, used, byId)).ToList(), and: true);
            case AnyOf any:
                return Combine(any.Children.Select(c => Condition(policy, c, used, byId)).ToList(), and: false);
            case Not not:
                return Swap(Condition(policy, not.Child, used, byId));
            case PolicyTest p:
                var other = byId.TryGetValue(p.PolicyId, out var referenced) ? Evaluate(referenced, byId) : new Answers(population.Count);
                return p.Eligible ? other : Swap(other);
            case Test t:
                return Test(policy, t, used);
            default:
                return new Answers(population.Count);
        }
    }

    private Answers Swap(Answers answers)
    {
        var swapped = new Answers(population.Count);
        answers.Yes.CopyTo(swapped.No, 0);
        answers.No.CopyTo(swapped.Yes, 0);
        return swapped;
    }

    private Answers Combine(List<Answers> parts, bool and)
    {
        var result = new Answers(population.Count);
        if (parts.Count == 0)
        {
            // An empty "all" holds, an empty "any" does not (as in the row-by-row evaluator).
            Array.Fill(and ? result.Yes : result.No, ulong.MaxValue);
            ClearTail(and ? result.Yes : result.No);
            return result;
        }

        // "all": yes when every part says yes, no when any says no; "any" the other way round.
        var (all, some) = and ? (result.Yes, result.No) : (result.No, result.Yes);
        Array.Fill(all, ulong.MaxValue);
        foreach (var part in parts)
        {
            var (partAll, partSome) = and ? (part.Yes, part.No) : (part.No, part.Yes);
            for (var w = 0; w < all.Length; w++)
            {
                all[w] &= partAll[w];
                some[w] |= partSome[w];
            }
        }

        // A row is decided by "some" first (no for "all", yes for "any").
        for (var w = 0; w < all.Length; w++)
        {
            all[w] &= ~some[w];
        }

        return result;
    }

    private void ClearTail(ulong[] bits)
    {
        if (population.Count % 64 != 0 && bits.Length > 0)
        {
            bits[^1] &= (1UL << (population.Count % 64)) - 1;
        }
    }

    private Answers Test(Policy policy, Test t, Dictionary<string, DateOnly> used)
    {
        decimal? threshold = null;
        if (t.ParameterName is { } name)
        {
            if (policy.Parameters[name].On(on, policy.Parameters) is not { } value)
            {
                return new Answers(population.Count); // not yet in force: unknown for everyone
            }

            used[name] = value.From;
            threshold = value.Value;
        }

        var key = $"{t.Attribute.Name}|{t.Operator}|{threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Join(",", t.Values)}";
        if (_tests.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var answers = new Answers(population.Count);
        var attribute = t.Attribute;
        var household = attribute.Name.StartsWith("household.", StringComparison.Ordinal);
        var map = household ? population.Household : null;
        var column = ColumnOf(policy, attribute);

        switch (attribute.Kind)
        {
            case ValueKind.Age when attribute.Name == "person.age":
                Numbers(Ages(), null, t.Operator, Population.Hundredths(threshold ?? decimal.Parse(t.Values[0], System.Globalization.CultureInfo.InvariantCulture)), answers);
                break;
            case ValueKind.Money or ValueKind.Number or ValueKind.Age:
                Numbers(((Population.NumberColumn)column).Data, map, t.Operator,
                    Population.Hundredths(threshold ?? decimal.Parse(t.Values[0], System.Globalization.CultureInfo.InvariantCulture)),
                    answers);
                break;
            case ValueKind.Boolean:
                var data = ((Population.BooleanColumn)column).Data;
                var wanted = (sbyte)((t.Values[0] == "true") == (t.Operator == "==") ? 1 : 0);
                Rows(answers, (i, j) => data[j] < 0 ? (sbyte)-1 : (sbyte)(data[j] == wanted ? 1 : 0), map);
                break;
            case ValueKind.Choice:
                var choice = (Population.ChoiceColumn)column;
                var mask = choice.Mask(t.Values);
                var negate = t.Operator == "not_in";
                var choices = choice.Data;
                var closed = choice.ClosedWorld;
                Rows(answers, (i, j) => choices[j] == 0 && !closed ? (sbyte)-1 : (sbyte)(((choices[j] & mask) != 0) != negate ? 1 : 0), map);
                break;
            case ValueKind.Region:
                var regions = population.Region(attribute.Name).Data;
                var within = new sbyte[regions.Length];
                for (var h = 0; h < regions.Length; h++)
                {
                    within[h] = regions[h] is { } r ? (sbyte)(t.Values.Any(p => r.StartsWith(p, StringComparison.Ordinal)) ? 1 : 0) : (sbyte)-1;
                }

                Rows(answers, (i, j) => within[j], map);
                break;
        }

        _tests[key] = answers;
        return answers;
    }

    /// <summary>Ages on the screening date in hundredths, computed once per run from the birth dates.</summary>
    private long[] Ages()
    {
        if (_ages is not null)
        {
            return _ages;
        }

        return _ages = population.Ages(on);
    }

    /// <summary>
    /// The column a test reads: the population's own for a reported fact (an empty one when no department has sent a
    /// declared fact yet), or a derived fact worked out once per run over the whole population from its formula.
    /// </summary>
    private Population.Column ColumnOf(Policy policy, AttributeDefinition attribute)
    {
        if (attribute.Formula is null)
        {
            if (population.Find(attribute.Name) is null && attribute.Kind != ValueKind.Age)
            {
                population.Declare(attribute);
            }

            return population.Find(attribute.Name) ?? new Population.NumberColumn(attribute, []);
        }

        if (_derived.TryGetValue(attribute.Name, out var done))
        {
            return done;
        }

        // One evaluator for the run: a derived fact several others read is worked out once (facts' formulas have no parameters).
        _frames ??= new PopulationFrames(population, on);
        _formulas ??= new FormulaEvaluator(on);
        var values = _formulas.Value(attribute.IsHousehold ? _frames.Households : _frames.People,
            attribute);
        return _derived[attribute.Name] = attribute.Kind switch
        {
            ValueKind.Boolean => new Population.BooleanColumn(attribute,
                [.. values.Select(v => v == Population.Unknown ? (sbyte)-1 : (sbyte)v)]),
            ValueKind.Choice => new Population.ChoiceColumn(attribute, [.. values.Select(v => v == Population.Unknown ? 0 : (int)v)],
                closedWorld: false),
            _ => new Population.NumberColumn(attribute, values),
        };
    }

    private void Numbers(long[] data, int[]? map, string op, long threshold, Answers answers)
    {
        switch (op)
        {
            case "<": Numbers<Less>(data, map, threshold, answers); break;
            case "<=": Numbers<LessOrEqual>(data, map, threshold, answers); break;
            case ">": Numbers<Greater>(data, map, threshold, answers); break;
            case ">=": Numbers<GreaterOrEqual>(data, map, threshold, answers); break;
            case "==": Numbers<Equal>(data, map, threshold, answers); break;
            default: Numbers<NotEqual>(data, map, threshold, answers); break;
        }
    }

    private void Numbers<TCompare>(long[] data, int[]? map, long threshold, Answers answers)
        where TCompare : struct, ICompare
    {
        var yes = answers.Yes;
        var no = answers.No;
        Parallel.For(0, (population.Count + Chunk - 1) / Chunk, c =>
        {
            var end = Math.Min(population.Count, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                var v = data[map is null ? i : map[i]];
                if (v == Population.Unknown)
                {
                    continue;
                }

                if (v != Population.None && TCompare.Pass(v, threshold))
                {
                    yes[i >> 6] |= 1UL << i;
                }
                else
                {
                    no[i >> 6] |= 1UL << i;
                }
            }
        });
    }

    /// <summary>Runs a per-row answer (−1 unknown, 0 no, 1 yes) over all rows in parallel chunks of whole words.</summary>
    private void Rows(Answers answers, Func<int, int, sbyte> answer, int[]? map)
    {
        var yes = answers.Yes;
        var no = answers.No;
        Parallel.For(0, (population.Count + Chunk - 1) / Chunk, c =>
        {
            var end = Math.Min(population.Count, (c + 1) * Chunk);
            for (var i = c * Chunk; i < end; i++)
            {
                switch (answer(i, map is null ? i : map[i]))
                {
                    case 1:
                        yes[i >> 6] |= 1UL << i;
                        break;
                    case 0:
                        no[i >> 6] |= 1UL << i;
                        break;
                }
            }
        });
    }

    private interface ICompare
    {
        static abstract bool Pass(long value, long threshold);
    }

    private readonly struct Less : ICompare
    {
        public static bool Pass(long value, long threshold) => value < threshold;
    }

    private readonly struct LessOrEqual : ICompare
    {
        public static bool Pass(long value, long threshold) => value <= threshold;
    }

    private readonly struct Greater : ICompare
    {
        public static bool Pass(long value, long threshold) => value > threshold;
    }

    private readonly struct GreaterOrEqual : ICompare
    {
        public static bool Pass(long value, long threshold) => value >= threshold;
    }

    private readonly struct Equal : ICompare
    {
        public static bool Pass(long value, long threshold) => value == threshold;
    }

    private readonly struct NotEqual : ICompare
    {
        public static bool Pass(long value, long threshold) => value != threshold;
    }
}
