using System.Globalization;

using Yilian.Policies.Resources;

namespace Yilian.Policies.Rules;

public sealed record Question(string Attribute, string Label, ValueKind Kind, IReadOnlyList<string>? Choices);

public sealed record PolicyAnswer(string Id, string Name, string Department, string? Benefit, IReadOnlyList<string> Documents, IReadOnlyList<string> Reasons);

public sealed record SelfCheckResult(IReadOnlyList<PolicyAnswer> Eligible, IReadOnlyList<PolicyAnswer> NotEligible, IReadOnlyList<string> Undecided, Question? Next);

/// <summary>
/// The resident's self-check (精算1分钟): evaluates every policy on the answers given so far and asks next
/// only a question that can still change an answer — the fact missing from the most undecided policies,
/// ties broken by an order that reads naturally (where, how old, household, income, assets, status…).
/// A policy already decided by the answers never causes another question.
/// </summary>
public static class SelfCheck
{
    /// <summary>The order questions are asked in when several would help as much.</summary>
    private static readonly string[] Order =
    [
        "household.registration_region", "person.birth_date", "household.size", "household.per_capita_income", "household.per_capita_assets",
        "household.owns_vehicle", "person.special_status", "person.disability_type", "person.disability_grade", "person.long_term_care_need",
        "person.has_supporter", "person.severe_illness", "person.employment", "person.schooling", "household.housing_area_per_capita",
        "household.dangerous_housing", "household.sudden_hardship",
    ];

    public static SelfCheckResult Run(IReadOnlyList<Policy> policies, IReadOnlyDictionary<string, Fact> answers, DateOnly on,
        FactCatalog? catalog = null)
    {
        catalog ??= FactCatalog.BuiltIn;
        var results = new Dictionary<string, Evaluation>();
        var byId = policies.ToDictionary(p => p.Id);
        foreach (var policy in policies)
        {
            Evaluate(policy);
        }

        var eligible = new List<PolicyAnswer>();
        var notEligible = new List<PolicyAnswer>();
        var undecided = new List<string>();
        var wanted = new Dictionary<string, int>();
        foreach (var policy in policies)
        {
            var evaluation = results[policy.Id];
            switch (evaluation.Outcome)
            {
                case Outcome.Yes:
                    eligible.Add(Answer(policy, evaluation.Trace.Where(t => t.Outcome == Outcome.Yes).Select(t => t.Text)));
                    break;
                case Outcome.No:
                    notEligible.Add(Answer(policy, evaluation.Trace.Where(t => t.Outcome == Outcome.No).Select(t => t.Text)));
                    break;
                default:
                    undecided.Add(policy.Id);
                    foreach (var attribute in Missing(policy, answers, on, id => results.TryGetValue(id, out var r) ? r.Outcome : Outcome.Unknown))
                    {
                        wanted[attribute] = wanted.GetValueOrDefault(attribute) + 1;
                    }

                    break;
            }
        }

        var next = wanted.Count == 0 ? null : wanted.OrderByDescending(w => w.Value).ThenBy(w => Rank(w.Key)).First().Key;
        return new SelfCheckResult(eligible, notEligible, undecided, next is null ? null : QuestionFor(next, catalog));

        Outcome Evaluate(Policy policy)
        {
            if (results.TryGetValue(policy.Id, out var done))
            {
                return done.Outcome;
            }

            // Placeholder against cycles (CheckSet refuses them when policies are published).
            results[policy.Id] = new Evaluation(policy.Id, policy.Version, Outcome.Unknown, [], new Dictionary<string, DateOnly>());
            var evaluation = Evaluator.Evaluate(policy, answers, on, id => byId.TryGetValue(id, out var other) ? Evaluate(other) : Outcome.Unknown);
            results[policy.Id] = evaluation;
            return evaluation.Outcome;
        }
    }

    /// <summary>
    /// The facts an undecided condition tree still needs that the answers do not have (an age needs the birth
    /// date). A branch that is already decided needs nothing more: an "all" with a failed child or an "any" with
    /// a passed child asks no further question, and neither do their decided siblings.
    /// </summary>
    public static IEnumerable<string> Missing(Policy policy, IReadOnlyDictionary<string, Fact> answers, DateOnly on, Func<string, Outcome>? otherPolicy = null)
    {
        return Walk(policy.Conditions).Distinct();

        Outcome Of(Condition c) => Evaluator.Evaluate(policy with { Conditions = c }, answers, on, otherPolicy).Outcome;

        IEnumerable<string> Walk(Condition condition) => condition switch
        {
            Test t => Needed(t.Attribute, answers),
            _ when Of(condition) != Outcome.Unknown => [],
            AllOf a => a.Children.Where(c => Of(c) == Outcome.Unknown).SelectMany(Walk),
            AnyOf a => a.Children.Where(c => Of(c) == Outcome.Unknown).SelectMany(Walk),
            Not n => Walk(n.Child),
            _ => [],
        };
    }

    /// <summary>
    /// What to ask for a fact nobody has answered: the fact itself, its birth date for an age, and for a derived fact
    /// its own question if it declares one, otherwise the facts its formula reads. Never the ID number's digits.
    /// </summary>
    private static IEnumerable<string> Needed(AttributeDefinition attribute, IReadOnlyDictionary<string, Fact> answers)
    {
        var name = attribute.Name == "person.age" ? "person.birth_date" : attribute.Name;
        if (answers.ContainsKey(name) || attribute.NeverAsked)
        {
            return [];
        }

        return attribute.Formula is { } formula && attribute.Question is null
            ? FormulaParser.Facts(formula).Distinct().SelectMany(f => Needed(f, answers))
            : attribute.Declared && attribute.Formula is null && attribute.Question is null ? [] : [name];
    }

    public static Question QuestionFor(string attribute, FactCatalog? catalog = null)
    {
        var definition = (catalog ?? FactCatalog.BuiltIn).Find(attribute)!;
        return new Question(attribute, definition.Question ?? definition.Label, definition.Kind, definition.Choices);
    }

    /// <summary>Turns the resident's answers into facts, refusing unknown questions and values of the wrong kind.</summary>
    public static Dictionary<string, Fact> Facts(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? answers, DateOnly on, out List<(string Attribute, string Message)> problems,
            FactCatalog? catalog = null)
    {
        catalog ??= FactCatalog.BuiltIn;
        problems = [];
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var (name, values) in answers ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (catalog.Find(name) is not { } attribute || attribute.Kind == ValueKind.Age || attribute.NeverAsked
                || (attribute.Declared && attribute.Question is null))
            {
                problems.Add((name, PolicyText.Get("Check_UnknownQuestion", name)));
                continue;
            }

            var ok = values.Count <= 10 && values.All(v => v.Length <= 20) && (attribute.Kind == ValueKind.Choice || values.Count == 1 || (attribute.Kind == ValueKind.Number && values.Count == 0)) && values.All(v => attribute.Kind switch
            {
                ValueKind.Money or ValueKind.Number => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 100_000_000,
                ValueKind.Boolean => v is "true" or "false",
                ValueKind.Choice => attribute.Choices!.Contains(v),
                ValueKind.Region => v.Length == 12 && v.All(char.IsAsciiDigit),
                ValueKind.Date => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d <= on && d.Year >= 1900,
                _ => false,
            });
            if (!ok)
            {
                problems.Add((name, PolicyText.Get("Check_InvalidAnswer", attribute.Label)));
                continue;
            }

            facts[name] = new Fact(values, "本人填报", on);
        }

        return facts;
    }

    private static int Rank(string attribute)
    {
        var index = Array.IndexOf(Order, attribute);
        return index < 0 ? Order.Length : index;
    }

    private static PolicyAnswer Answer(Policy policy, IEnumerable<string> reasons) =>
        new(policy.Id, policy.Name, policy.Department, policy.Benefit.Description, policy.Documents, [.. reasons]);
}
