using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Activities.Seeding;

/// <summary>Seed step 30: a venue in every tenth community (a community centre) plus a street hall per street.</summary>
internal sealed class ActivitySeedStep(ActivitiesDbContext db, IConfiguration config, TimeProvider clock) : ISeedStep
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
            if (config.GetValue("Demo:LivingDistrict", true))
            {
                await LivingActivitiesAsync(context, random, ct);
            }
            else
            {
                await DemoActivitiesAsync(context, random, ct);
            }
        }
    }

    /// <summary>A fortnight of activities from tomorrow in the first venues, none recruiting volunteers (the quiet district the tests start from); none overlap.</summary>
    private async Task DemoActivitiesAsync(SeedContext context, Random random, CancellationToken ct)
    {
        string[] titles = ["长者智能手机课堂", "亲子绘本共读", "社区议事会", "健康义诊", "书法兴趣班", "垃圾分类宣传", "便民理发", "青少年编程体验"];
        string[] types = ["class", "culture", "meeting", "health-check", "class", "volunteering", "volunteering", "class"];
        var venues = await db.Venues.OrderBy(v => v.RegionCode).Take(6).ToListAsync(ct);
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(clock.GetUtcNow()).DateTime);
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
                        Status = random.Next(4) == 0 ? ActivityStatus.Draft : ActivityStatus.Published, CreatedBy = "system", CreatedAt = clock.GetUtcNow(),
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

    /// <summary>
    /// Three weeks of activities around the day the demo starts — last week's done, this week's and next week's
    /// published, some drafts ahead — in the first venues, none overlapping. Most belong to the first two
    /// organizations (the demo organization admins'), and half of them recruit volunteers.
    /// </summary>
    private async Task LivingActivitiesAsync(SeedContext context, Random random, CancellationToken ct)
    {
        (string Title, string Type, string Needs)[] kinds =
        [
            ("长者智能手机课堂", "class", """{"it":3}"""), ("亲子绘本共读", "culture", """{"tutoring":2}"""), ("社区议事会", "meeting", "{}"),
            ("健康义诊", "health-check", """{"first-aid":2,"order":1}"""), ("书法兴趣班", "class", "{}"), ("垃圾分类宣传", "volunteering", """{"publicity":2,"order":2}"""),
            ("便民理发", "volunteering", """{"elderly-care":3}"""), ("青少年编程体验", "class", """{"it":2,"tutoring":1}"""),
        ];
        var venues = await db.Venues.OrderBy(v => v.RegionCode).Take(6).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        var china = TimeSpan.FromHours(8);
        for (var index = 0; index < venues.Count; index++)
        {
            var venue = venues[index];
            var organization = index switch
            {
                < 3 when context.Organizations.Count > 0 => context.Organizations[0],
                < 5 when context.Organizations.Count > 1 => context.Organizations[1],
                _ => context.Organizations.Count > 0 ? context.Organizations[random.Next(context.Organizations.Count)] : null,
            };
            for (var day = today.AddDays(-7); day <= today.AddDays(14); day = day.AddDays(1))
            {
                if (day.DayOfWeek == DayOfWeek.Sunday || HolidayCalendar.Embedded.Kind(day) == DayKind.Holiday)
                {
                    continue;
                }

                foreach (var (hour, minute) in new[] { (9, 30), (14, 0) })
                {
                    if (random.Next(3) == 0 || (day.DayOfWeek == DayOfWeek.Saturday && hour > 12))
                    {
                        continue;
                    }

                    var kind = kinds[random.Next(kinds.Length)];
                    var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), china).ToUniversalTime();
                    var end = start.AddMinutes(90);
                    var status = end <= now ? ActivityStatus.Done
                        : day > today.AddDays(7) && random.Next(4) == 0 ? ActivityStatus.Draft
                        : ActivityStatus.Published;
                    var activity = new Activity
                    {
                        Id = FakeChinese.Id(random), OrganizationId = organization?.Id ?? Guid.Empty, RegionCode = venue.RegionCode, Title = kind.Title, Type = kind.Type,
                        Start = start, End = end, VenueId = venue.Id, ExpectedParticipants = Math.Min(venue.Capacity, 10 + random.Next(20)),
                        VolunteerNeeds = kind.Needs, Status = status, CreatedBy = "system", CreatedAt = now.AddDays(-14),
                    };
                    var occurrence = new Occurrence
                    {
                        Id = FakeChinese.Id(random), ActivityId = activity.Id, VenueId = venue.Id, Start = start, End = end, BlockEnd = end.AddMinutes(venue.BufferMinutes),
                    };
                    activity.Occurrences.Add(occurrence);
                    db.Activities.Add(activity);
                    var needed = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(kind.Needs)!.Values.Sum();
                    context.Activities.Add(new SeededActivity(activity.Id, occurrence.Id, activity.OrganizationId, activity.RegionCode, start, end, needed, status != ActivityStatus.Draft));
                }
            }
        }

        await db.SaveChangesAsync(ct);
        context.Activities.Sort((a, b) => a.Start.CompareTo(b.Start));
    }
}
