using Yilian.Policies.Domain;
using Yilian.Policies.Imports;
using Yilian.Policies.Rules;

namespace Yilian.Policies.Features;

/// <summary>A resident's facts as explanations show them: each with its department (and date), and where departments disagree.</summary>
internal static class ResidentFacts
{
    /// <summary>A resident's facts in force, each with the department (and date) it came from.</summary>
    /// <param name="declared">The values in force of the district's declared facts for this resident and household.</param>
    public static Dictionary<string, Fact> Of(
        Resident resident, Household household, IReadOnlyList<ResidentFact> reports, IReadOnlyList<FactValue>? declared = null,
            FactCatalog? catalog = null)
    {
        var population = Screening.PopulationLoader.Of(resident, household);
        foreach (var value in declared ?? [])
        {
            if (catalog?.Find(value.Fact) is { Formula: null } fact && (value.SubjectId == resident.Id || value.SubjectId == household.Id))
            {
                population.Declare(fact);
                Screening.PopulationLoader.Store(population.Find(fact.Name)!, 0, value.Value);
            }
        }

        var facts = population.FactsOf(0, DateOnly.MinValue);
        var sourced = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var (attribute, fact) in facts)
        {
            var from = reports.Where(r => r.Attribute == attribute).OrderByDescending(r => r.AsOf).ToList();
            sourced[attribute] = attribute switch
            {
                "household.registration_region" => fact with { Source = "公安户籍" },
                "person.birth_date" => fact with { Source = "公安户籍（身份证号）" },
                _ when from.Count > 0 => fact with
                {
                    Source = string.Join("、", from.Select(r => DepartmentName(r.Department, catalog)).Distinct()), AsOf = from[0].AsOf,
                },
                _ => fact with { Source = "无部门报送，按“无”计" },
            };
        }

        return sourced;
    }

    /// <summary>The facts two departments reported differently, one line per fact.</summary>
    public static List<string> Conflicts(IReadOnlyList<ResidentFact> reports, FactCatalog? catalog = null) =>
        [.. reports.Where(r => r.Conflict).GroupBy(r => r.Attribute)
            .Select(g => $"{(catalog ?? FactCatalog.BuiltIn).Find(g.Key)?.Label ?? g.Key}："
                + string.Join("；", g.Select(r =>
                    $"{DepartmentName(r.Department, catalog)} 报 {Shown(r.Attribute, r.Value)}（{r.AsOf:yyyy-MM-dd}）")))];

    /// <summary>A department's name as the dictionary in force declares it (a district's own departments included).</summary>
    private static string DepartmentName(string code, FactCatalog? catalog) =>
        (catalog ?? FactCatalog.BuiltIn).Department(code)?.Name ?? code;

    private static string Shown(string attribute, string value) =>
        value.Length == 0 ? "无" : string.Join("、", value.Split(',').Select(v => Departments.Label(attribute, v)));
}
