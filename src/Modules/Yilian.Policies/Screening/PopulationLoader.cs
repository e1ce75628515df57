using System.Data.Common;

using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Rules;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Screening;

/// <summary>
/// Reads households and residents into columns: all of them, or only households changed after an import
/// sequence number. Screening reads every row of two narrow tables, so this uses plain data readers on
/// their own connections — households and two halves of the residents at once — rather than tracked
/// entities. It reads across every region and is therefore system work only.
/// </summary>
internal static class PopulationLoader
{
    private const string HouseholdColumns = "\"Id\", \"RegionCode\", \"IncomeHundredths\", \"AssetsHundredths\", \"SizeHundredths\", \"HousingAreaHundredths\", \"OwnsVehicle\", \"DangerousHousing\", \"SuddenHardship\"";
    private const string ResidentColumns = "r.\"Id\", r.\"HouseholdId\", r.\"IsHead\", r.\"BirthDate\", r.\"DisabilityGrade\", r.\"DisabilityTypes\", r.\"SpecialStatuses\", r.\"Employment\", r.\"Schooling\", r.\"SevereIllness\", r.\"LongTermCareNeed\", r.\"HasSupporter\", r.\"Receiving\", r.\"IdSequence\"";

    /// <param name="facts">The dictionary in force: the declared facts departments report are read from <c>pol_fact_values</c>.</param>
    /// <param name="on">The screening date: a declared fact's value older than its validity is left unknown.</param>
    /// <param name="snapshots">
    /// Where a full load keeps its snapshot (<see cref="PopulationSnapshot"/>); null to always read the database.
    /// </param>
    public static async Task<Population> LoadAsync(PoliciesDbContext db, long? changedAfter, CancellationToken ct,
        FactCatalog? facts = null, DateOnly? on = null, string? snapshots = null, int dictionaryVersion = 0)
    {
        if (!SystemScope.IsActive)
        {
            throw new InvalidOperationException("Loading the whole population is system work (screening runs, benchmarks); enter SystemScope.");
        }

        facts ??= FactCatalog.BuiltIn;
        if (snapshots is null)
        {
            return await ReadAsync(db, changedAfter, facts, on, ct);
        }

        // One load at a time per process: a full run waiting behind an import's incremental run then finds the snapshot that run kept.
        await Gate.WaitAsync(ct);
        try
        {
            // The key is taken before reading: data that changes during the read moves the key, so its snapshot is never reused.
            var key = await PopulationSnapshot.KeyAsync(db, facts, dictionaryVersion, on, ct);
            var path = PopulationSnapshot.PathFor(snapshots, key);
            if (changedAfter is null)
            {
                if (PopulationSnapshot.TryRead(path, facts) is { } kept)
                {
                    return kept;
                }

                var population = await ReadAsync(db, null, facts, on, ct);
                Keep(path, population, facts);
                return population;
            }

            var changed = await ReadAsync(db, changedAfter, facts, on, ct);
            if (!File.Exists(path) && PopulationSnapshot.Before(snapshots, key) is { } before
                && PopulationSnapshot.TryRead(before.Path, facts) is { } old)
            {
                // Kept current by the incremental runs that follow imports: the households changed since the snapshot replace theirs.
                var since = before.Key.Seq == changedAfter ? changed : await ReadAsync(db, before.Key.Seq, facts, on, ct);
                var merged = Population.Merge(old, since);
                if (merged.Count == key.Residents)
                {
                    Keep(path, merged, facts);
                }
            }

            return changed;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static void Keep(string path, Population population, FactCatalog facts)
    {
        try
        {
            PopulationSnapshot.Write(path, population, AttributeCatalog.All.Values.Where(a => a.Kind != ValueKind.Age).Select(a => a.Name)
                .Concat(facts.Reported.Select(f => f.Name)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No snapshot this time (a full disk, a read-only directory): screening still has its population.
        }
    }

    private static async Task<Population> ReadAsync(
        PoliciesDbContext db, long? changedAfter, FactCatalog facts, DateOnly? on, CancellationToken ct)
    {

        var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection()) ?? throw new InvalidOperationException("No provider factory.");
        var connectionString = db.Database.GetConnectionString();
        var householdWhere = changedAfter is null ? "" : $" WHERE \"ChangeSeq\" > {changedAfter.Value}";
        var residentWhere = changedAfter is null ? "" : $" WHERE r.\"HouseholdId\" IN (SELECT \"Id\" FROM pol_households WHERE \"ChangeSeq\" > {changedAfter.Value})";

        // SQLite: two halves of the residents (by the household id's first hex digit, along the covering
        // screening index), read at the same time as the households.
        var residentQueries = new List<string>();
        if (db.Database.IsSqlite() && changedAfter is null)
        {
            residentQueries.Add($"SELECT {ResidentColumns} FROM pol_residents r WHERE r.\"HouseholdId\" < '8'");
            residentQueries.Add($"SELECT {ResidentColumns} FROM pol_residents r WHERE r.\"HouseholdId\" >= '8'");
        }
        else
        {
            residentQueries.Add($"SELECT {ResidentColumns} FROM pol_residents r{residentWhere}");
        }

        var householdsTask = Task.Run(() => ReadHouseholdsAsync($"SELECT {HouseholdColumns} FROM pol_households{householdWhere}"), ct);
        var residentTasks = residentQueries.Select(q => Task.Run(() => ReadResidentsAsync(q), ct)).ToList();
        var households = await householdsTask;
        var parts = await Task.WhenAll(residentTasks);
        var population = Build(households, parts);
        var declared = facts.Reported.ToList();
        if (declared.Count > 0)
        {
            var valueWhere = changedAfter is null ? ""
                : $" WHERE \"HouseholdId\" IN (SELECT \"Id\" FROM pol_households WHERE \"ChangeSeq\" > {changedAfter.Value})";
            await ReadDeclaredAsync(population, declared,
                $"SELECT \"SubjectId\", \"Fact\", \"Value\", \"AsOf\" FROM pol_fact_values{valueWhere}");
        }

        return population;

        async Task ReadDeclaredAsync(Population population, List<AttributeDefinition> declared, string sql)
        {
            foreach (var fact in declared)
            {
                population.Declare(fact);
            }

            var byName = declared.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var residents = new Dictionary<Guid, int>(population.Count);
            for (var i = 0; i < population.Count; i++)
            {
                residents[population.ResidentIds[i]] = i;
            }

            var householdRows = new Dictionary<Guid, int>(population.HouseholdCount);
            for (var h = 0; h < population.HouseholdCount; h++)
            {
                householdRows[population.HouseholdIds[h]] = h;
            }

            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var textDates = reader.GetFieldType(3) == typeof(string);
            while (await reader.ReadAsync(ct))
            {
                if (!byName.TryGetValue(reader.GetString(1), out var fact)
                    || !(fact.IsHousehold ? householdRows : residents).TryGetValue(reader.GetGuid(0), out var row))
                {
                    continue;
                }

                var asOf = textDates ? DayNumber(reader.GetString(3)) : reader.GetFieldValue<DateOnly>(3).DayNumber;
                if (fact.ValidDays is { } days && on is { } day && asOf + days < day.DayNumber)
                {
                    continue; // too old to rely on: unknown
                }

                Store(population.Find(fact.Name)!, row, reader.GetInt64(2));
            }
        }

        async Task<DbConnection> OpenAsync()
        {
            var connection = factory.CreateConnection()!;
            connection.ConnectionString = connectionString;
            await connection.OpenAsync(ct);
            return connection;
        }

        async Task<List<HouseholdRow>> ReadHouseholdsAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<HouseholdRow>();
            var regions = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                var code = reader.GetString(1);
                rows.Add(new HouseholdRow(
                    reader.GetGuid(0), regions.TryGetValue(code, out var shared) ? shared : regions[code] = code,
                    Number(reader, 2), Number(reader, 3), Number(reader, 4), Number(reader, 5), Flag(reader, 6), Flag(reader, 7), Flag(reader, 8)));
            }

            return rows;
        }

        async Task<List<ResidentRow>> ReadResidentsAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<ResidentRow>();
            var textDates = reader.GetFieldType(3) == typeof(string); // SQLite keeps dates as yyyy-MM-dd text
            while (await reader.ReadAsync(ct))
            {
                var receiving = reader.GetString(12);
                rows.Add(new ResidentRow(
                    reader.GetGuid(0), reader.GetGuid(1), reader.GetBoolean(2), textDates ? DayNumber(reader.GetString(3)) : reader.GetFieldValue<DateOnly>(3).DayNumber,
                    reader.IsDBNull(4) ? Population.None : reader.GetInt32(4) * 100L, reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8),
                    Flag(reader, 9), Flag(reader, 10), Flag(reader, 11), receiving.Length == 0 ? null : receiving,
                    reader.IsDBNull(13) ? Population.Unknown : reader.GetInt32(13) * 100L));
            }

            return rows;
        }
    }

    /// <summary>One resident and their household as a population of one (the explanation of a single case uses the same mapping as screening).</summary>
    internal static Population Of(Domain.Resident resident, Domain.Household household) => Build(
        [new HouseholdRow(household.Id, household.RegionCode, household.IncomeHundredths ?? Population.Unknown, household.AssetsHundredths ?? Population.Unknown,
            household.SizeHundredths ?? Population.Unknown, household.HousingAreaHundredths ?? Population.Unknown,
            Flag(household.OwnsVehicle), Flag(household.DangerousHousing), Flag(household.SuddenHardship))],
        [[new ResidentRow(resident.Id, resident.HouseholdId, resident.IsHead, resident.BirthDate.DayNumber,
            resident.DisabilityGrade is { } g ? g * 100L : Population.None, resident.DisabilityTypes, resident.SpecialStatuses, resident.Employment, resident.Schooling,
            Flag(resident.SevereIllness), Flag(resident.LongTermCareNeed), Flag(resident.HasSupporter),
                resident.Receiving.Length == 0 ? null : resident.Receiving,
            resident.IdSequence is { } sequence ? sequence * 100L : Population.Unknown)]]);

    private static Population Build(List<HouseholdRow> households, IReadOnlyList<List<ResidentRow>> parts)
    {
        var population = new Population(parts.Sum(p => p.Count), households.Count);
        var index = new Dictionary<Guid, int>(households.Count);
        var region = population.Region("household.registration_region").Data;
        var income = population.Number("household.per_capita_income").Data;
        var assets = population.Number("household.per_capita_assets").Data;
        var size = population.Number("household.size").Data;
        var housing = population.Number("household.housing_area_per_capita").Data;
        var vehicle = population.Boolean("household.owns_vehicle").Data;
        var dangerous = population.Boolean("household.dangerous_housing").Data;
        var sudden = population.Boolean("household.sudden_hardship").Data;
        for (var h = 0; h < households.Count; h++)
        {
            var x = households[h];
            index[x.Id] = h;
            population.HouseholdIds[h] = x.Id;
            region[h] = x.Region;
            income[h] = x.Income;
            assets[h] = x.Assets;
            size[h] = x.Size;
            housing[h] = x.Housing;
            vehicle[h] = x.Vehicle;
            dangerous[h] = x.Dangerous;
            sudden[h] = x.Sudden;
        }

        var birth = population.Date("person.birth_date").Data;
        var grade = population.Number("person.disability_grade").Data;
        var types = population.Choice("person.disability_type").Data;
        var statuses = population.Choice("person.special_status").Data;
        var employment = population.Choice("person.employment").Data;
        var schooling = population.Choice("person.schooling").Data;
        var illness = population.Boolean("person.severe_illness").Data;
        var care = population.Boolean("person.long_term_care_need").Data;
        var supporter = population.Boolean("person.has_supporter").Data;
        var sequence = population.Number("person.id_sequence").Data;
        var i = 0;
        foreach (var part in parts)
        {
            foreach (var r in part)
            {
                population.ResidentIds[i] = r.Id;
                population.Household[i] = index[r.HouseholdId];
                population.IsHead[i] = r.IsHead;
                population.Receiving[i] = r.Receiving;
                birth[i] = r.Birth;
                grade[i] = r.Grade;
                types[i] = r.Types;
                statuses[i] = r.Statuses;
                employment[i] = r.Employment;
                schooling[i] = r.Schooling;
                illness[i] = r.Illness;
                care[i] = r.Care;
                supporter[i] = r.Supporter;
                sequence[i] = r.Sequence;
                i++;
            }
        }

        return population;
    }

    /// <summary>yyyy-MM-dd without the general parser (a million and more per run).</summary>
    private static int DayNumber(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
            ? new DateOnly(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2)).DayNumber
            : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture).DayNumber;

    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    private static long Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? Population.Unknown : reader.GetInt64(ordinal);

    private static sbyte Flag(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? (sbyte)-1 : Flag(reader.GetBoolean(ordinal));

    private static sbyte Flag(bool? value) => value switch { null => -1, true => 1, false => 0 };

    private readonly record struct HouseholdRow(Guid Id, string Region, long Income, long Assets, long Size, long Housing, sbyte Vehicle, sbyte Dangerous, sbyte Sudden);

    private readonly record struct ResidentRow(Guid Id, Guid HouseholdId, bool IsHead, int Birth, long Grade, int Types, int Statuses, int Employment, int Schooling,
        sbyte Illness, sbyte Care, sbyte Supporter, string? Receiving, long Sequence);

    /// <summary>Writes a stored declared value (hundredths, 1/0 or a choice mask) into its column.</summary>
    internal static void Store(Population.Column column, int row, long value)
    {
        switch (column)
        {
            case Population.NumberColumn number: number.Data[row] = value; break;
            case Population.BooleanColumn flag: flag.Data[row] = (sbyte)(value == 1 ? 1 : 0); break;
            case Population.ChoiceColumn choice: choice.Data[row] = (int)value; break;
        }
    }
}
