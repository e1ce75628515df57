using System.Globalization;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using Yilian.Policies.Resources;

namespace Yilian.Policies.Rules;

/// <summary>
/// Reads a policy file (YAML; the format is documented in docs/policy-format.md) and checks it, naming the
/// line and column of every problem: unknown keys and attributes (with the nearest known name), operators
/// that do not fit the attribute, comparisons of different kinds (money with an age), parameters without a
/// start date or used but not defined, and malformed values. A file with any problem yields no policy.
/// </summary>
public static class PolicyParser
{
    private static readonly string[] NumericOperators = ["<", "<=", ">", ">=", "==", "!="];

    public static Policy Parse(string yaml, FactCatalog? facts = null)
    {
        var problems = new List<PolicyProblem>();
        var policy = TryParse(yaml, problems, facts);
        return problems.Count == 0 && policy is not null ? policy : throw new PolicyFileException(problems);
    }

    /// <param name="facts">The facts conditions and formulas may use: the built-in ones unless the district has declared more.</param>
    public static Policy? TryParse(string yaml, List<PolicyProblem> problems, FactCatalog? facts = null)
    {
        facts ??= FactCatalog.BuiltIn;
        if (YamlReader.Root(yaml, problems) is not { } root)
        {
            return null;
        }

        var reader = new YamlReader(problems);
        reader.OnlyKeys(root, "id", "version", "name", "applies_to", "department", "legal_basis", "parameters", "conditions", "benefit", "documents");
        var id = reader.Text(root, "id", required: true);
        if (id is not null && !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]{1,63}$"))
        {
            reader.Problem(root.Children[new YamlScalarNode("id")], PolicyText.Get("Parse_Id"));
        }

        var version = reader.Integer(root, "version") ?? 1;
        var name = reader.Text(root, "name", required: true);
        var appliesTo = reader.Text(root, "applies_to", required: true) switch
        {
            "person" => Subject.Person,
            "household" => Subject.Household,
            null => Subject.Person,
            _ => reader.ProblemAt(root, "applies_to", PolicyText.Get("Parse_AppliesTo"), Subject.Person),
        };
        var department = reader.Text(root, "department", required: true);
        var legalBasis = reader.Text(root, "legal_basis", required: true);
        var parameters = ReadParameters(reader, root);
        Condition conditions = new AllOf(0, []);
        if (reader.Child(root, "conditions", required: true) is { } node)
        {
            conditions = ReadCondition(reader, node, parameters, facts) ?? conditions;
        }

        var benefit = new Benefit("service", null, "");
        if (reader.Child(root, "benefit", required: true) is YamlMappingNode b)
        {
            reader.OnlyKeys(b, "kind", "amount", "formula", "tiers", "description");
            var kind = reader.Text(b, "kind", required: true) ?? "service";
            if (kind is not ("money" or "service" or "in_kind"))
            {
                reader.ProblemAt(b, "kind", PolicyText.Get("Parse_BenefitKind"), 0);
            }

            var names = facts.Names(appliesTo, parameters);
            var (formula, formulaText) = Amount(reader, b, names);
            benefit = new Benefit(kind, reader.Decimal(b, "amount"), reader.Text(b, "description", required: true) ?? "")
            {
                Formula = formula, FormulaText = formulaText, Tiers = Tiers(reader, b, parameters, facts, names),
            };
        }

        var documents = reader.Child(root, "documents") is YamlSequenceNode docs
            ? docs.Children.OfType<YamlScalarNode>().Select(d => d.Value ?? "").Where(d => d.Length > 0).ToList()
            : [];
        return problems.Count == 0
            ? new Policy(id!, version, name!, appliesTo, department!, legalBasis!, conditions, parameters, benefit, documents)
            : null;
    }

    /// <summary>A benefit's or a tier's amount formula, if it has one (money, reading the policy's facts and parameters).</summary>
    private static (Formula? Formula, string? Text) Amount(YamlReader reader, YamlMappingNode map, FormulaNames names)
    {
        if (reader.Text(map, "formula") is not { } text)
        {
            return (null, null);
        }

        if (map.Children.ContainsKey(new YamlScalarNode("amount")))
        {
            reader.ProblemAt(map, "formula", PolicyText.Get("Parse_AmountAndFormula"), 0);
        }

        var formula = Formula(reader, map, "formula", text, names);
        if (formula is not null && (formula.Kind.Type != FormulaType.Number || formula.Kind.Unit is not (null or ValueKind.Money)))
        {
            reader.ProblemAt(map, "formula", PolicyText.Get("Parse_AmountMoney", FormulaParser.KindName(formula.Kind)), 0);
        }

        return (formula, text);
    }

    private static List<BenefitTier> Tiers(
        YamlReader reader, YamlMappingNode benefit, IReadOnlyDictionary<string, Parameter> parameters, FactCatalog facts,
            FormulaNames names)
    {
        var tiers = new List<BenefitTier>();
        if (reader.Child(benefit, "tiers") is not { } node)
        {
            return tiers;
        }

        if (node is not YamlSequenceNode list || list.Children.Count is 0 or > 20)
        {
            reader.Problem(node, PolicyText.Get("Parse_Tiers"));
            return tiers;
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode tier)
            {
                reader.Problem(item, PolicyText.Get("Parse_Tiers"));
                continue;
            }

            reader.OnlyKeys(tier, "when", "amount", "formula");
            var when = reader.Child(tier, "when") is { } w ? ReadCondition(reader, w, parameters, facts) : null;
            if (when is null && item != list.Children[^1])
            {
                reader.Problem(tier, PolicyText.Get("Parse_TierOtherwise"));
            }

            var (formula, text) = Amount(reader, tier, names);
            var amount = reader.Decimal(tier, "amount");
            if (formula is null && amount is null)
            {
                reader.Problem(tier, PolicyText.Get("Parse_TierAmount"));
            }

            tiers.Add(new BenefitTier(when, amount, formula, text));
        }

        return tiers;
    }

    /// <summary>Parses a formula held in a YAML value, placing its problems at the formula's line and column.</summary>
    internal static Formula? Formula(YamlReader reader, YamlMappingNode map, string key, string text, FormulaNames names)
    {
        var problems = new List<FormulaProblem>();
        var formula = FormulaParser.Parse(text, names, problems);
        var node = map.Children[new YamlScalarNode(key)];
        var quoted = node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1 : 0;
        foreach (var problem in problems)
        {
            reader.Problem(node, problem.Message, problem.Column - 1 + quoted);
        }

        return formula;
    }

    private static Dictionary<string, Parameter> ReadParameters(YamlReader reader, YamlMappingNode root)
    {
        var result = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var formulas = new List<(string Key, YamlMappingNode Node, string Text)>();
        if (reader.Child(root, "parameters") is not YamlMappingNode map)
        {
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (valueNode is not YamlMappingNode p)
            {
                reader.Problem(valueNode, PolicyText.Get("Parse_ParameterShape", key));
                continue;
            }

            reader.OnlyKeys(p, "unit", "values", "formula", "illustrative");
            var unit = reader.Text(p, "unit", required: true) switch
            {
                "money" => ValueKind.Money,
                "age" => ValueKind.Age,
                "number" => ValueKind.Number,
                null => ValueKind.Number,
                _ => reader.ProblemAt(p, "unit", PolicyText.Get("Parse_ParameterUnit", key), ValueKind.Number),
            };
            var values = new List<DatedValue>();
            if (reader.Text(p, "formula") is { } formulaText)
            {
                if (p.Children.ContainsKey(new YamlScalarNode("values")))
                {
                    reader.ProblemAt(p, "formula", PolicyText.Get("Parse_ValuesAndFormula", key), 0);
                }

                formulas.Add((key, p, formulaText));
            }
            else if (reader.Child(p, "values", required: true) is YamlSequenceNode seq)
            {
                foreach (var item in seq.Children)
                {
                    if (item is not YamlMappingNode v)
                    {
                        reader.Problem(item, PolicyText.Get("Parse_ParameterValue", key));
                        continue;
                    }

                    reader.OnlyKeys(v, "from", "value");
                    var from = reader.Date(v, "from", PolicyText.Get("Parse_ParameterFrom", key));
                    var value = reader.Decimal(v, "value", required: true);
                    if (from is { } f && value is { } d)
                    {
                        if (values.Any(x => x.From == f))
                        {
                            reader.Problem(v, PolicyText.Get("Parse_ParameterTwice", key, f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                        }

                        values.Add(new DatedValue(f, d));
                    }
                }
            }

            var illustrative = reader.Text(p, "illustrative") is "true" or "yes";
            result[key] = new Parameter(key, unit, [.. values.OrderBy(v => v.From)], illustrative);
        }

        // Formulas read the other parameters (by name, whatever order they are written in); a parameter may not depend on itself.
        var names = new FormulaNames(null, result, Subject.Person);
        foreach (var (key, node, text) in formulas)
        {
            if (Formula(reader, node, "formula", text, names) is not { } formula)
            {
                continue;
            }

            if (formula.Kind.Type != FormulaType.Number || (formula.Kind.Unit is { } unit && unit != result[key].Unit))
            {
                reader.ProblemAt(node, "formula", PolicyText.Get("Parse_ParameterFormulaUnit", key,
                    FormulaParser.KindName(FormulaKind.Of(result[key].Unit)),
                    FormulaParser.KindName(formula.Kind)), 0);
            }

            result[key] = result[key] with { Formula = formula, FormulaText = text };
        }

        foreach (var (key, node, _) in formulas)
        {
            if (DependsOn(key, key, result, []))
            {
                reader.ProblemAt(node, "formula", PolicyText.Get("Parse_ParameterCycle", key), 0);
            }
        }

        return result;
    }

    private static bool DependsOn(string start, string name, Dictionary<string, Parameter> parameters, HashSet<string> seen) =>
        parameters.GetValueOrDefault(name)?.Formula is { } formula && FormulaParser.Parameters(formula).Any(p =>
            p == start || (seen.Add(p) && DependsOn(start, p, parameters, seen)));

    private static Condition? ReadCondition(YamlReader reader, YamlNode node, IReadOnlyDictionary<string, Parameter> parameters,
        FactCatalog facts)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            reader.Problem(node, PolicyText.Get("Parse_Condition"));
            return null;
        }

        if (Has(map, "all") || Has(map, "any"))
        {
            var key = Has(map, "all") ? "all" : "any";
            reader.OnlyKeys(map, key);
            if (map.Children[new YamlScalarNode(key)] is not YamlSequenceNode list || list.Children.Count == 0)
            {
                reader.Problem(map, PolicyText.Get("Parse_Empty", key));
                return null;
            }

            var children = list.Children.Select(c => ReadCondition(reader, c, parameters, facts)).OfType<Condition>().ToList();
            return key == "all" ? new AllOf(line, children) : new AnyOf(line, children);
        }

        if (Has(map, "not"))
        {
            reader.OnlyKeys(map, "not");
            return ReadCondition(reader, map.Children[new YamlScalarNode("not")], parameters, facts) is { } child ? new Not(line,
                child) : null;
        }

        if (Has(map, "policy"))
        {
            reader.OnlyKeys(map, "policy", "eligible");
            return new PolicyTest(line, reader.Text(map, "policy", required: true) ?? "", reader.Text(map, "eligible") is not ("false" or "no"));
        }

        reader.OnlyKeys(map, "attribute", "op", "value", "values", "parameter");
        var attributeName = reader.Text(map, "attribute", required: true);
        if (attributeName is null)
        {
            return null;
        }

        if (facts.Find(attributeName) is not { } attribute)
        {
            var nearest = facts.All.Keys.MinBy(k => Distance(k, attributeName));
            reader.ProblemAt(map, "attribute", PolicyText.Get("Parse_NoAttribute", attributeName, nearest), 0);
            return null;
        }

        var op = reader.Text(map, "op", required: true) ?? "==";
        var allowed = attribute.Kind switch
        {
            ValueKind.Money or ValueKind.Age or ValueKind.Number => NumericOperators,
            ValueKind.Boolean => ["==", "!="],
            ValueKind.Choice => ["in", "has", "not_in"],
            ValueKind.Region => ["within"],
            _ => [],
        };
        if (!allowed.Contains(op))
        {
            reader.ProblemAt(map, "op", PolicyText.Get("Parse_Operator", attributeName, attribute.Label, op, string.Join(" ", allowed)), 0);
        }

        var parameterName = reader.Text(map, "parameter");
        var values = Has(map, "values") && map.Children[new YamlScalarNode("values")] is YamlSequenceNode many
            ? many.Children.OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList()
            : reader.Text(map, "value") is { } one ? [one] : [];
        if (parameterName is not null)
        {
            if (!parameters.TryGetValue(parameterName, out var parameter))
            {
                reader.ProblemAt(map, "parameter", PolicyText.Get("Parse_UndefinedParameter", parameterName), 0);
            }
            else if (parameter.Unit != attribute.Kind)
            {
                reader.ProblemAt(map, "parameter", PolicyText.Get("Parse_KindMismatch", Kind(attribute.Kind), attribute.Label, Kind(parameter.Unit), parameterName), 0);
            }
        }
        else if (values.Count == 0)
        {
            reader.Problem(map, PolicyText.Get("Parse_NoValue", attributeName));
        }
        else
        {
            foreach (var v in values)
            {
                var fits = attribute.Kind switch
                {
                    ValueKind.Money or ValueKind.Age or ValueKind.Number => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                    ValueKind.Boolean => v is "true" or "false",
                    ValueKind.Choice => attribute.Choices!.Contains(v),
                    ValueKind.Region => v.Length is 6 or 9 or 12 && v.All(char.IsAsciiDigit),
                    _ => false,
                };
                if (!fits)
                {
                    reader.Problem(map, attribute.Kind == ValueKind.Choice
                        ? PolicyText.Get("Parse_NoChoice", attribute.Label, v, string.Join(" ", attribute.Choices!))
                        : PolicyText.Get("Parse_WrongKind", v, Kind(attribute.Kind), attributeName));
                }
            }
        }

        return new Test(line, attribute, op, values, parameterName);
    }

    /// <summary>Checks a set of policies together: every referenced policy exists and no policy depends on itself through others.</summary>
    public static IReadOnlyList<PolicyProblem> CheckSet(IReadOnlyList<Policy> policies)
    {
        var problems = new List<PolicyProblem>();
        var byId = policies.ToDictionary(p => p.Id);
        foreach (var policy in policies)
        {
            foreach (var reference in References(policy.Conditions))
            {
                if (!byId.ContainsKey(reference.PolicyId))
                {
                    problems.Add(new PolicyProblem(reference.Line, 1, PolicyText.Get("Parse_MissingPolicy", policy.Id, reference.PolicyId)));
                }
            }
        }

        var state = new Dictionary<string, int>();
        foreach (var policy in policies)
        {
            Visit(policy.Id, []);
        }

        return problems;

        void Visit(string id, List<string> path)
        {
            if (state.GetValueOrDefault(id) == 2 || !byId.TryGetValue(id, out var policy))
            {
                return;
            }

            if (state.GetValueOrDefault(id) == 1)
            {
                var cycle = string.Join(" → ", path.SkipWhile(p => p != id).Append(id));
                problems.Add(new PolicyProblem(1, 1, PolicyText.Get("Parse_Cycle", cycle)));
                return;
            }

            state[id] = 1;
            path.Add(id);
            foreach (var reference in References(policy.Conditions))
            {
                Visit(reference.PolicyId, path);
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }
    }

    internal static IEnumerable<PolicyTest> References(Condition condition) => condition switch
    {
        PolicyTest p => [p],
        AllOf a => a.Children.SelectMany(References),
        AnyOf a => a.Children.SelectMany(References),
        Not n => References(n.Child),
        _ => [],
    };

    private static string Kind(ValueKind kind) => kind switch
    {
        ValueKind.Money => PolicyText.Get("Kind_Money"),
        ValueKind.Age => PolicyText.Get("Kind_Age"),
        ValueKind.Number => PolicyText.Get("Kind_Number"),
        ValueKind.Boolean => PolicyText.Get("Kind_Boolean"),
        ValueKind.Choice => PolicyText.Get("Kind_Choice"),
        ValueKind.Region => PolicyText.Get("Kind_Region"),
        _ => PolicyText.Get("Kind_Date"),
    };

    private static bool Has(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
