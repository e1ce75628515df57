namespace Yilian.Policies.Rules;

/// <summary>
/// The facts policies, imports and the self-check may use: the built-in ones (<see cref="AttributeCatalog"/>) and
/// those the district declares in its data dictionary (<see cref="DataDictionary"/>), reported by a department or
/// derived by a formula. Immutable; a newly published dictionary makes a new catalog.
/// </summary>
public sealed class FactCatalog
{
    public static readonly FactCatalog BuiltIn = new(AttributeCatalog.All.Values);

    public FactCatalog(IEnumerable<AttributeDefinition> facts, IEnumerable<DepartmentMapping>? mappings = null)
    {
        All = facts.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Mappings = (mappings ?? []).ToDictionary(m => m.Code, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, AttributeDefinition> All { get; }

    /// <summary>Departments the district declared, and the layouts of departments' own files (by department code).</summary>
    public IReadOnlyDictionary<string, DepartmentMapping> Mappings { get; }

    /// <summary>Every department whose files can be imported: the built-in ones, then those the district declared.</summary>
    public IReadOnlyList<Imports.Department> Departments =>
        [.. Imports.Departments.All,
         .. Mappings.Values.Where(m => m.Name is not null).Select(m => new Imports.Department(m.Code, m.Name!, []))];

    /// <summary>A department by code (built in or declared), or null.</summary>
    public Imports.Department? Department(string? code) => Departments.FirstOrDefault(d => d.Code == code);

    /// <summary>Declared facts a department reports (stored per resident or household, not computed).</summary>
    public IEnumerable<AttributeDefinition> Reported => All.Values.Where(f => f.Declared && f.Formula is null);

    public AttributeDefinition? Find(string name) => All.GetValueOrDefault(name);

    /// <summary>The names a formula of the given subject may use, for the parser.</summary>
    public FormulaNames Names(Subject subject, IReadOnlyDictionary<string, Parameter>? parameters = null,
        IReadOnlyList<string>? resultChoices = null) =>
        new(Find, parameters, subject, resultChoices) { FactNames = [.. All.Keys] };

    /// <summary>A choice code in plain words: the declared label, or the departments' word for it.</summary>
    public string ChoiceLabel(string attribute, string code) =>
        Find(attribute)?.ChoiceLabels?.GetValueOrDefault(code) ?? Imports.Departments.Label(attribute, code);

    /// <summary>The label in the reader's language (a declared English label when the UI is English).</summary>
    public static string LabelOf(AttributeDefinition fact) =>
        fact.LabelEn is { Length: > 0 } en && System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? en : fact.Label;
}

/// <summary>
/// How a department's own file reads (its headers, its words for values, keyed by person or by household), or a new
/// department the district declares (<see cref="Name"/> set). Targets are <c>id name household region relation
/// receiving ignore</c> or a fact's name.
/// </summary>
public sealed record DepartmentMapping(
    string Code, string? Name, bool HouseholdKeyed, IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values);
