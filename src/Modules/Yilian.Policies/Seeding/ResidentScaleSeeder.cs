using System.Data.Common;
using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Seeding;

/// <summary>
/// Benchmark data for screening (issue 6): households of one to five people in the district's communities,
/// with incomes, assets, housing, disabilities, special statuses and benefits received in plausible
/// proportions. Written with prepared statements in one transaction (SQLite) — benchmark data, not audited.
/// </summary>
internal sealed class ResidentScaleSeeder(PoliciesDbContext db)
{
    public async Task<int> RunAsync(int households, int seed, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The resident scale seeder writes SQLite only; seed SQLite, or import department files into PostgreSQL.");
        }

        var protector = PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.");
        var random = new Random(seed);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var household = Command(connection, transaction,
            "INSERT INTO pol_households (Id, Number, RegionCode, HeadId, IncomeHundredths, AssetsHundredths, SizeHundredths, HousingAreaHundredths, OwnsVehicle, DangerousHousing, SuddenHardship, ChangeSeq, ChangedAt) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,0,0)", 11);
        await using var resident = Command(connection, transaction,
            "INSERT INTO pol_residents (Id, HouseholdId, RegionCode, Name, IdNumber, IdNumberIndex, BirthDate, IsHead, DisabilityGrade, DisabilityTypes, SpecialStatuses, Employment, Schooling, SevereIllness, LongTermCareNeed, HasSupporter, Receiving) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14,@p15,@p16)", 17);
        var today = new DateOnly(2026, 11, 22);
        var written = 0;
        var sequence = 0;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 0; h < households; h++)
        {
            var householdId = Guid.NewGuid();
            var region = $"320571{random.Next(1, 21):000}{random.Next(1, 11):000}";
            var size = random.Next(100) switch { < 25 => 1, < 55 => 2, < 80 => 3, < 93 => 4, _ => 5 };
            var poorness = random.NextDouble();
            var income = poorness < 0.04 ? random.Next(0, 115_000) : poorness < 0.09 ? random.Next(115_000, 172_500) : random.Next(172_500, 1_500_000);
            var members = new Guid[size];
            var receivesAllowance = poorness < 0.04 && random.Next(10) < 7;
            for (var m = 0; m < size; m++)
            {
                members[m] = Guid.NewGuid();
                var age = m == 0 ? random.Next(22, 95) : random.Next(0, 90);
                var birth = today.AddDays(-(age * 365 + random.Next(365)));
                string id;
                do
                {
                    // Sequence numbers run out on a popular birthday: the next day then (the ID number must be unique).
                    id = $"320571{birth:yyyyMMdd}{++sequence % 1000:000}";
                    id = string.Concat(id.AsSpan(0, 17), ChineseIdNumber.ComputeCheckCharacter(id.AsSpan(0, 17)).ToString());
                    birth = taken.Contains(id) ? birth.AddDays(1) : birth;
                }
                while (!taken.Add(id));
                var statuses = 0;
                if (poorness < 0.04)
                {
                    statuses |= 1 << 1; // dibao
                }
                else if (poorness < 0.09 && random.Next(2) == 0)
                {
                    statuses |= 1 << 2; // dibao_edge
                }

                statuses |= random.Next(1000) switch { < 2 => 1 << 0, < 22 => 1 << 5, < 23 => 1 << 6, < 24 => 1 << 3, < 25 => 1 << 4, _ => 0 };
                var disabled = random.Next(100) < 6;
                Set(resident, Text(members[m]), Text(householdId), region, "居民" + sequence.ToString(CultureInfo.InvariantCulture), protector.Protect(id), protector.BlindIndex(id),
                    birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m == 0 ? 1 : 0,
                    disabled ? random.Next(1, 5) : DBNull.Value, disabled ? 1 << random.Next(7) : 0, statuses,
                    age < 16 ? 1 << 3 : age >= 60 ? 1 << 2 : 1 << random.Next(0, 5), 1 << (age < 6 ? 1 : age < 12 ? 2 : age < 15 ? 3 : age < 18 ? random.Next(4, 6) : age < 22 ? random.Next(5, 7) : 0),
                    random.Next(100) < 3 ? 1 : 0, random.Next(100) < (age >= 80 ? 15 : 2) ? 1 : 0, random.Next(100) < 90 ? 1 : 0,
                    receivesAllowance ? "minimum-living-allowance,medical-assistance" : age >= 80 && random.Next(10) < 8 ? "senior-allowance-80" : "");
                await resident.ExecuteNonQueryAsync(ct);
                written++;
            }

            Set(household, Text(householdId), "B" + h.ToString("0000000", CultureInfo.InvariantCulture), region, Text(members[0]), (long)income,
                (long)random.Next(0, 8_000_000), size * 100L, (long)random.Next(800, 6000), random.Next(100) < 30 ? 1 : 0, random.Next(1000) < 5 ? 1 : 0, random.Next(1000) < 8 ? 1 : 0);
            await household.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
        }

        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
