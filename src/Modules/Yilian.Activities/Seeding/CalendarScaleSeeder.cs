using System.Data.Common;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Activities.Seeding;

/// <summary>
/// Scale data for the calendar benchmark: venues across the district's communities and a year of
/// non-overlapping bookings in them (one per venue per chosen day). Bookings go in with multi-row
/// INSERTs — generated test data, not user writes, so they bypass the audit trail on purpose.
/// </summary>
public sealed class CalendarScaleSeeder
{
    private readonly ActivitiesDbContext _db;

    internal CalendarScaleSeeder(ActivitiesDbContext db) => _db = db;

    public static readonly DateOnly FirstDay = new(2027, 1, 4);

    /// <returns>The number of bookings written (0 when the venues were already there).</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> communities, int venueCount, int bookingCount, int seed, CancellationToken ct)
    {
        if (await _db.Venues.CountAsync(ct) >= venueCount)
        {
            return 0;
        }

        var random = new Random(seed);
        var everyday = new WeeklyHours { Days = [.. Enumerable.Range(0, 7).Select(_ => (DayHours?)new DayHours(new(7, 0), new(22, 0)))] };
        var venues = Enumerable.Range(0, venueCount).Select(i => new Venue
        {
            Id = FakeChinese.Id(random), Name = $"活动室 {i + 1:0000}", OwnerKind = VenueOwnerKind.Community, RegionCode = communities[i % communities.Count],
            Capacity = 20 + random.Next(0, 8) * 10, BufferMinutes = random.Next(0, 3) * 15, MaxMinutes = 600, OpeningHours = everyday.ToJson(), FollowsWorkCalendar = false,
        }).ToList();
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        _db.Venues.AddRange(venues);
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();

        var perVenue = (int)Math.Ceiling(bookingCount / (double)venueCount);
        var sqlite = _db.Database.IsSqlite();
        var connection = _db.Database.GetDbConnection();
        await _db.Database.OpenConnectionAsync(ct);
        var written = 0;
        var rows = new List<(Guid Activity, Guid Occurrence, Venue Venue, string Region, DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var venue in venues)
        {
            // perVenue distinct days out of the year, one booking each: never an overlap, buffer included.
            var days = Enumerable.Range(0, 365).OrderBy(_ => random.Next()).Take(Math.Min(perVenue, 365));
            foreach (var d in days)
            {
                if (written + rows.Count >= bookingCount)
                {
                    break;
                }

                var start = new DateTimeOffset(FirstDay.AddDays(d).ToDateTime(new TimeOnly(8 + random.Next(0, 10), random.Next(0, 4) * 15)), TimeSpan.FromHours(8)).ToUniversalTime();
                rows.Add((FakeChinese.Id(random), FakeChinese.Id(random), venue, venue.RegionCode, start, start.AddMinutes(60 + (random.Next(0, 5) * 30))));
                if (rows.Count == 400)
                {
                    written += await FlushAsync(connection, sqlite, rows, ct);
                }
            }
        }

        written += await FlushAsync(connection, sqlite, rows, ct);
        await _db.Database.CloseConnectionAsync();

        // Fresh statistics, as autovacuum would gather them later: the planner must know the tables are large.
        // On PostgreSQL VACUUM also sets the visibility map, so the covering time index answers without the heap.
        await _db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE act_occurrences" : "VACUUM (ANALYZE) act_occurrences", ct);
        await _db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE act_activities" : "VACUUM (ANALYZE) act_activities", ct);
        return written;
    }

    private static async Task<int> FlushAsync(DbConnection connection, bool sqlite, List<(Guid Activity, Guid Occurrence, Venue Venue, string Region, DateTimeOffset Start, DateTimeOffset End)> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var time = new DateTimeOffsetToBinaryConverter();
        object Id(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
        object Time(DateTimeOffset t) => sqlite ? time.ConvertToProvider(t)! : t;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var activities = connection.CreateCommand())
        {
            activities.Transaction = tx;
            var sql = new StringBuilder("INSERT INTO act_activities (\"Id\", \"OrganizationId\", \"RegionCode\", \"Title\", \"Type\", \"Start\", \"End\", \"VenueId\", \"Online\", \"ExpectedParticipants\", \"StaffIds\", \"VolunteerNeeds\", \"Status\", \"CreatedBy\", \"CreatedAt\") VALUES ");
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                sql.Append(i == 0 ? "" : ",").Append($"(@a{i}, @o{i}, @r{i}, '基准测试活动', 'class', @s{i}, @e{i}, @v{i}, {(sqlite ? "0" : "false")}, 10, '', '{{}}', 'Published', 'bench', @s{i})");
                Add(activities, $"@a{i}", Id(r.Activity));
                Add(activities, $"@o{i}", Id(Guid.Empty));
                Add(activities, $"@r{i}", r.Region);
                Add(activities, $"@s{i}", Time(r.Start));
                Add(activities, $"@e{i}", Time(r.End));
                Add(activities, $"@v{i}", Id(r.Venue.Id));
            }

            activities.CommandText = sql.ToString();
            await activities.ExecuteNonQueryAsync(ct);
        }

        await using (var occurrences = connection.CreateCommand())
        {
            occurrences.Transaction = tx;
            var sql = new StringBuilder("INSERT INTO act_occurrences (\"Id\", \"ActivityId\", \"VenueId\", \"Start\", \"End\", \"BlockEnd\") VALUES ");
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                sql.Append(i == 0 ? "" : ",").Append($"(@i{i}, @a{i}, @v{i}, @s{i}, @e{i}, @b{i})");
                Add(occurrences, $"@i{i}", Id(r.Occurrence));
                Add(occurrences, $"@a{i}", Id(r.Activity));
                Add(occurrences, $"@v{i}", Id(r.Venue.Id));
                Add(occurrences, $"@s{i}", Time(r.Start));
                Add(occurrences, $"@e{i}", Time(r.End));
                Add(occurrences, $"@b{i}", Time(r.End.AddMinutes(r.Venue.BufferMinutes)));
            }

            occurrences.CommandText = sql.ToString();
            await occurrences.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        var count = rows.Count;
        rows.Clear();
        return count;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
