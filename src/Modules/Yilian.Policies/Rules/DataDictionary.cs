using System.Text.RegularExpressions;

using YamlDotNet.RepresentationModel;

using Yilian.Policies.Resources;

namespace Yilian.Policies.Rules;

/// <summary>
/// The district's data dictionary (数据字典): the facts it adds to the built-in ones, each reported by a department or
/// derived by a formula (docs/policy-format.md, "Facts a district declares"). Checked as a whole, naming line and column:
/// names, kinds, choices, departments, formulas (types, units, unknown names) and cycles among derived facts. A
/// dictionary with any problem yields nothing.
/// </summary>
public static partial class DataDictionary
{
    public const int MaxFacts = 200;
    private const int MaxChoices = 31;

    public static FactCatalog Parse(string yaml)
    {
        var problems = new List<PolicyProblem>();
        var catalog = TryParse(yaml, problems);
        return problems.Count == 0 && catalog is not null ? catalog : throw new PolicyFileException(problems);
    }

    public static FactCatalog? TryParse(string yaml, List<PolicyProblem> problems)
    {
        if (YamlReader.Root(yaml, problems) is not { } root)
        {
            return null;
        }

        var reader = new YamlReader(problems);
        reader.OnlyKeys(root, "facts");
        if (reader.Child(root, "facts", required: true) is not YamlSequenceNode list)
        {
            return problems.Count == 0 ? FactCatalog.BuiltIn : null;
        }

        if (list.Children.Count > MaxFacts)
        {
            reader.Problem(list, PolicyText.Get("Dictionary_TooMany", MaxFacts));
            return null;
        }

        var declared = new List<(AttributeDefinition Fact, YamlMappingNode Node, string? Formula)>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode node)
            {
                reader.Problem(item, PolicyText.Get("Dictionary_FactShape"));
                continue;
            }

            if (Declaration(reader, node, declared.Select(d => d.Fact.Name)) is { } fact)
            {
                declared.Add((fact, node, reader.Text(node, "formula")));
            }
        }

        // Derived facts are parsed after the facts they read, so every reference holds the finished definition.
        var byName = declared.ToDictionary(d => d.Fact.Name, StringComparer.Ordinal);
        var finished = new Dictionary<string, AttributeDefinition>(AttributeCatalog.All, StringComparer.Ordinal);
        foreach (var (fact, _, formula) in declared.Where(d => d.Formula is null))
        {
            finished[fact.Name] = fact;
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in declared.Where(d => d.Formula is not null))
        {
            Derive(entry.Fact.Name, []);
        }

        return problems.Count == 0 ? new FactCatalog(finished.Values) : null;

        void Derive(string name, List<string> path)
        {
            if (state.GetValueOrDefault(name) == 2 || !byName.TryGetValue(name, out var entry) || entry.Formula is null)
            {
                return;
            }

            if (state.GetValueOrDefault(name) == 1)
            {
                reader.Problem(entry.Node, PolicyText.Get("Dictionary_Cycle", string.Join(" → ",
                    path.SkipWhile(p => p != name).Append(name))));
                state[name] = 2;
                return;
            }

            state[name] = 1;
            path.Add(name);
            foreach (Match reference in FactName().Matches(entry.Formula))
            {
                Derive(reference.Value, path);
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            var catalog = new FactCatalog(finished.Values);
            var fact = entry.Fact;
            var formula = PolicyParser.Formula(reader, entry.Node, "formula", entry.Formula,
                catalog.Names(fact.IsHousehold ? Subject.Household : Subject.Person, null, fact.Choices));
            var at = entry.Node.Children[new YamlScalarNode("formula")];
            if (formula is not null && !Fits(fact, formula.Kind))
            {
                reader.Problem(at, PolicyText.Get("Dictionary_FormulaKind", fact.Name, FormulaParser.KindName(FormulaKind.Of(fact.Kind)),
                    FormulaParser.KindName(formula.Kind)));
            }

            finished[name] = fact with { Formula = formula, FormulaText = entry.Formula };
        }
    }

    private static bool Fits(AttributeDefinition fact, FormulaKind kind) => fact.Kind switch
    {
        ValueKind.Boolean => kind.Type == FormulaType.Boolean,
        ValueKind.Choice => kind.Type == FormulaType.Choice,
        _ => kind.Type == FormulaType.Number && (kind.Unit is null || kind.Unit == fact.Kind),
    };

    private static AttributeDefinition? Declaration(YamlReader reader, YamlMappingNode node, IEnumerable<string> earlier)
    {
        var before = reader.Count;
        reader.OnlyKeys(node, "name", "label", "label_en", "kind", "choices", "unit", "department", "valid_days", "question", "formula");
        var name = reader.Text(node, "name", required: true);
        if (name is not null && !DeclaredName().IsMatch(name))
        {
            reader.ProblemAt(node, "name", PolicyText.Get("Dictionary_Name", name), 0);
        }
        else if (name is not null && AttributeCatalog.All.ContainsKey(name))
        {
            reader.ProblemAt(node, "name", PolicyText.Get("Dictionary_BuiltIn", name), 0);
        }
        else if (name is not null && earlier.Contains(name))
        {
            reader.ProblemAt(node, "name", PolicyText.Get("Dictionary_Twice", name), 0);
        }

        var label = reader.Text(node, "label", required: true);
        var kindText = reader.Text(node, "kind", required: true);
        var kind = kindText switch
        {
            "money" => ValueKind.Money,
            "number" => ValueKind.Number,
            "age" => ValueKind.Age,
            "boolean" => ValueKind.Boolean,
            "choice" => ValueKind.Choice,
            null => ValueKind.Number,
            _ => reader.ProblemAt(node, "kind", PolicyText.Get("Dictionary_Kind", kindText), ValueKind.Number),
        };
        var (choices, choiceLabels) = Choices(reader, node, kind);
        var formula = reader.Text(node, "formula");
        var department = reader.Text(node, "department");
        if (department is not null && formula is not null)
        {
            reader.ProblemAt(node, "department", PolicyText.Get("Dictionary_DerivedDepartment", name), 0);
        }
        else if (department is not null && Imports.Departments.Find(department) is null)
        {
            reader.ProblemAt(node, "department", PolicyText.Get("Import_UnknownDepartment", department,
                string.Join("、", Imports.Departments.All.Select(d => d.Code))), 0);
        }

        var validDays = reader.Integer(node, "valid_days");
        var question = reader.Text(node, "question");
        if (question is { Length: > 200 } || label is { Length: > 60 })
        {
            reader.Problem(node, PolicyText.Get("Dictionary_TooLong"));
        }

        return reader.Count > before || name is null || label is null ? null : new AttributeDefinition(name, kind, label, choices)
        {
            Declared = true, LabelEn = reader.Text(node, "label_en"), Unit = reader.Text(node, "unit"), Department = department,
            ValidDays = validDays, Question = question, ChoiceLabels = choiceLabels, FormulaText = formula,
        };
    }

    /// <summary>Choices as a list of codes, or as a map of code to the plain word shown for it.</summary>
    private static (IReadOnlyList<string>? Codes, IReadOnlyDictionary<string, string>? Labels) Choices(YamlReader reader,
        YamlMappingNode node, ValueKind kind)
    {
        var child = reader.Child(node, "choices", required: kind == ValueKind.Choice);
        if (kind != ValueKind.Choice)
        {
            if (child is not null)
            {
                reader.ProblemAt(node, "choices", PolicyText.Get("Dictionary_ChoicesNotHere"), 0);
            }

            return (null, null);
        }

        var pairs = child switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(c => (c.Value ?? "", c.Value ?? "")).ToList(),
            YamlMappingNode map => map.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? "",
                (c.Value as YamlScalarNode)?.Value ?? "")).ToList(),
            _ => [],
        };
        if (child is not null && (pairs.Count is 0 or > MaxChoices || pairs.Any(p => !ChoiceCode().IsMatch(p.Item1))
            || pairs.DistinctBy(p => p.Item1).Count() < pairs.Count))
        {
            reader.Problem(child, PolicyText.Get("Dictionary_Choices", MaxChoices));
        }

        return ([.. pairs.Select(p => p.Item1)], pairs.ToDictionary(p => p.Item1, p => p.Item2.Length > 0 ? p.Item2 : p.Item1,
            StringComparer.Ordinal));
    }

    [GeneratedRegex("^(person|household)\\.[a-z][a-z0-9_]{0,52}$")]
    private static partial Regex DeclaredName();

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,31}$")]
    private static partial Regex ChoiceCode();

    [GeneratedRegex("(person|household)\\.[a-z0-9_]+")]
    private static partial Regex FactName();
}
