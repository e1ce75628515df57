using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.SharedKernel;
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
        if (context.Size == SeedSize.Demo)
        {
            await DemoActivitiesAsync(context, random, ct);
        }
    }

    /// <summary>A fortnight of activities from today in the first venues, so the calendar has something to show; none overlap.</summary>
    private async Task DemoActivitiesAsync(SeedContext context, Random random, CancellationToken ct)
    {
        string[] titles = ["长者智能手机课堂", "亲子绘本共读", "社区议事会", "健康义诊", "书法兴趣班", "垃圾分类宣传", "便民理发", "青少年编程体验"];
        string[] types = ["class", "culture", "meeting", "health-check", "class", "volunteering", "volunteering", "class"];
        var venues = await db.Venues.OrderBy(v => v.RegionCode).Take(6).ToListAsync(ct);
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(DateTimeOffset.UtcNow).DateTime);
        var china = TimeSpan.FromHours(8);
        foreach (var venue in venues)
        {
            var organization = context.Organizations.Count > 0 ? context.Organizations[random.Next(context.Organizations.Count)] : null;
            for (var day = today.AddDays(1); day <= today.AddDays(14); day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || HolidayCalendar.Embedded.Kind(day) == DayKind.Holiday)
                {
                    continue;
                }

                foreach (var (hour, minute) in new[] { (9, 30), (14, 0) })
                {
                    if (random.Next(3) == 0)
                    {
                        continue;
                    }

                    var pick = random.Next(titles.Length);
                    var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), china).ToUniversalTime();
                    var activity = new Activity
                    {
                        Id = FakeChinese.Id(random), OrganizationId = organization?.Id ?? Guid.Empty, RegionCode = venue.RegionCode, Title = titles[pick], Type = types[pick],
                        Start = start, End = start.AddMinutes(90), VenueId = venue.Id, ExpectedParticipants = Math.Min(venue.Capacity, 10 + random.Next(20)),
                        Status = random.Next(4) == 0 ? ActivityStatus.Draft : ActivityStatus.Published, CreatedBy = "system", CreatedAt = DateTimeOffset.UtcNow,
                    };
                    activity.Occurrences.Add(new Occurrence
                    {
                        Id = FakeChinese.Id(random), ActivityId = activity.Id, VenueId = venue.Id, Start = start, End = activity.End, BlockEnd = activity.End.AddMinutes(venue.BufferMinutes),
                    });
                    db.Activities.Add(activity);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
