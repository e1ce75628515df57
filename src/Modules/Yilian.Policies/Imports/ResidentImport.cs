using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
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
    private const int ChunkRows = 4000;

    public async Task<ImportResult> ImportAsync(
        string? departmentCode, string? fileName, Stream? content, DateOnly? asOf, CancellationToken ct)
    {
        await catalog.CurrentAsync(ct); // the dictionary in force (another instance may have published it)
        var facts = catalog.Facts;
        var department = Known(facts, departmentCode);
        if (content is null || string.IsNullOrWhiteSpace(fileName))
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_Empty"));
        }

        department = department with { Columns = [.. department.Columns, .. Departments.DeclaredColumns(department, facts)] };
        await using var file = await ImportFile.OpenAsync(content, MaxMegabytes * 1024L * 1024L, ct);
        using var rows = file.Rows().GetEnumerator();
        if (!rows.MoveNext())
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_NoRows"));
        }

        var headers = rows.Current.Cells.Keys.ToList();
        var mapping = facts.Mappings.GetValueOrDefault(department.Code);
        var translate = (TableRow row) => row;
        List<string> ignored;
        if (mapping is { Columns.Count: > 0 })
        {
            (department, translate, ignored) = ImportMappings.Prepare(department, mapping, headers);
        }
        else
        {
            ignored = [.. headers.Where(h => department.Columns.All(c => c.Header != h) && h != Department.ReceivingHeader)];
        }

        var first = translate(rows.Current);
        var missing = department.Columns.Where(c => c.Required && !first.Cells.ContainsKey(c.Header)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw InputValidationException.For("file", PolicyText.Get("Import_MissingColumns", string.Join("、", missing)));
        }

        var run = new Run(department, mapping?.HouseholdKeyed == true, facts, ChinaTime.Today(clock));
        var batch = new ImportBatch
        {
            Id = Guid.NewGuid(), Department = department.Code, FileName = Trim(Path.GetFileName(fileName), 200), Encoding = file.Encoding,
                AsOf = asOf ?? run.Today,
            ChangeSeq = (await db.Households.MaxAsync(h => (long?)h.ChangeSeq, ct) ?? 0) + 1, ImportedBy = user.UserName ?? "system",
                ImportedAt = clock.GetUtcNow(), FileHash = file.Hash,
        };

        // One pass, a chunk at a time: each chunk is checked and — while the file has shown no problem — written in the
        // transaction, then let go, so memory stays flat whatever the file's size. A problem anywhere stops the writing,
        // the rest is still checked so every problem is named, and the transaction is rolled back: all rows or none.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true)
        {
            // A first load reads back what it wrote all over the residents' and facts' indexes: give this connection a
            // page cache the size of a district's indexes (256 MB, released when the connection closes) instead of 2 MB.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }

        foreach (var chunk in Chunks(first, rows, translate))
        {
            batch.Rows += chunk.Count;
            var (parsed, residents) = await ParseAsync(run, chunk, ct);
            if (run.ProblemCount == 0)
            {
                var touched = new HashSet<Guid>();
                if (department.IsRegistry)
                {
                    await RegisterAsync(run, parsed, residents, batch, touched, ct);
                }
                else
                {
                    await AddFactsAsync(run, parsed, residents, batch, touched, ct);
                }

                await db.SaveChangesAsync(ct);
                await MarkChangedAsync(touched, batch, ct);
                run.Touched.UnionWith(touched);
            }

            db.ChangeTracker.Clear();
        }

        if (run.ProblemCount > 0)
        {
            var listed = run.Problems.ToList();
            listed.Add(run.ProblemCount > ListedProblems
                ? PolicyText.Get("Import_TooManyErrors", run.ProblemCount - ListedProblems)
                : PolicyText.Get("Import_Nothing"));
            throw new InputValidationException(new Dictionary<string, string[]> { ["file"] = [.. listed] });
        }

        if (department.IsRegistry)
        {
            await HeadsWhereNoneNamedAsync(run, ct);
        }

        batch.HouseholdsChanged = run.Touched.Count;
        db.Imports.Add(batch);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(
            batch.Id, department.Name, batch.FileName, batch.Encoding, batch.Rows, batch.ResidentsCreated, batch.HouseholdsChanged,
                batch.Conflicts, batch.AsOf, ignored);
    }

    private static IEnumerable<List<TableRow>> Chunks(TableRow first, IEnumerator<TableRow> rest, Func<TableRow, TableRow> translate)
    {
        var chunk = new List<TableRow>(ChunkRows) { first };
        while (rest.MoveNext())
        {
            if (chunk.Count == ChunkRows)
            {
                yield return chunk;
                chunk = new List<TableRow>(ChunkRows);
            }

            chunk.Add(translate(rest.Current));
        }

        yield return chunk;
    }

    /// <summary>
    /// Checks a chunk's rows — ID number and check character, duplicates across the whole file, values, people not yet
    /// registered — recording each problem by row; returns the good rows and the residents they name who are already registered.
    /// </summary>
    private async Task<(List<ParsedRow> Parsed, Dictionary<string, Resident> Residents)> ParseAsync(
        Run run, List<TableRow> rows, CancellationToken ct)
    {
        var (department, facts) = (run.Department, run.Facts);
        var protector = PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.");
        var heads = run.HouseholdKeyed ? await HeadsAsync(rows, ct) : [];
        var parsed = new List<ParsedRow>(rows.Count);
        foreach (var row in rows)
        {
            var rowProblems = new List<string>();
            var id = run.HouseholdKeyed
                ? ChineseIdNumber.Parse(heads.GetValueOrDefault(row.Get(Department.HouseholdHeader).Trim())?.IdNumber, run.Today)
                : ChineseIdNumber.Parse(row.Get(Department.IdHeader), run.Today);
            if (run.HouseholdKeyed && !heads.ContainsKey(row.Get(Department.HouseholdHeader).Trim()))
            {
                rowProblems.Add(PolicyText.Get("Import_UnknownHousehold", Trim(row.Get(Department.HouseholdHeader))));
            }
            else if (!id.IsValid)
            {
                rowProblems.Add(ValidationMessages.Format("IdNumber_" + id.Error, Department.IdHeader));
            }
            else if (!run.Seen.TryAdd(Key(id.Value!), row.Number))
            {
                rowProblems.Add(PolicyText.Get("Import_Duplicate", run.Seen[Key(id.Value!)]));
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
            run.Report(rowProblems.Select(p => PolicyText.Get("Import_Row", row.Number, p)));
            if (rowProblems.Count == 0)
            {
                parsed.Add(new ParsedRow(
                    row.Number, id.Value!, id.BirthDate!.Value, protector.BlindIndex(id.Value!), values, receiving, registry));
                // (A household-keyed row speaks for the household through its head; only household facts are mapped.)
            }
        }

        // Everyone a non-registry department names must be registered already.
        var indexes = parsed.Select(p => p.Index).ToList();
        // The registry changes residents through the change tracker; a fact file's changes to them are written in bulk.
        var residents = await (department.IsRegistry ? db.Residents : db.Residents.AsNoTracking())
            .Where(r => indexes.Contains(r.IdNumberIndex))
            .ToDictionaryAsync(r => r.IdNumberIndex, StringComparer.Ordinal, ct);
        if (!department.IsRegistry)
        {
            run.Report(parsed.Where(p => !residents.ContainsKey(p.Index))
                .Select(p => PolicyText.Get("Import_Row", p.Number, PolicyText.Get("Import_UnknownPerson"))));
        }

        return (parsed, residents);
    }

    /// <summary>
    /// An ID number as a number for the duplicate check (its first 17 digits; the 18th is their checksum), to keep a
    /// district's worth in little memory.
    /// </summary>
    private static long Key(string idNumber) => long.Parse(idNumber.AsSpan(0, 17), CultureInfo.InvariantCulture);

    /// <summary>The households a chunk touched get the import's change sequence, in one statement (incremental screening reads it).
    /// </summary>
    private async Task MarkChangedAsync(HashSet<Guid> touched, ImportBatch batch, CancellationToken ct)
    {
        var ids = touched.ToList();
        await db.Households.Where(h => ids.Contains(h.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ChangeSeq, batch.ChangeSeq).SetProperty(h => h.ChangedAt, batch.ImportedAt), ct);
    }

    private async Task RegisterAsync(
        Run run, List<ParsedRow> rows, Dictionary<string, Resident> residents, ImportBatch batch, HashSet<Guid> touched,
        CancellationToken ct)
    {
        var numbers = rows.Select(r => r.Registry!.Household).Distinct().ToList();
        var households = await db.Households.Where(h => numbers.Contains(h.Number))
            .ToDictionaryAsync(h => h.Number, StringComparer.Ordinal, ct);
        var (newHouseholds, newResidents) = (new List<Household>(), new List<Resident>());
        foreach (var row in rows)
        {
            var registry = row.Registry!;
            if (!households.TryGetValue(registry.Household, out var household))
            {
                household = households[registry.Household] = new Household
                {
                    Id = Guid.CreateVersion7(), Number = registry.Household, RegionCode = registry.Region,
                };
                newHouseholds.Add(household);
            }

            household.RegionCode = registry.Region;
            if (!residents.TryGetValue(row.Index, out var resident))
            {
                resident = residents[row.Index] = new Resident
                {
                    Id = Guid.CreateVersion7(), IdNumber = row.IdNumber, IdNumberIndex = row.Index, BirthDate = row.BirthDate,
                        IdSequence = Sequence(row.IdNumber),
                };
                newResidents.Add(resident);
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

            run.FirstListed.TryAdd(household.Id, resident.Id);
            touched.Add(household.Id);
        }

        // New rows are written in bulk; changes to rows already there go through the change tracker. New keys are
        // time-ordered (version 7), so a household's residents and facts sit together in every index keyed by them and a
        // chunk reads and writes a few neighbouring pages rather than pages all over a district-sized index (decision 025).
        await BulkWriter.InsertAsync(db, newHouseholds, ct);
        await BulkWriter.InsertAsync(db, newResidents, ct);
    }

    /// <summary>A household without a head named in the file (or before) takes its first listed member.</summary>
    private async Task HeadsWhereNoneNamedAsync(Run run, CancellationToken ct)
    {
        var headless = await db.Households.AsNoTracking().Where(h => h.HeadId == null).Select(h => h.Id).ToListAsync(ct);
        foreach (var chunk in headless.Where(run.FirstListed.ContainsKey).Chunk(ChunkRows))
        {
            var heads = chunk.Select(h => run.FirstListed[h]).ToList();
            foreach (var household in await db.Households.Where(h => chunk.Contains(h.Id)).ToListAsync(ct))
            {
                household.HeadId = run.FirstListed[household.Id];
            }

            await db.Residents.Where(r => heads.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsHead, true), ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// For a file keyed by household: each listed 户号's head of household (their ID number, to reach the household's facts).
    /// </summary>
    private async Task<Dictionary<string, Resident>> HeadsAsync(List<TableRow> rows, CancellationToken ct)
    {
        var numbers = rows.Select(r => r.Get(Department.HouseholdHeader).Trim()).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => numbers.Contains(h.Number) && h.HeadId != null)
            .Select(h => new { h.Number, h.HeadId }).ToListAsync(ct);
        var ids = households.Select(h => h.HeadId!.Value).ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return households.ToDictionary(h => h.Number, h => residents[h.HeadId!.Value], StringComparer.Ordinal);
    }

    /// <summary>The department a code names, or the refusal listing every code there is (built in and declared).</summary>
    internal static Department Known(FactCatalog facts, string? code) => facts.Department(code) ?? throw InputValidationException.For(
        "department", string.IsNullOrWhiteSpace(code)
            ? PolicyText.Get("Import_Department")
            : PolicyText.Get("Import_UnknownDepartment", Trim(code),
                string.Join("、", facts.Departments.Select(d => $"{d.Code}（{d.Name}）"))));

    /// <summary>The ID number's order code (digits 15–17), whose parity is the holder's sex.</summary>
    internal static int Sequence(string idNumber) => int.Parse(idNumber.AsSpan(14, 3), CultureInfo.InvariantCulture);

    private async Task AddFactsAsync(
        Run run, List<ParsedRow> rows, Dictionary<string, Resident> residents, ImportBatch batch, HashSet<Guid> touched,
        CancellationToken ct)
    {
        var department = run.Department;
        var householdIds = rows.Select(r => residents[r.Index].HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        // Only the facts this file reports are read back (every department's reports of them, to resolve disagreements).
        var attributes = rows.SelectMany(r => r.Values.Keys).Append("person.receiving").Distinct().ToList();
        var facts = await db.Facts.Where(f => householdIds.Contains(f.HouseholdId) && attributes.Contains(f.Attribute)).ToListAsync(ct);
        var declared = await db.FactValues.Where(v => householdIds.Contains(v.HouseholdId) && attributes.Contains(v.Fact))
            .ToDictionaryAsync(v => (v.SubjectId, v.Fact), ct);
        var (newFacts, newValues) = (new List<ResidentFact>(), new List<FactValue>());
        var (changedResidents, changedHouseholds) = (new Dictionary<Guid, Resident>(), new Dictionary<Guid, Household>());
        var residentColumns = new HashSet<string>(StringComparer.Ordinal);
        var householdColumns = new HashSet<string>(StringComparer.Ordinal);
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
                    fact = new ResidentFact { Id = Guid.CreateVersion7(), SubjectId = subject, HouseholdId = resident.HouseholdId, RegionCode = resident.RegionCode, Attribute = attribute, Department = department.Code };
                    newFacts.Add(fact);
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

                if (run.Facts.Find(attribute) is { Declared: true } definition)
                {
                    if (!declared.TryGetValue((subject, attribute), out var stored))
                    {
                        stored = declared[(subject, attribute)] = new FactValue
                        {
                            SubjectId = subject, Fact = attribute, HouseholdId = resident.HouseholdId, RegionCode = resident.RegionCode,
                        };
                        newValues.Add(stored);
                    }

                    stored.Value = FactFrames.ToValue(definition, new Dictionary<string, Fact> { [attribute] = new(resolved.Value, "",
                        batch.AsOf) }, batch.AsOf);
                    stored.AsOf = batch.AsOf;
                }
                else
                {
                    Apply(attribute, resolved.Value, resident, households[resident.HouseholdId]);
                    if (ScreeningColumns.TryGetValue(attribute, out var column) && household)
                    {
                        changedHouseholds[resident.HouseholdId] = households[resident.HouseholdId];
                        householdColumns.Add(column);
                    }
                    else if (column is not null)
                    {
                        changedResidents[resident.Id] = resident;
                        residentColumns.Add(column);
                    }
                }
                touched.Add(resident.HouseholdId);
            }
        }

        await BulkWriter.InsertAsync(db, newFacts, ct);
        await BulkWriter.InsertAsync(db, newValues, ct);
        await BulkWriter.UpdateAsync(db, changedResidents.Values, residentColumns, ct);
        await BulkWriter.UpdateAsync(db, changedHouseholds.Values, householdColumns, ct);
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

    /// <summary>The column screening reads for each built-in fact, on the household or on the resident.</summary>
    private static readonly Dictionary<string, string> ScreeningColumns = new(StringComparer.Ordinal)
    {
        ["household.per_capita_income"] = nameof(Household.IncomeHundredths),
        ["household.per_capita_assets"] = nameof(Household.AssetsHundredths),
        ["household.size"] = nameof(Household.SizeHundredths),
        ["household.housing_area_per_capita"] = nameof(Household.HousingAreaHundredths),
        ["household.owns_vehicle"] = nameof(Household.OwnsVehicle),
        ["household.dangerous_housing"] = nameof(Household.DangerousHousing),
        ["household.sudden_hardship"] = nameof(Household.SuddenHardship),
        ["person.disability_grade"] = nameof(Resident.DisabilityGrade),
        ["person.disability_type"] = nameof(Resident.DisabilityTypes),
        ["person.special_status"] = nameof(Resident.SpecialStatuses),
        ["person.employment"] = nameof(Resident.Employment),
        ["person.schooling"] = nameof(Resident.Schooling),
        ["person.severe_illness"] = nameof(Resident.SevereIllness),
        ["person.long_term_care_need"] = nameof(Resident.LongTermCareNeed),
        ["person.has_supporter"] = nameof(Resident.HasSupporter),
        ["person.receiving"] = nameof(Resident.Receiving),
    };

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
    internal static string Allowed(AttributeDefinition fact) => fact.Kind switch
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

    internal sealed record TableRow(int Number, Dictionary<string, string> Cells)
    {
        public string Get(string header) => Cells.TryGetValue(header, out var v) ? v : "";
    }

    /// <summary>What one import carries from chunk to chunk: the problems so far, the ID numbers seen, the households touched.</summary>
    private sealed class Run(Department department, bool householdKeyed, FactCatalog facts, DateOnly today)
    {
        public Department Department { get; } = department;

        public bool HouseholdKeyed { get; } = householdKeyed;

        public FactCatalog Facts { get; } = facts;

        public DateOnly Today { get; } = today;

        /// <summary>The first problems, to list; <see cref="ProblemCount"/> counts them all.</summary>
        public List<string> Problems { get; } = [];

        public int ProblemCount { get; private set; }

        /// <summary>Each ID number's first row (as its first 17 digits).</summary>
        public Dictionary<long, int> Seen { get; } = [];

        public HashSet<Guid> Touched { get; } = [];

        /// <summary>Each registered household's first listed member, who heads it when no row names a head.</summary>
        public Dictionary<Guid, Guid> FirstListed { get; } = [];

        public void Report(IEnumerable<string> problems)
        {
            foreach (var problem in problems)
            {
                if (++ProblemCount <= ListedProblems)
                {
                    Problems.Add(problem);
                }
            }
        }
    }

    private sealed record Registration(string Name, string Household, string Region, bool IsHead);

    private sealed record ParsedRow(int Number, string IdNumber, DateOnly BirthDate, string Index, Dictionary<string, IReadOnlyList<string>> Values, List<string>? Receiving, Registration? Registry);
}
