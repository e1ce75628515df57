using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Activities.Seeding;

/// <summary>Seed step 30: a venue in every tenth community (a community centre) plus a street hall per street.</summary>
internal sealed class ActivitySeedStep(ActivitiesDbContext db) : ISeedStep
{
    public int Order => 30;

    public string Name => "venues";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Venues.AnyAsync(ct))
        {
            return;
        }

        var random = context.RandomFor(Name);
        var communities = context.Communities;
        for (var i = 0; i < communities.Count; i += 10)
        {
            var community = communities[i];
            db.Venues.Add(new Venue
            {
                Id = FakeChinese.Id(random), Name = $"社区党群服务中心活动室 {i / 10 + 1:00}", OwnerKind = VenueOwnerKind.Community, RegionCode = community,
                Address = FakeChinese.Address(random, "苏州工业园区"), Capacity = 20 + random.Next(0, 5) * 10, Facilities = "tables,projector",
                Latitude = 31.30 + random.NextDouble() * 0.06, Longitude = 120.70 + random.NextDouble() * 0.08, BufferMinutes = 15,
            });
        }

        foreach (var street in communities.Select(c => c[..9] + "000").Distinct())
        {
            db.Venues.Add(new Venue
            {
                Id = FakeChinese.Id(random), Name = "街道社工站多功能厅", OwnerKind = VenueOwnerKind.Street, RegionCode = communities.First(c => c.StartsWith(street[..9], StringComparison.Ordinal)),
                Address = FakeChinese.Address(random, "苏州工业园区"), Capacity = 80, Facilities = "tables,projector,sound,accessible", BufferMinutes = 30,
                Latitude = 31.30 + random.NextDouble() * 0.06, Longitude = 120.70 + random.NextDouble() * 0.08,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
