using System.Globalization;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Volunteers.Seeding;

/// <summary>
/// Scale data for the matching benchmark: volunteers across the district's communities with skills and
/// levels, weekly availability, map points around Suzhou Industrial Park and some service history (attended,
/// missed, recent minutes). Generated test data, written in batches past the audit trail on purpose.
/// </summary>
public sealed class VolunteerScaleSeeder
{
    private readonly VolunteersDbContext _db;

    internal VolunteerScaleSeeder(VolunteersDbContext db) => _db = db;

    /// <returns>How many volunteers were written (0 when there were already that many).</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> communities, IReadOnlyList<string> skills, int count, int seed, CancellationToken ct)
    {
        var existing = await _db.Volunteers.CountAsync(ct);
        if (existing >= count)
        {
            return 0;
        }

        var protector = PersonalDataProtector.Current ?? throw new InvalidOperationException("Personal-data keys are not loaded.");
        var random = new Random(seed + existing);
        // Generated ID numbers can repeat (same community, birthday and sequence): keep them unique, with those already stored.
        var taken = (await _db.Volunteers.Select(v => v.IdNumberIndex).ToListAsync(ct)).ToHashSet();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        var written = 0;
        while (existing + written < count)
        {
            var batch = Math.Min(2_000, count - existing - written);
            for (var i = 0; i < batch; i++)
            {
                var n = existing + written + i;
                var community = communities[random.Next(communities.Count)];
                var birth = new DateOnly(1950 + random.Next(0, 58), 1 + random.Next(0, 12), 1 + random.Next(0, 28));
                var idNumber = FakeChinese.IdNumber(random, community[..6], birth);
                while (!taken.Add(protector.BlindIndex(idNumber)))
                {
                    idNumber = FakeChinese.IdNumber(random, community[..6], birth);
                }

                var phone = "19" + n.ToString("D9", CultureInfo.InvariantCulture);
                var own = skills.Where(_ => random.NextDouble() < 0.25).Take(4).ToList();
                var levels = own.Select(c => new SkillLevel(c, random.Next(1, 6), random.NextDouble() < 0.3 ? random.Next(1, 6) : null)).ToList();
                var slots = random.NextDouble() < 0.25 ? [] : Enumerable.Range(0, random.Next(2, 6)).Select(_ =>
                {
                    var from = random.Next(7, 18);
                    return new WeeklySlot(random.Next(1, 8), new TimeOnly(from, 0), new TimeOnly(Math.Min(22, from + random.Next(2, 8)), 0));
                }).ToList();
                _db.Volunteers.Add(new Volunteer
                {
                    Id = FakeChinese.Id(random), OwnerUserId = "bench-volunteer-" + n.ToString(CultureInfo.InvariantCulture), RegionCode = community,
                    Number = "VB" + n.ToString("D9", CultureInfo.InvariantCulture), RealName = FakeChinese.PersonName(random),
                    IdNumber = idNumber, IdNumberIndex = protector.BlindIndex(idNumber), Phone = phone, PhoneIndex = protector.BlindIndex(phone), BirthDate = birth,
                    Skills = string.Join(',', own), SkillLevels = JsonSerializer.Serialize(levels, json), WeeklyAvailability = JsonSerializer.Serialize(slots, json),
                    Latitude = random.NextDouble() < 0.6 ? 31.25 + random.NextDouble() * 0.15 : null, Longitude = 120.60 + random.NextDouble() * 0.25,
                    RegisteredAt = DateTimeOffset.UtcNow,
                });
            }

            await _db.SaveChangesAsync(ct);
            _db.ChangeTracker.Clear();
            written += batch;
        }

        return written;
    }
}
