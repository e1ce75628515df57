using System.Globalization;
using System.Text;

using YamlDotNet.RepresentationModel;

using Yilian.Policies.Imports;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;

namespace Yilian.Policies;

/// <summary>The first rows of a department's file, as the mapping builder shows them.</summary>
public sealed record FileSample(string Encoding, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// What a column of the file is taken to mean: the target (an identity column, a reported fact or <c>ignore</c>), why it
/// was suggested, the distinct values seen in the first rows, and those of them the target's fact would refuse as they stand.
/// </summary>
public sealed record ColumnSuggestion(
    string Header, string Target, string Reason, IReadOnlyList<string> Samples, IReadOnlyList<string> UnknownWords);

/// <summary>
/// A proposed layout for a department's file, built from its first rows; <see cref="Problems"/> says what would still be refused.
/// </summary>
public sealed record MappingProposal(
    string Department, string DepartmentName, bool HouseholdKeyed, IReadOnlyList<ColumnSuggestion> Columns, IReadOnlyList<string> Problems,
        FileSample Sample);

/// <summary>A department's file layout as the operator settles it (the body of saving a mapping).</summary>
public sealed record MappingRequest(
    string? Name, bool HouseholdKeyed, IReadOnlyDictionary<string, string>? Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Values);

/// <summary>
/// Builds a department's file layout from the file itself: its first rows are read, each header gets a suggested target
/// (the layout saved last time, the template's own header, an identity column recognised by name or by its values, or
/// the reported fact whose label is closest), values the fact would refuse are listed for re-wording, and the result is
/// checked against those rows before it is saved — into the data dictionary, as a new version, so next month's file of
/// the same layout imports without another look.
/// </summary>
internal sealed class DepartmentMappings(PolicyCatalog catalog, DataDictionaryPublishing publishing, TimeProvider clock)
{
    public const int SampleRows = 20;
    private const double Closeness = 0.34;

    public static readonly IReadOnlyList<string> IdentityTargets = ["id", "name", "household", "region", "relation", "receiving"];

    /// <summary>Reads the first rows of a file (any size up to the import limit; the rest is not parsed).</summary>
    public static async Task<FileSample> SampleAsync(Stream? content, CancellationToken ct)
    {
        if (content is null)
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_Empty"));
        }

        await using var file = await ImportFile.OpenAsync(content, ResidentImport.MaxMegabytes * 1024L * 1024L, ct);
        var rows = file.Rows().Take(SampleRows).ToList();
        if (rows.Count == 0)
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_NoRows"));
        }

        var headers = rows[0].Cells.Keys.ToList();
        return new FileSample(file.Encoding, headers, [.. rows.Select(r => (IReadOnlyList<string>)[.. headers.Select(r.Get)])]);
    }

    public async Task<MappingProposal> SuggestAsync(string? departmentCode, FileSample sample, CancellationToken ct)
    {
        await catalog.CurrentAsync(ct);
        return SuggestFor(Known(departmentCode), sample);
    }

    /// <summary>
    /// Suggestions for each column of the sample (a department the dictionary does not know yet gets them from the facts alone).
    /// </summary>
    public MappingProposal SuggestFor(Department department, FileSample sample)
    {
        var previous = catalog.Facts.Mappings.GetValueOrDefault(department.Code);
        var columns = new List<ColumnSuggestion>();
        for (var i = 0; i < sample.Headers.Count; i++)
        {
            var header = sample.Headers[i];
            var values = Distinct(sample, i);
            var (target, reason) = Suggest(department, previous, header, values);
            if (columns.Any(c => c.Target == target && target != "ignore"))
            {
                (target, reason) = ("ignore", PolicyText.Get("Mapping_WhyTaken", target));
            }

            columns.Add(new ColumnSuggestion(header, target, reason, [.. values.Take(6)], Unknown(target, values)));
        }

        var keyed = previous?.HouseholdKeyed ?? (columns.Any(c => c.Target == "household") && columns.All(c => c.Target != "id"));
        if (keyed)
        {
            columns = [.. columns.Select(c => HouseholdOnly(c.Target) ? c
                : c with { Target = "ignore", Reason = PolicyText.Get("Mapping_WhyPersonFact") })];
        }

        var request = new MappingRequest(null, keyed, columns.ToDictionary(c => c.Header, c => c.Target), previous?.Values);
        return new MappingProposal(department.Code, department.Name, keyed, columns, Check(department, request, sample), sample);
    }

    /// <summary>The operator's own choices, shown back with what the sample would still be refused for.</summary>
    public MappingProposal Revise(Department department, MappingRequest request, FileSample sample)
    {
        var columns = sample.Headers.Select((header, i) =>
        {
            var target = request.Columns?.GetValueOrDefault(header) ?? "ignore";
            var values = Distinct(sample, i);
            return new ColumnSuggestion(header, target, PolicyText.Get("Mapping_WhyChosen"), [.. values.Take(6)], Unknown(target, values));
        }).ToList();
        return new MappingProposal(
            department.Code, department.Name, request.HouseholdKeyed, columns, Check(department, request, sample), sample);
    }

    private static List<string> Distinct(FileSample sample, int column) =>
        [.. sample.Rows.Select(r => column < r.Count ? r[column].Trim() : "").Where(v => v.Length > 0).Distinct()];

    /// <summary>
    /// What the layout would still refuse in the sample — a required fact or the ID column unmapped, values its fact does
    /// not take (with the allowed words) — each named by row and column. Empty when the sample would import.
    /// </summary>
    public List<string> Check(Department department, MappingRequest request, FileSample sample)
    {
        var facts = catalog.Facts;
        var problems = new List<string>();
        var columns = request.Columns ?? new Dictionary<string, string>();
        var targets = columns.Values.ToHashSet(StringComparer.Ordinal);
        if (!targets.Contains(request.HouseholdKeyed ? "household" : "id"))
        {
            problems.Add(PolicyText.Get(
                request.HouseholdKeyed ? "Dictionary_NoHouseholdColumn" : "Dictionary_NoIdColumn", department.Code));
        }

        foreach (var required in department.Columns.Where(c => c.Required && c.Attribute is not null && !targets.Contains(c.Attribute)))
        {
            problems.Add(PolicyText.Get("Dictionary_RequiredUnmapped", department.Name, required.Attribute!, required.Header));
        }

        for (var i = 0; i < sample.Headers.Count; i++)
        {
            if (!columns.TryGetValue(sample.Headers[i], out var target) || facts.Find(target) is not { } fact)
            {
                continue;
            }

            var words = request.Values?.GetValueOrDefault(target);
            for (var r = 0; r < sample.Rows.Count; r++)
            {
                var cell = i < sample.Rows[r].Count ? sample.Rows[r][i].Trim() : "";
                var meant = words is not null && words.TryGetValue(cell, out var w) ? w : cell;
                if (cell.Length > 0 && ResidentImport.Value(fact, meant) is null)
                {
                    problems.Add(PolicyText.Get("Import_Row", r + 2, PolicyText.Get("Import_BadValue", sample.Headers[i], cell,
                        ResidentImport.Allowed(fact))));
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Saves the layout into the data dictionary as a new version: the department's entry is replaced (or added) in the
    /// dictionary's text, every other line — comments included — kept as written; the whole dictionary is then checked and
    /// published as usual.
    /// </summary>
    public async Task<DataDictionaryView> SaveAsync(string? departmentCode, MappingRequest request, CancellationToken ct)
    {
        await catalog.CurrentAsync(ct);
        var code = departmentCode?.Trim() ?? "";
        var existing = catalog.Facts.Department(code);
        if (existing is null && string.IsNullOrWhiteSpace(request.Name))
        {
            throw InputValidationException.For("name", PolicyText.Get("Dictionary_DepartmentName", code));
        }

        if (request.Columns is not { Count: > 0 })
        {
            throw InputValidationException.For("columns", PolicyText.Get("Mapping_NoColumns"));
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? catalog.Facts.Mappings.GetValueOrDefault(code)?.Name : request.Name.Trim();
        var entry = Entry(code, name, request);
        return await publishing.PublishAsync(Splice(catalog.Dictionary.Text, code, entry), ct);
    }

    public Department Known(string? code) => ResidentImport.Known(catalog.Facts, code);

    /// <summary>
    /// The targets a column of this department's file may take: identity columns, then every reported fact (the department's own first).
    /// </summary>
    public IReadOnlyList<(string Target, string Label)> Targets(Department department)
    {
        var facts = catalog.Facts;
        var own = Departments.Attributes(department).ToHashSet(StringComparer.Ordinal);
        return
        [
            ("ignore", PolicyText.Get("Mapping_Target_ignore")),
            .. IdentityTargets.Select(t => (t, PolicyText.Get("Mapping_Target_" + t))),
            .. facts.All.Values.Where(Reportable).OrderBy(f => own.Contains(f.Name) ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => (f.Name, $"{FactCatalog.LabelOf(f)}（{f.Name}）")),
        ];
    }

    private (string Target, string Reason) Suggest(Department department, DepartmentMapping? previous, string header, List<string> values)
    {
        if (previous?.Columns.TryGetValue(header, out var saved) == true)
        {
            return (saved, PolicyText.Get("Mapping_WhySaved"));
        }

        if (department.Columns.FirstOrDefault(c => c.Header == header) is { } template)
        {
            return (TemplateTarget(template), PolicyText.Get("Mapping_WhyTemplate"));
        }

        var today = ChinaTime.Today(clock);
        if (values.Count > 0 && values.All(v => ChineseIdNumber.Parse(v, today).IsValid))
        {
            return ("id", PolicyText.Get("Mapping_WhyIdValues"));
        }

        foreach (var (target, words) in Departments.IdentityHeaderWords)
        {
            if (words.Any(w => header.Contains(w, StringComparison.Ordinal)))
            {
                return (target, PolicyText.Get("Mapping_WhyIdentity", PolicyText.Get("Mapping_Target_" + target)));
            }
        }

        var own = Departments.Attributes(department).ToHashSet(StringComparer.Ordinal);
        var best = catalog.Facts.All.Values.Where(Reportable)
            .Select(f => (Fact: f, Score: Similarity(header, f.Label) * (0.5 + 0.5 * Fit(f, values))
                + (own.Contains(f.Name) || f.Department == department.Code ? 0.1 : 0)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Fact.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Fact is not null && best.Score >= Closeness
            ? (best.Fact.Name, PolicyText.Get("Mapping_WhyLabel", FactCatalog.LabelOf(best.Fact)))
            : ("ignore", PolicyText.Get("Mapping_WhyNothing"));
    }

    /// <summary>
    /// The share of the sample's values a fact takes as they stand (1 when the column is empty): a name alone does not make a match.
    /// </summary>
    private static double Fit(AttributeDefinition fact, List<string> values) =>
        values.Count == 0 ? 1 : (double)values.Count(v => ResidentImport.Value(fact, v) is not null) / values.Count;

    private static string TemplateTarget(ImportColumn column) => column.Attribute ?? column.Header switch
    {
        Department.IdHeader => "id",
        Department.NameHeader => "name",
        Department.HouseholdHeader => "household",
        Department.RegionHeader => "region",
        Department.HeadHeader => "relation",
        _ => "receiving",
    };

    /// <summary>The sample's words a choice or yes/no fact would refuse as they stand (the ones to re-word).</summary>
    private List<string> Unknown(string target, List<string> values) =>
        catalog.Facts.Find(target) is { Kind: ValueKind.Choice or ValueKind.Boolean } fact
            ? [.. values.Where(v => ResidentImport.Value(fact, v) is null)]
            : [];

    private bool HouseholdOnly(string target) => target is "ignore" or "household" || catalog.Facts.Find(target) is { IsHousehold: true };

    /// <summary>A fact a file may report (not a derived one, not one the registration itself fixes).</summary>
    private static bool Reportable(AttributeDefinition fact) =>
        fact.Formula is null && fact.Kind != ValueKind.Age && !fact.FromRegistration;

    /// <summary>How alike a header and a fact's label are: shared characters and shared pairs of characters (Dice), 0 to 1.</summary>
    internal static double Similarity(string header, string label)
    {
        static HashSet<string> Grams(string s, int n) =>
            [.. Enumerable.Range(0, Math.Max(0, s.Length - n + 1)).Select(i => s.Substring(i, n))];
        double Dice(int n)
        {
            var (a, b) = (Grams(header, n), Grams(label, n));
            return a.Count + b.Count == 0 ? 0 : 2.0 * a.Intersect(b).Count() / (a.Count + b.Count);
        }

        return (Dice(1) + Dice(2)) / 2;
    }

    /// <summary>One department's entry in the dictionary's <c>departments:</c> list, every key and value quoted.</summary>
    internal static string Entry(string code, string? name, MappingRequest request)
    {
        var text = new StringBuilder();
        text.Append("  - code: ").Append(Quote(code)).Append('\n');
        if (name is not null)
        {
            text.Append("    name: ").Append(Quote(name)).Append('\n');
        }

        if (request.HouseholdKeyed)
        {
            text.Append("    keyed_by: household\n");
        }

        text.Append("    columns:\n");
        foreach (var (header, target) in request.Columns!)
        {
            text.Append("      ").Append(Quote(header)).Append(": ").Append(Quote(target)).Append('\n');
        }

        var values = (request.Values ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .Where(v => v.Value.Count > 0 && request.Columns!.Values.Contains(v.Key)).ToList();
        if (values.Count > 0)
        {
            text.Append("    values:\n");
            foreach (var (fact, words) in values)
            {
                text.Append("      ").Append(Quote(fact)).Append(": { ")
                    .AppendJoin(", ", words.Select(w => Quote(w.Key) + ": " + Quote(w.Value))).Append(" }\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The dictionary's text with one department's entry replaced — from its <c>-</c> line up to the next line indented no
    /// deeper than that dash — or added at the end of the <c>departments:</c> list (which is added when there is none).
    /// </summary>
    internal static string Splice(string dictionary, string code, string entry)
    {
        var lines = dictionary.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var problems = new List<PolicyProblem>();
        var root = YamlReader.Root(dictionary, problems);
        var list = root?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "departments" }).Value as YamlSequenceNode;
        if (list?.Style == YamlDotNet.Core.Events.SequenceStyle.Flow)
        {
            throw InputValidationException.For("departments", PolicyText.Get("Mapping_FlowList"));
        }

        if (root is null || list is null)
        {
            var text = dictionary.TrimEnd('\n', '\r', ' ');
            return (text.Length == 0 ? "facts: []\n" : text + "\n") + "departments:\n" + entry;
        }

        int Indent(string line) => line.Length - line.TrimStart(' ').Length;
        int EndOf(int dash)
        {
            var indent = Indent(lines[dash]);
            var end = dash + 1;
            while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent))
            {
                end++;
            }

            while (end > dash + 1 && lines[end - 1].Trim().Length == 0)
            {
                end--;
            }

            return end;
        }

        var items = list.Children.OfType<YamlMappingNode>().ToList();
        var dashIndent = items.Count > 0 ? (int)items[0].Start.Column - 3 : 2;
        var indented = string.Join("\n", entry.TrimEnd('\n').Split('\n')
            .Select(l => dashIndent >= 2 ? new string(' ', dashIndent - 2) + l : l[(2 - dashIndent)..]));
        var same = items.FirstOrDefault(i => i.Children.Any(c =>
            c.Key is YamlScalarNode { Value: "code" } && c.Value is YamlScalarNode s && s.Value == code));
        if (same is not null)
        {
            var dash = (int)same.Start.Line - 1;
            lines.RemoveRange(dash, EndOf(dash) - dash);
            lines.Insert(dash, indented);
        }
        else
        {
            var after = items.Count > 0 ? EndOf((int)items[^1].Start.Line - 1) : (int)list.Start.Line;
            lines.Insert(Math.Min(after, lines.Count), indented);
        }

        return string.Join("\n", lines).TrimEnd('\n') + "\n";
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
