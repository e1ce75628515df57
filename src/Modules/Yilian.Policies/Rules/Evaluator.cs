using System.Globalization;

using Yilian.Policies.Resources;
using Yilian.SharedKernel;

namespace Yilian.Policies.Rules;

/// <summary>A fact about a person or household: its value(s), which department said so and as of when.</summary>
public sealed record Fact(IReadOnlyList<string> Values, string Source, DateOnly AsOf)
{
    public static Fact Of(string value, string source, DateOnly asOf) => new([value], source, asOf);
}

public enum Outcome
{
    No,
    Yes,

    /// <summary>A fact the rule needs is missing: the answer could still go either way.</summary>
    Unknown,
}

/// <summary>One condition as evaluated: the values used and where they came from, in plain Chinese.</summary>
public sealed record TraceLine(int Line, Outcome Outcome, string Text, string? Source);

public sealed record Evaluation(string PolicyId, int Version, Outcome Outcome, IReadOnlyList<TraceLine> Trace, IReadOnlyDictionary<string, DateOnly> ParametersUsed);

/// <summary>
/// Evaluates a policy for one person or household on a date: dated parameters take the value in force
/// that day, ages are computed from the birth date on that day, a missing fact makes a test unknown
/// (three-valued logic: all is no if any is no, any is yes if any is yes), and every test leaves a line
/// in the trace with the values used and the department they came from.
/// </summary>
public static class Evaluator
{
    /// <param name="otherMembers">The other members of the household, when known: household formulas over members need them.</param>
    public static Evaluation Evaluate(
        Policy policy, IReadOnlyDictionary<string, Fact> facts, DateOnly on, Func<string, Outcome>? otherPolicy = null,
        IReadOnlyList<IReadOnlyDictionary<string, Fact>>? otherMembers = null)
    {
        var trace = new List<TraceLine>();
        var used = new Dictionary<string, DateOnly>();
        var derived = new Lazy<(FormulaEvaluator Evaluator, FactFrames Frames)>(() => (new FormulaEvaluator(on, policy.Parameters),
            new FactFrames(facts, otherMembers, on)));
        var outcome = Eval(policy.Conditions);
        return new Evaluation(policy.Id, policy.Version, outcome, trace, used);

        Outcome Eval(Condition condition)
        {
            switch (condition)
            {
                case AllOf all:
                    var results = all.Children.Select(Eval).ToList();
                    return results.Contains(Outcome.No) ? Outcome.No : results.Contains(Outcome.Unknown) ? Outcome.Unknown : Outcome.Yes;
                case AnyOf any:
                    var options = any.Children.Select(Eval).ToList();
                    return options.Contains(Outcome.Yes) ? Outcome.Yes : options.Contains(Outcome.Unknown) ? Outcome.Unknown : Outcome.No;
                case Not not:
                    return Eval(not.Child) switch { Outcome.Yes => Outcome.No, Outcome.No => Outcome.Yes, _ => Outcome.Unknown };
                case PolicyTest p:
                    var other = otherPolicy?.Invoke(p.PolicyId) ?? Outcome.Unknown;
                    var result = other == Outcome.Unknown ? Outcome.Unknown : (other == Outcome.Yes) == p.Eligible ? Outcome.Yes : Outcome.No;
                    trace.Add(new TraceLine(p.Line, result, PolicyText.Get(p.Eligible ? "Trace_PolicyMet" : "Trace_PolicyNotMet", p.PolicyId), null));
                    return result;
                case Test t:
                    return Check(t);
                default:
                    return Outcome.Unknown;
            }
        }

        Outcome Check(Test t)
        {
            var attribute = t.Attribute;
            Fact? fact;
            if (attribute.Name == "person.age")
            {
                fact = facts.TryGetValue("person.birth_date", out var birth) && DateOnly.TryParseExact(birth.Values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
                    ? birth with { Values = [Age.On(b, on).ToString(CultureInfo.InvariantCulture)] }
                    : null;
            }
            else if (!facts.TryGetValue(attribute.Name, out fact) && attribute.Formula is not null)
            {
                // A derived fact: worked out from the facts it reads, by the same code screening uses.
                var (evaluator, frames) = derived.Value;
                fact = FactFrames.ToFactValues(attribute, evaluator.Value(frames.People, attribute)[0]) is { } values
                    ? new Fact(values, PolicyText.Get("Trace_Derived", attribute.FormulaText), DateOnly.MinValue)
                    : null;
            }

            string expected;
            decimal? threshold = null;
            if (t.ParameterName is { } name)
            {
                var parameter = policy.Parameters[name];
                var value = parameter.On(on, policy.Parameters);
                if (value is null)
                {
                    trace.Add(new TraceLine(t.Line, Outcome.Unknown, PolicyText.Get("Trace_ParameterNotInForce", name, Day(on)), null));
                    return Outcome.Unknown;
                }

                used[name] = value.From;
                threshold = value.Value;
                expected = PolicyText.Get("Trace_Parameter", Format(attribute.Kind, value.Value), ParameterLabel(name), Day(value.From));
            }
            else if (attribute.Kind == ValueKind.Region)
            {
                expected = Place(t.Values);
            }
            else
            {
                expected = Shown(attribute, t.Values);
                if (attribute.Kind is ValueKind.Money or ValueKind.Age or ValueKind.Number)
                {
                    threshold = decimal.Parse(t.Values[0], CultureInfo.InvariantCulture);
                    expected = Format(attribute.Kind, threshold.Value);
                }
            }

            // A choice fact may be known and empty (no special status at all), and so may a number (no disability
            // grade: every comparison fails); any other fact without a value is unknown.
            if (fact is null || (fact.Values.Count == 0 && attribute.Kind is not (ValueKind.Choice or ValueKind.Number)))
            {
                trace.Add(new TraceLine(t.Line, Outcome.Unknown, PolicyText.Get("Trace_Unknown", attribute.Label, Verb(t.Operator), expected), null));
                return Outcome.Unknown;
            }

            if (fact.Values.Count == 0 && attribute.Kind == ValueKind.Number)
            {
                trace.Add(new TraceLine(t.Line, Outcome.No, PolicyText.Get("Trace_NoneFails", attribute.Label, Verb(t.Operator), expected), SourceOf(fact)));
                return Outcome.No;
            }

            var actual = fact.Values;
            var passed = attribute.Kind switch
            {
                ValueKind.Money or ValueKind.Age or ValueKind.Number => Compare(decimal.Parse(actual[0], CultureInfo.InvariantCulture), t.Operator, threshold!.Value),
                ValueKind.Boolean => (actual[0] == t.Values[0]) == (t.Operator == "=="),
                ValueKind.Choice => t.Operator switch
                {
                    "in" or "has" => actual.Any(t.Values.Contains),
                    _ => !actual.Any(t.Values.Contains),
                },
                ValueKind.Region => t.Values.Any(prefix => actual[0].StartsWith(prefix, StringComparison.Ordinal)),
                _ => false,
            };
            if (attribute.Kind == ValueKind.Region)
            {
                // Plain words, not codes: "户籍所在地在本区".
                trace.Add(new TraceLine(t.Line, passed ? Outcome.Yes : Outcome.No,
                    PolicyText.Get(passed ? "Trace_RegionWithin" : "Trace_RegionOutside", attribute.Label, expected), SourceOf(fact)));
                return passed ? Outcome.Yes : Outcome.No;
            }

            var shown = attribute.Kind is ValueKind.Money or ValueKind.Age or ValueKind.Number
                ? Format(attribute.Kind, decimal.Parse(actual[0], CultureInfo.InvariantCulture))
                : actual.Count == 0 ? PolicyText.Get("Value_None") : Shown(attribute, actual);
            trace.Add(new TraceLine(t.Line, passed ? Outcome.Yes : Outcome.No,
                PolicyText.Get(passed ? "Trace_Met" : "Trace_NotMet", attribute.Label, shown, Verb(t.Operator), expected), SourceOf(fact)));
            return passed ? Outcome.Yes : Outcome.No;
        }
    }

    /// <summary>
    /// What the benefit comes to for this person or household on the date: the fixed amount, the formula's result, or
    /// the first tier whose condition holds. Null when it cannot be told (a fact the amount needs is unknown, or no
    /// amount is set); never negative.
    /// </summary>
    public static decimal? Amount(
        Policy policy, IReadOnlyDictionary<string, Fact> facts, DateOnly on, IReadOnlyList<IReadOnlyDictionary<string,
            Fact>>? otherMembers = null)
    {
        var benefit = policy.Benefit;
        foreach (var tier in benefit.Tiers)
        {
            var outcome = tier.When is null ? Outcome.Yes : Evaluate(policy with { Conditions = tier.When }, facts, on, null,
                otherMembers).Outcome;
            if (outcome == Outcome.Unknown)
            {
                return null;
            }

            if (outcome == Outcome.Yes)
            {
                return tier.Formula is null ? tier.Amount : Worked(tier.Formula);
            }
        }

        return benefit.Formula is { } formula ? Worked(formula) : benefit.Amount;

        decimal? Worked(Formula f)
        {
            var frames = new FactFrames(facts, otherMembers, on);
            var value = new FormulaEvaluator(on, policy.Parameters).Evaluate(f,
                f.Kind.Type == FormulaType.Number && policy.AppliesTo == Subject.Household
                ? frames.People.Households! : frames.People)[0];
            return value == Screening.Population.Unknown ? null : Math.Max(0, value / 100m);
        }
    }

    /// <summary>Values in plain Chinese: 是 / 否 for yes-no facts, the departments' words for choices.</summary>
    private static string Shown(AttributeDefinition attribute, IEnumerable<string> values) => attribute.Kind switch
    {
        ValueKind.Boolean => string.Join("、", values.Select(v => PolicyText.Get(v == "true" ? "Value_Yes" : "Value_No"))),
        ValueKind.Choice => string.Join("、",
            values.Select(v => attribute.ChoiceLabels?.GetValueOrDefault(v) ?? Imports.Departments.Label(attribute.Name, v))),
        _ => string.Join("、", values),
    };

    private static string SourceOf(Fact fact) => fact.AsOf == DateOnly.MinValue ? fact.Source : PolicyText.Get("Trace_SourceDated", fact.Source, Day(fact.AsOf));

    private static string Day(DateOnly day) => day.ToString(PolicyText.Get("Format_Day"), CultureInfo.CurrentUICulture);

    /// <summary>What a parameter means ("本区低保标准"), from resources; a district's own parameter without a label shows its name.</summary>
    private static string ParameterLabel(string name)
    {
        var key = "Param_" + name;
        var label = PolicyText.Get(key);
        return label == key ? name : label;
    }

    /// <summary>A region condition's codes as the place they mean to the resident: this district, street or community.</summary>
    private static string Place(IReadOnlyList<string> codes) => PolicyText.Get(codes.Count > 0 && codes.All(c => c.Length == 6) ? "Place_District"
        : codes.Count > 0 && codes.All(c => c.Length == 9) ? "Place_Street" : "Place_Community");

    private static bool Compare(decimal actual, string op, decimal threshold) => op switch
    {
        "<" => actual < threshold,
        "<=" => actual <= threshold,
        ">" => actual > threshold,
        ">=" => actual >= threshold,
        "==" => actual == threshold,
        _ => actual != threshold,
    };

    private static string Verb(string op) => op switch
    {
        "<" => PolicyText.Get("Verb_Below"),
        "<=" => PolicyText.Get("Verb_AtMost"),
        ">" => PolicyText.Get("Verb_Above"),
        ">=" => PolicyText.Get("Verb_AtLeast"),
        "==" => PolicyText.Get("Verb_Is"),
        "!=" => PolicyText.Get("Verb_IsNot"),
        "in" or "has" => PolicyText.Get("Verb_In"),
        "not_in" => PolicyText.Get("Verb_NotIn"),
        "within" => PolicyText.Get("Verb_Within"),
        _ => op,
    };

    private static string Format(ValueKind kind, decimal value) => kind switch
    {
        ValueKind.Money => PolicyText.Get("Unit_Money", value.ToString("#,0.00", CultureInfo.InvariantCulture)),
        ValueKind.Age => PolicyText.Get("Unit_Age", value.ToString("0", CultureInfo.InvariantCulture)),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
