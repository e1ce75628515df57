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
        reader.OnlyKeys(root, "facts", "departments");
        var list = reader.Child(root, "facts") as YamlSequenceNode ?? new YamlSequenceNode();

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

        var facts = new FactCatalog(finished.Values);
        var mappings = reader.Child(root, "departments") is { } departments ? Mappings(reader, departments, facts) : [];
        var known = Imports.Departments.All.Select(d => d.Code)
            .Concat(mappings.Where(m => m.Name is not null).Select(m => m.Code)).ToList();
        foreach (var (fact, node, _) in declared.Where(d => d.Fact.Department is { } code && !known.Contains(code)))
        {
            reader.ProblemAt(node, "department", PolicyText.Get("Import_UnknownDepartment", fact.Department, string.Join("、", known)), 0);
        }
        return problems.Count == 0 ? new FactCatalog(finished.Values, mappings) : null;

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

    private static readonly string[] Targets = ["id", "name", "household", "region", "relation", "receiving", "ignore"];

    /// <summary>
    /// Departments the district declares and the layouts of departments' own files: every header mapped to an identity
    /// column, a reported fact or <c>ignore</c>; values re-worded per fact; keyed by person (an ID number column) or by
    /// household (a 户号 column, household facts only); a built-in department's required facts all mapped.
    /// </summary>
    private static List<DepartmentMapping> Mappings(YamlReader reader, YamlNode node, FactCatalog facts)
    {
        var result = new List<DepartmentMapping>();
        if (node is not YamlSequenceNode list)
        {
            reader.Problem(node, PolicyText.Get("Dictionary_DepartmentShape"));
            return result;
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                reader.Problem(item, PolicyText.Get("Dictionary_DepartmentShape"));
                continue;
            }

            reader.OnlyKeys(map, "code", "name", "keyed_by", "columns", "values");
            var code = reader.Text(map, "code", required: true) ?? "";
            var builtIn = Imports.Departments.Find(code);
            var name = reader.Text(map, "name");
            if (!DepartmentCode().IsMatch(code) || result.Any(r => r.Code == code))
            {
                reader.ProblemAt(map, "code", PolicyText.Get("Dictionary_DepartmentCode", code), 0);
            }
            else if (builtIn is null && name is null)
            {
                reader.Problem(map, PolicyText.Get("Dictionary_DepartmentName", code));
            }

            var household = reader.Text(map, "keyed_by") switch
            {
                null or "person" => false,
                "household" => true,
                var other => reader.ProblemAt(map, "keyed_by", PolicyText.Get("Dictionary_KeyedBy", other), false),
            };
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            if (reader.Child(map, "columns", required: builtIn is null) is YamlMappingNode columnMap)
            {
                foreach (var (key, value) in columnMap.Children)
                {
                    var header = ((YamlScalarNode)key).Value?.Trim() ?? "";
                    var target = (value as YamlScalarNode)?.Value?.Trim() ?? "";
                    var fact = facts.Find(target);
                    if (!Targets.Contains(target) && fact is null)
                    {
                        reader.Problem(value, PolicyText.Get("Dictionary_Target", header, target, string.Join(" ", Targets)));
                    }
                    else if (fact is { Formula: not null } || fact?.Kind == ValueKind.Age || fact?.FromRegistration == true)
                    {
                        reader.Problem(value, PolicyText.Get("Dictionary_TargetNotReported", target));
                    }
                    else if (target != "ignore" && columns.ContainsValue(target))
                    {
                        var first = columns.First(c => c.Value == target).Key;
                        reader.Problem(value, PolicyText.Get("Dictionary_TargetTwice", target, first, header));
                    }
                    else if (household && (fact is { IsHousehold: false }
                        || target is "id" or "name" or "region" or "relation" or "receiving"))
                    {
                        reader.Problem(value, PolicyText.Get("Dictionary_HouseholdKeyed", header, target));
                    }

                    columns[header] = target;
                }
            }

            var mapped = columns.Values.ToHashSet();
            if (columns.Count > 0 && !mapped.Contains(household ? "household" : "id"))
            {
                reader.Problem(map, PolicyText.Get(household ? "Dictionary_NoHouseholdColumn" : "Dictionary_NoIdColumn", code));
            }

            if (builtIn is not null && columns.Count > 0)
            {
                foreach (var required in builtIn.Columns.Where(c => c.Required && c.Attribute is not null && !mapped.Contains(c.Attribute)))
                {
                    reader.Problem(map, PolicyText.Get("Dictionary_RequiredUnmapped", builtIn.Name, required.Attribute, required.Header));
                }
            }

            var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            if (reader.Child(map, "values") is YamlMappingNode valueMap)
            {
                foreach (var (key, value) in valueMap.Children)
                {
                    var target = ((YamlScalarNode)key).Value ?? "";
                    if (!mapped.Contains(target) || facts.Find(target) is not { } fact || value is not YamlMappingNode words)
                    {
                        reader.Problem(key, PolicyText.Get("Dictionary_ValuesFor", target));
                        continue;
                    }

                    var table = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (word, meant) in words.Children)
                    {
                        var to = (meant as YamlScalarNode)?.Value ?? "";
                        var fits = fact.Kind switch
                        {
                            ValueKind.Boolean => to is "true" or "false",
                            ValueKind.Choice => to.Split(',').All(c => c.Length == 0 || fact.Choices!.Contains(c)),
                            _ => decimal.TryParse(
                                to, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _),
                        };
                        if (!fits)
                        {
                            var allowed = fact.Kind == ValueKind.Choice ? string.Join(" ", fact.Choices!)
                                : fact.Kind == ValueKind.Boolean ? "true false" : PolicyText.Get("Kind_Number");
                            reader.Problem(meant, PolicyText.Get("Dictionary_ValueTarget", to, fact.Name, allowed));
                        }

                        table[((YamlScalarNode)word).Value ?? ""] = to;
                    }

                    values[target] = table;
                }
            }

            result.Add(new DepartmentMapping(code, builtIn is null ? name : null, household, columns, values));
        }

        return result;
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

    [GeneratedRegex("^[a-z][a-z0-9_]{1,31}$")]
    private static partial Regex DepartmentCode();

    [GeneratedRegex("(person|household)\\.[a-z0-9_]+")]
    private static partial Regex FactName();
}
