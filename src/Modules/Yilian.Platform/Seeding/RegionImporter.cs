using System.Text;

using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Platform.Seeding;

/// <summary>
/// Imports the administrative tree from CSV (<c>code,name,level,parent,invented</c>; <c>#</c> starts a comment).
/// The whole file is checked before anything is written: a bad line names its number and problem.
/// </summary>
internal sealed class RegionImporter(PlatformDbContext db)
{
    private const string Header = "code,name,level,parent,invented";

    public async Task<int> ImportAsync(TextReader reader, CancellationToken ct)
    {
        // Comment lines are ours, not CSV's: drop them (remembering each kept line's number), then let the CSV reader
        // the imports share (MiniExcel) split the fields, quoted names with commas included.
        var kept = new List<(int Number, string Text)>();
        var lineNo = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNo++;
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                kept.Add((lineNo, line));
            }
        }

        if (kept.Count > 0 && kept[0].Text.StartsWith("code,", StringComparison.Ordinal))
        {
            kept.RemoveAt(0);
        }

        var csv = Header + "\n" + string.Join("\n", kept.Select(k => k.Text));
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var records = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();

        var rows = new List<Region>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (record, (number, text)) in records.Zip(kept))
        {
            string Field(string name) => record.TryGetValue(name, out var v) ? (v?.ToString() ?? "").Trim() : "";
            var (code, name, levelText, parent, invented) = (Field("code"), Field("name"), Field("level"), Field("parent"), Field("invented"));
            if (record.Count != 5 || !RegionCode.IsWellFormed(code) || name.Length is 0 or > 100 || !int.TryParse(levelText, out var level)
                || level is < 1 or > 4 || (parent.Length > 0 && !RegionCode.IsWellFormed(parent)) || invented is not ("0" or "1"))
            {
                errors[$"line{number}"] = [$"line {number}: expected code(12 digits),name,level(1-4),parent(12 digits or empty),invented(0|1)"];
                continue;
            }

            rows.Add(new Region { Code = code, Name = name, Level = (RegionLevel)level, ParentCode = parent.Length == 0 ? null : parent, IsInvented = invented == "1" });
        }

        var codes = rows.Select(r => r.Code).ToHashSet();
        foreach (var r in rows.Where(r => r.ParentCode is not null && !codes.Contains(r.ParentCode)))
        {
            if (!await db.Regions.AnyAsync(x => x.Code == r.ParentCode, ct))
            {
                errors[r.Code] = [$"{r.Code}: parent {r.ParentCode} is not in the file or the database"];
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var existing = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Code, out var current))
            {
                current.Name = row.Name;
                current.Level = row.Level;
                current.ParentCode = row.ParentCode;
                current.IsInvented = row.IsInvented;
            }
            else
            {
                db.Regions.Add(row);
            }
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}

/// <summary>Seed step 0: the demo district's tree.</summary>
internal sealed class RegionSeedStep(RegionImporter importer, PlatformDbContext db) : ISeedStep
{
    public int Order => 0;

    public string Name => "regions";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        await using var stream = typeof(RegionSeedStep).Assembly.GetManifestResourceStream("demo-district.csv")!;
        using var reader = new StreamReader(stream);
        await importer.ImportAsync(reader, ct);
        context.Communities.AddRange(await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct));
    }
}
