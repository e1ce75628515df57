using System.Globalization;

using Yilian.Policies.Screening;
using Yilian.SharedKernel;

namespace Yilian.Policies.Rules;

/// <summary>
/// One person's facts (and, when known, their household's members') as formula frames, so that the self-check and
/// explanations compute derived facts with the very code screening uses. Row 0 of the people is the person asked about.
/// </summary>
public sealed class FactFrames
{
    public FactFrames(IReadOnlyDictionary<string, Fact> person, IReadOnlyList<IReadOnlyDictionary<string, Fact>>? otherMembers, DateOnly on)
    {
        var households = new Frame(Subject.Household, [person], on);
        People = new Frame(Subject.Person, [person, .. otherMembers ?? []], on) { Households = households };
        households.Members = otherMembers is null ? null : People;
    }

    public IFormulaFrame People { get; }

    /// <summary>A value as the formula evaluator holds it (hundredths, 1/0, a choice mask), or <see cref="Population.Unknown"/>.</summary>
    public static long ToValue(AttributeDefinition attribute, IReadOnlyDictionary<string, Fact> facts, DateOnly on)
    {
        if (attribute.Kind == ValueKind.Age)
        {
            return facts.TryGetValue("person.birth_date", out var birth)
                && birth.Values.Count > 0 && DateOnly.TryParseExact(birth.Values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var b)
                ? Age.On(b, on) * 100L : Population.Unknown;
        }

        if (!facts.TryGetValue(attribute.Name, out var fact))
        {
            return Population.Unknown;
        }

        return attribute.Kind switch
        {
            ValueKind.Money or ValueKind.Number => fact.Values.Count == 0 ? Population.Unknown
                : Population.Hundredths(decimal.Parse(fact.Values[0], CultureInfo.InvariantCulture)),
            ValueKind.Boolean => fact.Values.Count == 0 ? Population.Unknown : fact.Values[0] == "true" ? 1 : 0,
            ValueKind.Choice => fact.Values.Aggregate(0L, (mask, code) => mask | (1L << attribute.Choices!.ToList().IndexOf(code))),
            _ => Population.Unknown,
        };
    }

    /// <summary>The other way: a computed value as a fact's values (null when unknown).</summary>
    public static IReadOnlyList<string>? ToFactValues(AttributeDefinition attribute,
        long value) => value == Population.Unknown ? null : attribute.Kind switch
    {
        ValueKind.Boolean => [value == 1 ? "true" : "false"],
        ValueKind.Choice => [.. attribute.Choices!.Where((_, i) => (value & (1L << i)) != 0)],
        _ => [(value / 100m).ToString(CultureInfo.InvariantCulture)],
    };

    private sealed class Frame(Subject subject, IReadOnlyList<IReadOnlyDictionary<string, Fact>> rows, DateOnly on) : IFormulaFrame
    {
        public int Rows => rows.Count;

        public Subject Subject => subject;

        public IFormulaFrame? Households { get; init; }

        /// <summary>Everyone in a frame of people belongs to the one household (row 0).</summary>
        public int[]? HouseholdOf { get; } = subject == Subject.Person ? new int[rows.Count] : null;

        public IFormulaFrame? Members { get; set; }

        /// <summary>A derived fact someone answered directly (the self-check asks some) counts as reported.</summary>
        public long[]? Reported(AttributeDefinition fact) =>
            fact.Formula is not null && !rows[0].ContainsKey(fact.Name) ? null : [.. rows.Select(r => ToValue(fact, r, on))];
    }
}
