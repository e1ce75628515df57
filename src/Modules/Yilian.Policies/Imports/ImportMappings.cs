using Yilian.Policies.Rules;

namespace Yilian.Policies.Imports;

/// <summary>
/// Reads a department's file in its own layout as the department's template: each mapped header renamed to the column
/// it means, each value re-worded as the mapping says (<c>1</c> → yes), columns the mapping ignores or does not name
/// left out and reported. Validation then runs exactly as for a template file, so a mapped file is refused for the
/// same reasons, row by row.
/// </summary>
internal static class ImportMappings
{
    /// <summary>
    /// The department's columns as the mapping extends them, how to translate each row, and the file's headers nothing takes.
    /// </summary>
    public static (Department Department, Func<ResidentImport.TableRow, ResidentImport.TableRow> Translate, List<string> Ignored) Prepare(
        Department department, DepartmentMapping mapping, IReadOnlyCollection<string> fileHeaders)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = department.Columns.ToList();
        foreach (var (header, target) in mapping.Columns.Where(c => c.Value != "ignore"))
        {
            var canonical = target switch
            {
                "id" => Department.IdHeader,
                "name" => Department.NameHeader,
                "household" => Department.HouseholdHeader,
                "region" => Department.RegionHeader,
                "relation" => Department.HeadHeader,
                "receiving" => Department.ReceivingHeader,
                _ => columns.FirstOrDefault(c => c.Attribute == target)?.Header,
            };
            if (canonical is null)
            {
                // A fact this department's template does not carry: the district's file brings it.
                canonical = target;
                columns.Add(new ImportColumn(target, target, Required: false));
            }

            headers[header] = canonical;
        }

        if (mapping.HouseholdKeyed)
        {
            columns.RemoveAll(c => c.Header == Department.IdHeader);
            if (columns.All(c => c.Header != Department.HouseholdHeader))
            {
                columns.Insert(0, new ImportColumn(Department.HouseholdHeader, null, Required: true));
            }
        }

        var ignored = fileHeaders.Where(h => !headers.ContainsKey(h)).ToList();
        return (department with { Columns = columns }, row => row with
        {
            Cells = row.Cells.Where(c => headers.ContainsKey(c.Key))
                .ToDictionary(c => headers[c.Key], c => Reworded(mapping, headers[c.Key], columns, c.Value), StringComparer.Ordinal),
        }, ignored);
    }

    private static string Reworded(DepartmentMapping mapping, string header, List<ImportColumn> columns, string cell) =>
        columns.FirstOrDefault(c => c.Header == header)?.Attribute is { } fact && mapping.Values.TryGetValue(fact, out var words)
            && words.TryGetValue(cell.Trim(), out var meant)
            ? meant
            : cell;
}
