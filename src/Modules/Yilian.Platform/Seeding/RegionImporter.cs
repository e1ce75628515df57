using Microsoft.EntityFrameworkCore;

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
    public async Task<int> ImportAsync(TextReader reader, CancellationToken ct)
    {
        var rows = new List<Region>();
        var lineNo = 0;
        var errors = new Dictionary<string, string[]>();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code,", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != 5 || !RegionCode.IsWellFormed(f[0]) || f[1].Length is 0 or > 100 || !int.TryParse(f[2], out var level) || level is < 1 or > 4
                || (f[3].Length > 0 && !RegionCode.IsWellFormed(f[3])) || f[4] is not ("0" or "1"))
            {
                errors[$"line{lineNo}"] = [$"line {lineNo}: expected code(12 digits),name,level(1-4),parent(12 digits or empty),invented(0|1)"];
                continue;
            }

            rows.Add(new Region { Code = f[0], Name = f[1], Level = (RegionLevel)level, ParentCode = f[3].Length == 0 ? null : f[3], IsInvented = f[4] == "1" });
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
