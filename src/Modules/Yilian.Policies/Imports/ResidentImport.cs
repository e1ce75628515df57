using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Resources;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Policies.Imports;

/// <param name="IgnoredColumns">Headers of the file no fact takes (reported, never silently dropped).</param>
public sealed record ImportResult(
    Guid Id, string Department, string FileName, string Encoding, int Rows, int ResidentsCreated, int HouseholdsChanged, int Conflicts,
        DateOnly AsOf,
    IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Takes in one department's file (CSV in UTF-8, GBK or GB18030, or Excel): checks every row first — ID
/// number and check character, duplicates, values, people not yet registered — and names each problem by
/// row; only a file without problems is written, in one transaction. The household-registration file
/// creates residents and households; the others add facts with their provenance, keep disagreeing
/// departments' values side by side (flagged), and mark the households they touch for incremental screening.
/// </summary>
internal sealed class ResidentImport(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock, ICurrentUser user)
{
    public const int MaxMegabytes = 100;
    private const int ListedProblems = 30;

    static ResidentImport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<ImportResult> ImportAsync(string? departmentCode, string? fileName, Stream? content, DateOnly? asOf, CancellationToken ct)
    {
        await catalog.CurrentAsync(ct); // the dictionary in force (another instance may have published it)
        var facts = catalog.Facts;
        var department = facts.Department(departmentCode) ?? throw InputValidationException.For("department",
            string.IsNullOrWhiteSpace(departmentCode)
            ? PolicyText.Get("Import_Department")
            : PolicyText.Get("Import_UnknownDepartment", Trim(departmentCode), string.Join("、",
                facts.Departments.Select(d => $"{d.Code}（{d.Name}）"))));
        if (content is null || string.IsNullOrWhiteSpace(fileName))
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_Empty"));
        }

        var today = ChinaTime.Today(clock);
        department = department with { Columns = [.. department.Columns, .. Departments.DeclaredColumns(department, facts)] };
        var (rows, encoding, hash) = await ReadTableAsync(content, ct);
        var mapping = facts.Mappings.GetValueOrDefault(department.Code);
        List<string> ignored;
        if (mapping is { Columns.Count: > 0 })
        {
            (department, rows, ignored) = ImportMappings.Apply(department, mapping, rows);
        }
        else
        {
            ignored = rows.Count == 0 ? []
                : [.. rows[0].Cells.Keys.Where(h => department.Columns.All(c => c.Header != h) && h != Department.ReceivingHeader)];
        }

        var householdKeyed = mapping?.HouseholdKeyed == true;
        var missing = department.Columns.Where(c => c.Required && (rows.Count == 0 || !rows[0].Cells.ContainsKey(c.Header))).Select(c => c.Header).ToList();
        if (rows.Count > 0 && missing.Count > 0)
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_MissingColumns", string.Join("、", missing)));
        }

        if (rows.Count == 0)
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_NoRows"));
        }

        var problems = new List<string>();
        var parsed = new List<ParsedRow>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var protector = PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.");
        var heads = householdKeyed ? await HeadsAsync(rows, ct) : [];
        foreach (var row in rows)
        {
            var rowProblems = new List<string>();
            var id = householdKeyed
                ? ChineseIdNumber.Parse(heads.GetValueOrDefault(row.Get(Department.HouseholdHeader).Trim())?.IdNumber, today)
                : ChineseIdNumber.Parse(row.Get(Department.IdHeader), today);
            if (householdKeyed && !heads.ContainsKey(row.Get(Department.HouseholdHeader).Trim()))
            {
                rowProblems.Add(PolicyText.Get("Import_UnknownHousehold", Trim(row.Get(Department.HouseholdHeader))));
            }
            else if (!id.IsValid)
            {
                rowProblems.Add(ValidationMessages.Format("IdNumber_" + id.Error, Department.IdHeader));
            }
            else if (seen.TryGetValue(id.Value!, out var first))
            {
                rowProblems.Add(PolicyText.Get("Import_Duplicate", first));
            }
            else
            {
                seen[id.Value!] = row.Number;
            }

            var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var column in department.Columns.Where(c => c.Attribute is not null && row.Cells.ContainsKey(c.Header)))
            {
                var cell = row.Get(column.Header);
                if (string.IsNullOrWhiteSpace(cell) && !column.Required)
                {
                    continue;
                }

                if (Value(facts.Find(column.Attribute!)!, cell) is { } value)
                {
                    values[column.Attribute!] = value;
                }
                else
                {
                    rowProblems.Add(PolicyText.Get("Import_BadValue", column.Header, Trim(cell), Allowed(facts.Find(column.Attribute!)!)));
                }
            }

            List<string>? receiving = null;
            if (row.Cells.ContainsKey(Department.ReceivingHeader) && !string.IsNullOrWhiteSpace(row.Get(Department.ReceivingHeader)))
            {
                receiving = [];
                foreach (var word in Split(row.Get(Department.ReceivingHeader)))
                {
                    if (catalog.Policies.FirstOrDefault(p => p.Id == word || p.Name == word) is { } policy)
                    {
                        receiving.Add(policy.Id);
                    }
                    else
                    {
                        rowProblems.Add(PolicyText.Get("Import_UnknownPolicy", Trim(word)));
                    }
                }
            }

            var registry = department.IsRegistry ? Registry(row, rowProblems) : null;
            problems.AddRange(rowProblems.Select(p => PolicyText.Get("Import_Row", row.Number, p)));
            if (rowProblems.Count == 0)
            {
                parsed.Add(new ParsedRow(row.Number, id.Value!, id.BirthDate!.Value, protector.BlindIndex(id.Value!), values, receiving, registry));
                // (A household-keyed row speaks for the household through its head; only household facts are mapped.)
            }
        }

        // Everyone a non-registry department names must be registered already.
        var residents = new Dictionary<string, Resident>(StringComparer.Ordinal);
        foreach (var chunk in parsed.Select(p => p.Index).Chunk(500))
        {
            foreach (var r in await db.Residents.Where(r => chunk.Contains(r.IdNumberIndex)).ToListAsync(ct))
            {
                residents[r.IdNumberIndex] = r;
            }
        }

        if (!department.IsRegistry)
        {
            problems.AddRange(parsed.Where(p => !residents.ContainsKey(p.Index)).Select(p => PolicyText.Get("Import_Row", p.Number, PolicyText.Get("Import_UnknownPerson"))));
        }

        if (problems.Count > 0)
        {
            var listed = problems.Take(ListedProblems).ToList();
            listed.Add(problems.Count > ListedProblems ? PolicyText.Get("Import_TooManyErrors", problems.Count - ListedProblems) : PolicyText.Get("Import_Nothing"));
            throw new InputValidationException(new Dictionary<string, string[]> { ["file"] = [.. listed] });
        }

        var on = asOf ?? today;
        var seq = (await db.Households.MaxAsync(h => (long?)h.ChangeSeq, ct) ?? 0) + 1;
        var batch = new ImportBatch
        {
            Id = Guid.NewGuid(), Department = department.Code, FileName = Trim(Path.GetFileName(fileName), 200), Encoding = encoding, AsOf = on, Rows = rows.Count,
            ChangeSeq = seq, ImportedBy = user.UserName ?? "system", ImportedAt = clock.GetUtcNow(), FileHash = hash,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var touched = new HashSet<Guid>();
        if (department.IsRegistry)
        {
            await RegisterAsync(parsed, residents, batch, touched, ct);
        }
        else
        {
            await AddFactsAsync(department, parsed, residents, batch, touched, facts, ct);
        }

        foreach (var chunk in touched.Chunk(500))
        {
            foreach (var household in await db.Households.Where(h => chunk.Contains(h.Id)).ToListAsync(ct))
            {
                household.ChangeSeq = seq;
                household.ChangedAt = batch.ImportedAt;
            }
        }

        batch.HouseholdsChanged = touched.Count;
        db.Imports.Add(batch);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(
            batch.Id, department.Name, batch.FileName, batch.Encoding, batch.Rows, batch.ResidentsCreated, batch.HouseholdsChanged,
                batch.Conflicts, batch.AsOf, ignored);
    }

    private async Task RegisterAsync(List<ParsedRow> rows, Dictionary<string, Resident> residents, ImportBatch batch, HashSet<Guid> touched, CancellationToken ct)
    {
        var numbers = rows.Select(r => r.Registry!.Household).Distinct().ToList();
        var households = new Dictionary<string, Household>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            foreach (var h in await db.Households.Where(h => chunk.Contains(h.Number)).ToListAsync(ct))
            {
                households[h.Number] = h;
            }
        }

        foreach (var row in rows)
        {
            var registry = row.Registry!;
            if (!households.TryGetValue(registry.Household, out var household))
            {
                household = households[registry.Household] = new Household { Id = Guid.NewGuid(), Number = registry.Household, RegionCode = registry.Region };
                db.Households.Add(household);
            }

            household.RegionCode = registry.Region;
            if (!residents.TryGetValue(row.Index, out var resident))
            {
                resident = residents[row.Index] = new Resident
                {
                    Id = Guid.NewGuid(), IdNumber = row.IdNumber, IdNumberIndex = row.Index, BirthDate = row.BirthDate,
                        IdSequence = Sequence(row.IdNumber),
                };
                db.Residents.Add(resident);
                batch.ResidentsCreated++;
            }
            else if (resident.HouseholdId != household.Id)
            {
                touched.Add(resident.HouseholdId); // moved out of another household
            }

            resident.Name = registry.Name;
            resident.IdSequence ??= Sequence(row.IdNumber);
            resident.HouseholdId = household.Id;
            resident.RegionCode = household.RegionCode;
            resident.IsHead = registry.IsHead;
            if (registry.IsHead)
            {
                household.HeadId = resident.Id;
            }

            touched.Add(household.Id);
        }

        // A household without a head named in the file takes its first listed member (one pass over the rows, not one per household).
        var firstListed = new Dictionary<string, ParsedRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            firstListed.TryAdd(row.Registry!.Household, row);
        }

        foreach (var household in households.Values.Where(h => h.HeadId is null))
        {
            var head = firstListed[household.Number];
            residents[head.Index].IsHead = true;
            household.HeadId = residents[head.Index].Id;
        }
    }

    /// <summary>For a file keyed by household: each listed 户号's head of household (their ID number, to reach the household's facts).</summary>
    private async Task<Dictionary<string, Resident>> HeadsAsync(List<TableRow> rows, CancellationToken ct)
    {
        var heads = new Dictionary<string, Resident>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Get(Department.HouseholdHeader).Trim()).Distinct().Chunk(500))
        {
            var households = await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Number) && h.HeadId != null)
                .Select(h => new { h.Number, h.HeadId }).ToListAsync(ct);
            var ids = households.Select(h => h.HeadId!.Value).ToList();
            var residents = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            foreach (var h in households)
            {
                heads[h.Number] = residents[h.HeadId!.Value];
            }
        }

        return heads;
    }

    /// <summary>The ID number's order code (digits 15–17), whose parity is the holder's sex.</summary>
    internal static int Sequence(string idNumber) => int.Parse(idNumber.AsSpan(14, 3), CultureInfo.InvariantCulture);

    private async Task AddFactsAsync(
        Department department, List<ParsedRow> rows, Dictionary<string, Resident> residents, ImportBatch batch, HashSet<Guid> touched,
            FactCatalog catalog,
        CancellationToken ct)
    {
        var householdIds = rows.Select(r => residents[r.Index].HouseholdId).Distinct().ToList();
        var households = new Dictionary<Guid, Household>();
        var facts = new List<ResidentFact>();
        var declared = new Dictionary<(Guid, string), FactValue>();
        foreach (var chunk in householdIds.Chunk(500))
        {
            foreach (var h in await db.Households.Where(h => chunk.Contains(h.Id)).ToListAsync(ct))
            {
                households[h.Id] = h;
            }

            facts.AddRange(await db.Facts.Where(f => chunk.Contains(f.HouseholdId)).ToListAsync(ct));
            foreach (var v in await db.FactValues.Where(v => chunk.Contains(v.HouseholdId)).ToListAsync(ct))
            {
                declared[(v.SubjectId, v.Fact)] = v;
            }
        }

        var bySubject = facts.ToLookup(f => (f.SubjectId, f.Attribute)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in rows)
        {
            var resident = residents[row.Index];
            var values = new Dictionary<string, IReadOnlyList<string>>(row.Values);
            if (row.Receiving is not null)
            {
                values["person.receiving"] = row.Receiving;
            }

            foreach (var (attribute, value) in values)
            {
                var household = attribute.StartsWith("household.", StringComparison.Ordinal);
                var subject = household ? resident.HouseholdId : resident.Id;
                var list = bySubject.TryGetValue((subject, attribute), out var existing) ? existing : bySubject[(subject, attribute)] = [];
                var fact = list.FirstOrDefault(f => f.Department == department.Code);
                if (fact is null)
                {
                    fact = new ResidentFact { Id = Guid.NewGuid(), SubjectId = subject, HouseholdId = resident.HouseholdId, RegionCode = resident.RegionCode, Attribute = attribute, Department = department.Code };
                    db.Facts.Add(fact);
                    list.Add(fact);
                }
                else if (fact.AsOf > batch.AsOf)
                {
                    continue; // this department already sent newer data
                }

                fact.Value = string.Join(",", value);
                fact.AsOf = batch.AsOf;
                fact.ImportId = batch.Id;
                var resolved = Resolve(attribute, list);
                if (resolved.Conflict)
                {
                    batch.Conflicts++;
                }

                if (catalog.Find(attribute) is { Declared: true } definition)
                {
                    if (!declared.TryGetValue((subject, attribute), out var stored))
                    {
                        stored = declared[(subject, attribute)] = new FactValue
                        {
                            SubjectId = subject, Fact = attribute, HouseholdId = resident.HouseholdId, RegionCode = resident.RegionCode,
                        };
                        db.FactValues.Add(stored);
                    }

                    stored.Value = FactFrames.ToValue(definition, new Dictionary<string, Fact> { [attribute] = new(resolved.Value, "",
                        batch.AsOf) }, batch.AsOf);
                    stored.AsOf = batch.AsOf;
                }
                else
                {
                    Apply(attribute, resolved.Value, resident, households[resident.HouseholdId]);
                }
                touched.Add(resident.HouseholdId);
            }
        }
    }

    /// <summary>
    /// The value in force from several departments' reports: sets (special statuses, policies received) are
    /// the union; otherwise the latest report wins and disagreement is flagged on every report involved.
    /// </summary>
    internal static (IReadOnlyList<string> Value, bool Conflict) Resolve(string attribute, List<ResidentFact> reports)
    {
        if (attribute is "person.special_status" or "person.receiving")
        {
            return ([.. reports.SelectMany(r => Split(r.Value)).Distinct().Order(StringComparer.Ordinal)], false);
        }

        var conflict = reports.Select(r => r.Value).Distinct().Count() > 1;
        foreach (var report in reports)
        {
            report.Conflict = conflict;
        }

        var winner = reports.OrderByDescending(r => r.AsOf).ThenBy(r => r.Department, StringComparer.Ordinal).First();
        return (Split(winner.Value), conflict);
    }

    /// <summary>Writes a resolved value into the column screening reads.</summary>
    internal static void Apply(string attribute, IReadOnlyList<string> value, Resident resident, Household household)
    {
        long? Hundredths() => value.Count == 0 ? null : Screening.Population.Hundredths(decimal.Parse(value[0], CultureInfo.InvariantCulture));
        bool? Flag() => value.Count == 0 ? null : value[0] == "true";
        int Mask() => value.Aggregate(0, (m, code) => m | (1 << AttributeCatalog.All[attribute].Choices!.ToList().IndexOf(code)));
        switch (attribute)
        {
            case "household.per_capita_income": household.IncomeHundredths = Hundredths(); break;
            case "household.per_capita_assets": household.AssetsHundredths = Hundredths(); break;
            case "household.size": household.SizeHundredths = Hundredths(); break;
            case "household.housing_area_per_capita": household.HousingAreaHundredths = Hundredths(); break;
            case "household.owns_vehicle": household.OwnsVehicle = Flag(); break;
            case "household.dangerous_housing": household.DangerousHousing = Flag(); break;
            case "household.sudden_hardship": household.SuddenHardship = Flag(); break;
            case "person.disability_grade": resident.DisabilityGrade = value.Count == 0 ? null : int.Parse(value[0], CultureInfo.InvariantCulture); break;
            case "person.disability_type": resident.DisabilityTypes = Mask(); break;
            case "person.special_status": resident.SpecialStatuses = Mask(); break;
            case "person.employment": resident.Employment = Mask(); break;
            case "person.schooling": resident.Schooling = Mask(); break;
            case "person.severe_illness": resident.SevereIllness = Flag(); break;
            case "person.long_term_care_need": resident.LongTermCareNeed = Flag(); break;
            case "person.has_supporter": resident.HasSupporter = Flag(); break;
            case "person.receiving": resident.Receiving = string.Join(",", value); break;
        }
    }

    /// <summary>A cell as a fact value (codes or an invariant number); null when it is not valid.</summary>
    internal static IReadOnlyList<string>? Value(AttributeDefinition definition, string cell)
    {
        var attribute = definition.Name;
        var text = cell.Trim();
        switch (definition.Kind)
        {
            case ValueKind.Boolean:
                return text switch { "是" or "有" or "true" or "1" or "Y" or "y" => ["true"], "否" or "无" or "false" or "0" or "N" or "n" => ["false"], _ => null };
            case ValueKind.Money or ValueKind.Number:
                if (attribute == "person.disability_grade")
                {
                    var grade = text.Replace("级", "", StringComparison.Ordinal) switch { "一" or "1" => 1, "二" or "2" => 2, "三" or "3" => 3, "四" or "4" => 4, "无" or "" => 0, _ => -1 };
                    return grade switch { < 0 => null, 0 => [], _ => [grade.ToString(CultureInfo.InvariantCulture)] };
                }

                return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= 0 && number < 100_000_000
                    ? [decimal.Round(number, 2).ToString(CultureInfo.InvariantCulture)]
                    : null;
            case ValueKind.Choice:
                var words = Departments.ChoiceWords.GetValueOrDefault(attribute);
                var codes = new List<string>();
                foreach (var word in Split(text).Where(w => w != "无"))
                {
                    if (words?.TryGetValue(word, out var code) == true || definition.Choices!.Contains(code = word)
                        || definition.ChoiceLabels?.FirstOrDefault(l => l.Value == word).Key is { } labelled && (code = labelled) is not null)
                    {
                        codes.Add(code!);
                    }
                    else
                    {
                        return null;
                    }
                }

                return codes.Distinct().ToList();
            default:
                return null;
        }
    }

    /// <summary>What a cell may say, for the message that refuses it: the choices' words, yes/no, or a number.</summary>
    private static string Allowed(AttributeDefinition fact) => fact.Kind switch
    {
        ValueKind.Choice => string.Join("、", fact.Choices!.Select(c => fact.ChoiceLabels?.GetValueOrDefault(c)
            ?? Departments.ChoiceWords.GetValueOrDefault(fact.Name)?.FirstOrDefault(w => w.Value == c).Key ?? c)) + PolicyText.Get("Import_OrNone"),
        ValueKind.Boolean => PolicyText.Get("Import_YesNo"),
        _ => PolicyText.Get("Import_ANumber"),
    };

    private static Registration Registry(TableRow row, List<string> problems)
    {
        var name = row.Get(Department.NameHeader).Trim();
        var household = row.Get(Department.HouseholdHeader).Trim();
        var region = row.Get(Department.RegionHeader).Trim();
        if (name.Length == 0)
        {
            problems.Add(PolicyText.Get("Import_BadName"));
        }
        else if (TextRules.Check(name, 50, multiline: false, allowMarkup: false) is { } nameRule)
        {
            problems.Add(ValidationMessages.Format(nameRule, Department.NameHeader, 50));
        }

        if (household.Length == 0)
        {
            problems.Add(PolicyText.Get("Import_BadHousehold"));
        }
        else if (TextRules.Check(household, 32, multiline: false, allowMarkup: false) is { } householdRule)
        {
            problems.Add(ValidationMessages.Format(householdRule, Department.HouseholdHeader, 32));
        }

        if (!RegionCode.IsWellFormed(region))
        {
            problems.Add(PolicyText.Get("Import_BadRegion"));
        }

        return new Registration(name, household, region, row.Get(Department.HeadHeader).Trim() is "户主" or "本人");
    }

    internal static string[] Split(string value) =>
        value.Split(['、', ',', '，', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Trim(string value, int max = 40) => value.Length <= max ? value : value[..max] + "…";

    /// <summary>Reads the whole file (refusing more than the limit), recognises Excel or CSV and the CSV's encoding, and returns the rows keyed by header.</summary>
    internal static async Task<(List<TableRow> Rows, string Encoding, string Hash)> ReadTableAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxMegabytes * 1024L * 1024L)
            {
                throw new FileTooLargeException(PolicyText.Get("Import_TooLarge", MaxMegabytes));
            }
        }

        var bytes = buffer.ToArray();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        if (bytes.Length == 0)
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_Empty"));
        }

        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            try
            {
                using var xlsx = new MemoryStream(bytes);
                return (Table(MiniExcel.Query(xlsx, useHeaderRow: true, excelType: ExcelType.XLSX)), "Excel", hash);
            }
            catch (Exception e) when (e is not InputValidationException)
            {
                throw new UnsupportedFileException(PolicyText.Get("Import_NotTable"));
            }
        }

        var (text, encoding) = Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new UnsupportedFileException(PolicyText.Get("Import_NotTable"));
        }

        using var csv = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return (Table(MiniExcel.Query(csv, useHeaderRow: true, excelType: ExcelType.CSV)), encoding, hash);
    }

    /// <summary>UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, GB18030 (a superset of GBK) when they decode cleanly as that; otherwise refused.</summary>
    internal static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            try
            {
                var gb = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return (gb.GetString(bytes), "GB18030");
            }
            catch (DecoderFallbackException)
            {
                throw InputValidationException.For("file", PolicyText.Get("Import_Encoding"));
            }
        }
    }

    private static List<TableRow> Table(IEnumerable<dynamic> query)
    {
        var rows = new List<TableRow>();
        var number = 1;
        foreach (IDictionary<string, object?> record in query)
        {
            number++;
            var cells = record.Where(c => !string.IsNullOrWhiteSpace(c.Key)).ToDictionary(c => c.Key.Trim(), c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new TableRow(number, cells));
        }

        return rows;
    }

    internal sealed record TableRow(int Number, Dictionary<string, string> Cells)
    {
        public string Get(string header) => Cells.TryGetValue(header, out var v) ? v : "";
    }

    private sealed record Registration(string Name, string Household, string Region, bool IsHead);

    private sealed record ParsedRow(int Number, string IdNumber, DateOnly BirthDate, string Index, Dictionary<string, IReadOnlyList<string>> Values, List<string>? Receiving, Registration? Registry);
}
