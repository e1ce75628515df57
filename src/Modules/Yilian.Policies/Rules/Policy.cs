using System.Text.Json.Serialization;

namespace Yilian.Policies.Rules;

public enum Subject
{
    Person,
    Household,
}

/// <summary>A dated value: in force from <see cref="From"/> until the next one starts.</summary>
public sealed record DatedValue(DateOnly From, decimal Value);

/// <param name="Unit">The kind of value (money, age, number) conditions may compare it with.</param>
/// <param name="Formula">Instead of dated values, a formula of the policy's other parameters (<c>24 * minimum_living_standard</c>).</param>
public sealed record Parameter(string Name, ValueKind Unit, IReadOnlyList<DatedValue> Values, bool Illustrative, Formula? Formula = null,
    string? FormulaText = null)
{
    /// <summary>
    /// The value in force on the date, with the date it took effect; null before the first. A formula's value takes
    /// effect on the latest start date of the values it reads, and is unknown (null) while any of them is.
    /// </summary>
    public DatedValue? On(DateOnly date, IReadOnlyDictionary<string, Parameter>? all = null)
    {
        if (Formula is null)
        {
            return Values.Where(v => v.From <= date).MaxBy(v => v.From);
        }

        if (all is null)
        {
            return null;
        }

        var inputs = FormulaParser.Parameters(Formula).Distinct().Select(p => all.GetValueOrDefault(p)?.On(date, all)).ToList();
        var value = new FormulaEvaluator(date, all).Evaluate(Formula, ParameterFrame.Instance)[0];
        return inputs.Any(i => i is null) || value == Screening.Population.Unknown
            ? null
            : new DatedValue(inputs.Select(i => i!.From).DefaultIfEmpty(DateOnly.MinValue).Max(), value / 100m);
    }

    /// <summary>Parameters are the same for everyone: a frame of one row with no facts.</summary>
    private sealed class ParameterFrame : IFormulaFrame
    {
        public static readonly ParameterFrame Instance = new();

        public int Rows => 1;

        public Subject Subject => Subject.Person;

        public IFormulaFrame? Households => null;

        public int[]? HouseholdOf => null;

        public IFormulaFrame? Members => null;

        public long[]? Reported(AttributeDefinition fact) => null;
    }
}

/// <summary>A node of a policy's condition tree: all / any of children, not, or a single test.</summary>
public abstract record Condition(int Line);

public sealed record AllOf(int Line, IReadOnlyList<Condition> Children) : Condition(Line);

public sealed record AnyOf(int Line, IReadOnlyList<Condition> Children) : Condition(Line);

public sealed record Not(int Line, Condition Child) : Condition(Line);

/// <summary>Compares an attribute with a literal or a dated parameter.</summary>
/// <param name="Operator">&lt; &lt;= &gt; &gt;= == != for numbers, money and ages; == for booleans; in / has for choices; within for regions.</param>
public sealed record Test(int Line, AttributeDefinition Attribute, string Operator, IReadOnlyList<string> Values, string? ParameterName) : Condition(Line);

/// <summary>Whether another policy applies (e.g. "not already receiving the minimum living allowance").</summary>
public sealed record PolicyTest(int Line, string PolicyId, bool Eligible) : Condition(Line);

/// <summary>What a policy gives: a fixed amount, an amount by formula (<c>minimum_living_standard - household.per_capita_income</c>),
/// or tiers.</summary>
public sealed record Benefit(string Kind, decimal? Amount, string Description)
{
    [JsonIgnore]
    public Formula? Formula { get; init; }

    public string? FormulaText { get; init; }

    /// <summary>The first tier whose condition holds gives its amount; a tier without a condition is the otherwise.</summary>
    public IReadOnlyList<BenefitTier> Tiers { get; init; } = [];
}

/// <param name="When">Null for the last, "otherwise" tier.</param>
public sealed record BenefitTier([property: JsonIgnore] Condition? When, decimal? Amount, [property: JsonIgnore] Formula? Formula,
    string? FormulaText);

/// <summary>A relief policy as written by a platform operator: who it is for, when it applies, what it gives, how to apply.</summary>
public sealed record Policy(
    string Id, int Version, string Name, Subject AppliesTo, string Department, string LegalBasis, Condition Conditions,
    IReadOnlyDictionary<string, Parameter> Parameters, Benefit Benefit, IReadOnlyList<string> Documents);

/// <summary>A problem in a policy file, with where it is.</summary>
public sealed record PolicyProblem(int Line, int Column, string Message)
{
    public override string ToString() => Resources.PolicyText.Get("Problem_At", Line, Column, Message);
}

public sealed class PolicyFileException(IReadOnlyList<PolicyProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.ToString())))
{
    public IReadOnlyList<PolicyProblem> Problems { get; } = problems;
}
