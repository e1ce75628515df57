using Yilian.Policies.Screening;

namespace Yilian.Policies.Rules;

/// <summary>
/// Rows of people or of households a formula is evaluated over: every resident at once in screening, one person
/// (and perhaps their household's members) in the self-check and explanations. Values are longs: numbers in
/// hundredths, yes/no as 1/0, choices as bit masks, <see cref="Population.Unknown"/> when nobody knows.
/// </summary>
public interface IFormulaFrame
{
    int Rows { get; }

    Subject Subject { get; }

    /// <summary>
    /// A fact of this frame's subject as reported (or answered, for a derived fact the self-check asked directly),
    /// or null when this frame has no such values: a derived fact is then computed from its formula.
    /// </summary>
    long[]? Reported(AttributeDefinition fact);

    /// <summary>For a frame of people: their households, and each person's household row.</summary>
    IFormulaFrame? Households { get; }

    int[]? HouseholdOf { get; }

    /// <summary>For a frame of households: their members (a frame of people; null when the members are not known).</summary>
    IFormulaFrame? Members { get; }
}

/// <summary>
/// Evaluates formulas a whole column at a time; the self-check and explanations use the same code on a frame of
/// one, so screening and the row-by-row answers cannot drift apart. Unknown in, unknown out (three-valued
/// <c>and</c>/<c>or</c>: false and unknown is false); a division by zero is unknown, never an error or infinity.
/// Results are cached per frame and fact for the evaluator's life (one screening, one explanation).
/// </summary>
public sealed class FormulaEvaluator(DateOnly on, IReadOnlyDictionary<string, Parameter>? parameters = null)
{
    private const long Unknown = Population.Unknown;
    private const long Limit = 1_000_000_000_000_000L;
    private readonly Dictionary<(IFormulaFrame, string), long[]> _facts = [];

    public DateOnly On => on;

    /// <summary>
    /// A fact's value for every row of the frame: as reported, computed from its formula, or taken from each person's household.
    /// </summary>
    public long[] Value(IFormulaFrame frame, AttributeDefinition fact)
    {
        if (_facts.TryGetValue((frame, fact.Name), out var cached))
        {
            return cached;
        }

        long[] values;
        if (fact.IsHousehold && frame.Subject == Subject.Person)
        {
            values = frame.Households is { } households && frame.HouseholdOf is { } of ? Gather(Value(households, fact),
                of) : Filled(frame.Rows, Unknown);
        }
        else if (frame.Reported(fact) is { } reported)
        {
            values = reported;
        }
        else if (fact.Formula is { } formula)
        {
            _facts[(frame, fact.Name)] = Filled(frame.Rows, Unknown); // a cycle (refused when facts are declared) reads unknown
            values = Evaluate(formula, frame);
        }
        else
        {
            values = Filled(frame.Rows, Unknown);
        }

        return _facts[(frame, fact.Name)] = values;
    }

    /// <summary>A parameter's value on the evaluation date (its own formula worked out first), or unknown before its first date.</summary>
    public long Parameter(string name) =>
        parameters?.GetValueOrDefault(name)?.On(on, parameters) is { } value ? Population.Hundredths(value.Value) : Unknown;

    public long[] Evaluate(Formula formula, IFormulaFrame frame)
    {
        var n = frame.Rows;
        switch (formula)
        {
            case NumberLiteral number:
                return Filled(n, number.Hundredths);
            case BooleanLiteral boolean:
                return Filled(n, boolean.Value ? 1 : 0);
            case ChoiceLiteral choice:
                return Filled(n, 1L << choice.Bit);
            case Reference { Attribute: { } fact }:
                return Value(frame, fact);
            case Reference parameter:
                return Filled(n, Parameter(parameter.Name));
            case Unary unary:
                return Map(Evaluate(unary.Operand, frame), unary.Operator == "-" ? v => -v : v => v == 0 ? 1 : 0);
            case Binary binary:
                return Binary(binary, Evaluate(binary.Left, frame), Evaluate(binary.Right, frame));
            case Call call:
                return Call(call, frame);
            default:
                return Filled(n, Unknown);
        }
    }

    private static long[] Binary(Binary binary, long[] left, long[] right)
    {
        var result = new long[left.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var (a, b) = (left[i], right[i]);
            result[i] = binary.Operator switch
            {
                "and" => a == 0 || b == 0 ? 0 : a == Unknown || b == Unknown ? Unknown : 1,
                "or" => a == 1 || b == 1 ? 1 : a == Unknown || b == Unknown ? Unknown : 0,
                _ when a == Unknown || b == Unknown => Unknown,
                "+" => Bounded(a + b),
                "-" => Bounded(a - b),
                "*" => Bounded(RoundDivide((Int128)a * b, 100)),
                "/" => b == 0 ? Unknown : Bounded(RoundDivide((Int128)a * 100, b)),
                "%" => b == 0 ? Unknown : a % b,
                "<" => a < b ? 1 : 0,
                "<=" => a <= b ? 1 : 0,
                ">" => a > b ? 1 : 0,
                ">=" => a >= b ? 1 : 0,
                "==" => a == b ? 1 : 0,
                _ => a != b ? 1 : 0,
            };
        }

        return result;
    }

    private long[] Call(Call call, IFormulaFrame frame)
    {
        if (call.Function.EndsWith("_members", StringComparison.Ordinal))
        {
            return Members(call, frame);
        }

        var args = call.Arguments.Select(a => Evaluate(a, frame)).ToList();
        var x = args[0];
        switch (call.Function)
        {
            case "if":
                return Rows(x.Length, i => x[i] == Unknown ? Unknown : x[i] == 1 ? args[1][i] : args[2][i]);
            case "min" or "max":
                var max = call.Function == "max";
                return Rows(x.Length, i => args.Any(a => a[i] == Unknown) ? Unknown : max ? args.Max(a => a[i]) : args.Min(a => a[i]));
            case "round":
                var step = args.Count == 1 ? 100 : args[1][0] switch { 0 => 100, 100 => 10, _ => 1 };
                return Map(x, v => RoundDivide(v, step) * step);
            case "floor":
                return Map(x, v => (long)Math.Floor(v / 100m) * 100);
            case "ceil":
                return Map(x, v => (long)Math.Ceiling(v / 100m) * 100);
            case "abs":
                return Map(x, Math.Abs);
            case "value_or":
                return Rows(x.Length, i => x[i] == Unknown ? args[1][i] : x[i]);
            case "known":
                return Rows(x.Length, i => x[i] == Unknown ? 0 : 1);
            case "has":
                return Map(x, v => (v & call.Codes) != 0 ? 1 : 0);
            default:
                return Filled(x.Length, Unknown);
        }
    }

    /// <summary>sum / count / min / max over each household's members; one unknown member makes the household's answer unknown.</summary>
    private long[] Members(Call call, IFormulaFrame households)
    {
        var result = Filled(households.Rows, Unknown);
        if (households.Members is not { } members || members.HouseholdOf is not { } of)
        {
            return result;
        }

        var values = Evaluate(call.Arguments[0], members);
        var unknown = new bool[households.Rows];
        var seen = new bool[households.Rows];
        for (var i = 0; i < values.Length; i++)
        {
            var h = of[i];
            var v = values[i];
            if (v == Unknown || unknown[h])
            {
                unknown[h] = true;
                continue;
            }

            var first = !seen[h];
            seen[h] = true;
            result[h] = call.Function switch
            {
                "sum_members" => Bounded((first ? 0 : result[h]) + v),
                "count_members" => (first ? 0 : result[h]) + (v == 1 ? 100 : 0),
                "min_members" => first ? v : Math.Min(result[h], v),
                _ => first ? v : Math.Max(result[h], v),
            };
        }

        for (var h = 0; h < result.Length; h++)
        {
            result[h] = unknown[h] ? Unknown : seen[h] || call.Function is "min_members" or "max_members" ? result[h] : 0;
        }

        return result;
    }

    /// <summary>Rounds half away from zero, exactly (amounts in hundredths never pass through floating point).</summary>
    internal static long RoundDivide(Int128 numerator, Int128 denominator)
    {
        var quotient = Int128.DivRem(numerator, denominator);
        if (Int128.Abs(quotient.Remainder) * 2 >= Int128.Abs(denominator))
        {
            quotient.Quotient += Int128.Sign(numerator) * Int128.Sign(denominator);
        }

        return quotient.Quotient > Limit || quotient.Quotient < -Limit ? Unknown : (long)quotient.Quotient;
    }

    private static long Bounded(long value) => value is > Limit or < -Limit ? Unknown : value;

    private static long[] Gather(long[] households, int[] of) => Rows(of.Length, i => households[of[i]]);

    private static long[] Map(long[] values, Func<long, long> f) => Rows(values.Length, i => values[i] == Unknown ? Unknown : f(values[i]));

    private static long[] Rows(int n, Func<int, long> f)
    {
        var result = new long[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = f(i);
        }

        return result;
    }

    internal static long[] Filled(int n, long value)
    {
        var result = new long[n];
        Array.Fill(result, value);
        return result;
    }
}
