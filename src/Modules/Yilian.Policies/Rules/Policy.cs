namespace Yilian.Policies.Rules;

public enum Subject
{
    Person,
    Household,
}

/// <summary>A dated value: in force from <see cref="From"/> until the next one starts.</summary>
public sealed record DatedValue(DateOnly From, decimal Value);

/// <param name="Unit">The kind of value (money, age, number) conditions may compare it with.</param>
public sealed record Parameter(string Name, ValueKind Unit, IReadOnlyList<DatedValue> Values, bool Illustrative)
{
    /// <summary>The value in force on the date, with the date it took effect; null before the first.</summary>
    public DatedValue? On(DateOnly date) => Values.Where(v => v.From <= date).MaxBy(v => v.From);
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

public sealed record Benefit(string Kind, decimal? Amount, string Description);

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
