using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using SkiaSharp;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Volunteers.Features;

/// <summary>
/// Seed step 110 (after activities and accounts; demo size): a living volunteer service on the day the demo starts.
/// The demo volunteer and the district's volunteers get profiles (skills, availability, homes); upcoming activities
/// fill through the real sign-up handler acting as each volunteer (places, waitlists, calendar holds); last week's
/// activities have attendance recorded and confirmed by their organizers through the real handlers (hours, love
/// points), the latest left for the organizer to confirm; photo reports wait for moderation; the demo volunteer
/// holds a certificate.
/// </summary>
internal sealed class VolunteerSeedStep(VolunteersDbContext db, IAccountDirectory accounts, IActAs actAs, IConfiguration config, TimeProvider clock) : ISeedStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] SkillCodes = ["first-aid", "elderly-care", "tutoring", "photography", "translation", "driving", "counselling", "it", "publicity", "order"];

    public int Order => 110;

    public string Name => "volunteers";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || await db.Volunteers.AnyAsync(ct) || await accounts.FindByUserNameAsync("volunteer", ct) is not { } demo
            || PersonalDataProtector.Current is not { } protector || context.Communities.Count == 0)
        {
            return;
        }

        var random = context.RandomFor(Name);
        var people = new List<(string UserName, Volunteer Volunteer)>
        {
            ("volunteer", Profile(random, protector, context, demo.Id, "马小慧", new DateOnly(1998, 5, 12), 1, ["first-aid", "it"], context.Communities[0])),
        };
        var serial = 2;
        var living = config.GetValue("Demo:LivingDistrict", true);
        foreach (var account in living ? context.VolunteerAccounts : [])
        {
            var birth = new DateOnly(1955 + random.Next(0, 50), random.Next(1, 13), random.Next(1, 29));
            var skills = random.GetItems(SkillCodes, 3).Distinct().ToArray();
            people.Add((account.UserName, Profile(random, protector, context, account.UserId, account.DisplayName, birth, serial++, skills, context.Communities[random.Next(Math.Min(10, context.Communities.Count))])));
        }

        foreach (var (_, volunteer) in people)
        {
            db.Volunteers.Add(volunteer);
            db.Consents.Add(new Consent
            {
                Id = FakeChinese.Id(random), VolunteerId = volunteer.Id, OwnerUserId = volunteer.OwnerUserId, RegionCode = volunteer.RegionCode, Kind = ConsentKind.SensitiveData,
                TextVersion = Registration.ConsentVersion, GivenAt = volunteer.RegisteredAt,
            });
        }

        await db.SaveChangesAsync(ct);
        if (!living)
        {
            return;
        }

        await AttendLastWeekAsync(context, people, random, ct);
        await SignUpAheadAsync(context, people, random, ct);
        await PhotosAsync(context, people, random, ct);
        await InviteAsync(context, people[0].Volunteer, ct);
        await TeamAsync(context, ct);
        await actAs.RunAsync("volunteer", sp => sp.GetRequiredService<Certificates>().IssueAsync(new CertificateRequest(null), ct), ct);
    }

    private Volunteer Profile(Random random, PersonalDataProtector protector, SeedContext context, string userId, string name, DateOnly birth, int serial, string[] skills, string community)
    {
        var id = FakeChinese.IdNumber(random, community[..6], birth);
        var phone = FakeChinese.Mobile(random);
        var weekdays = random.Next(2) == 0;
        var slots = Enumerable.Range(1, 7).Where(d => weekdays ? d <= 5 : d >= 6 || random.Next(3) == 0)
            .Select(d => new WeeklySlot(d, new TimeOnly(8, 30), new TimeOnly(random.Next(2) == 0 ? 12 : 17, 30))).ToList();
        return new Volunteer
        {
            Id = FakeChinese.Id(random), OwnerUserId = userId, RegionCode = community, Number = $"V{community[..6]}261122{serial:D6}", RealName = name,
            IdNumber = id, IdNumberIndex = protector.BlindIndex(id), Phone = phone, PhoneIndex = protector.BlindIndex(phone), BirthDate = birth,
            Skills = string.Join(',', skills), Tags = weekdays ? "工作日有空" : "周末有空",
            SkillLevels = JsonSerializer.Serialize(skills.Select(s => new SkillLevel(s, 2 + random.Next(3))).ToList(), Json),
            WeeklyAvailability = JsonSerializer.Serialize(slots, Json),
            Latitude = 31.30 + random.NextDouble() * 0.06, Longitude = 120.70 + random.NextDouble() * 0.08,
            RegisteredAt = clock.GetUtcNow().AddDays(-30 - random.Next(300)),
        };
    }

    /// <summary>
    /// Last week's activities: their volunteers signed up (written here: the sign-up handler rightly refuses a past
    /// activity), then the organizer records and confirms attendance through the real handler; the most recent
    /// activities of each organization stay unconfirmed, waiting on the organizer's workbench.
    /// </summary>
    private async Task AttendLastWeekAsync(SeedContext context, List<(string UserName, Volunteer Volunteer)> people, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var past = context.Activities.Where(a => a.End <= now && a.VolunteersNeeded > 0).ToList();
        var recentPerOrganization = past.GroupBy(a => a.OrganizationId).Select(g => g.Last().Id).ToHashSet();
        // The demo volunteer served twice for the demo organization, at different times, both confirmed.
        var demoServed = past.Where(a => a.OrganizationId == context.Organizations[0].Id && !recentPerOrganization.Contains(a.Id))
            .DistinctBy(a => a.Start).Take(2).Select(a => a.Id).ToHashSet();
        var busy = new Dictionary<Guid, List<SeededActivity>>();
        var signed = new List<(SeededActivity Activity, Signup Signup)>();
        foreach (var activity in past)
        {
            var chosen = Pick(people, random, activity, demoServed.Contains(activity.Id), busy);
            db.Places.Add(new ActivityPlaces { ActivityId = activity.Id, Capacity = activity.VolunteersNeeded, Confirmed = chosen.Count, NextSequence = chosen.Count });
            for (var i = 0; i < chosen.Count; i++)
            {
                var signup = new Signup
                {
                    Id = Guid.CreateVersion7(), ActivityId = activity.Id, VolunteerId = chosen[i].Id, OrganizationId = activity.OrganizationId, VolunteerName = chosen[i].RealName,
                    OwnerUserId = chosen[i].OwnerUserId, RegionCode = activity.RegionCode, Sequence = i + 1, Status = SignupStatus.Confirmed, SignedUpAt = activity.Start.AddDays(-5),
                };
                db.Signups.Add(signup);
                signed.Add((activity, signup));
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var group in signed.GroupBy(s => s.Activity.OrganizationId))
        {
            var organizer = OrganizerOf(context, group.Key);
            await actAs.RunAsync(organizer, async sp =>
            {
                var sheets = sp.GetRequiredService<AttendanceSheets>();
                var reviews = sp.GetRequiredService<AttendanceReviews>();
                foreach (var (activity, signup) in group)
                {
                    // An activity that ended moments ago has nobody leaving after now: times are never in the future.
                    var arrived = activity.Start.AddMinutes(random.Next(-10, 15));
                    var left = Earlier(activity.End.AddMinutes(random.Next(-5, 10)), now);
                    arrived = Earlier(arrived, left.AddMinutes(-1));
                    var record = await sheets.RecordAsync(activity.Id, new AttendanceRecordRequest { SignupId = signup.Id, OccurrenceId = activity.OccurrenceId, CheckInAt = arrived, CheckOutAt = left }, ct);
                    if (!recentPerOrganization.Contains(activity.Id))
                    {
                        await reviews.ConfirmAsync(record.Id, ct);
                    }
                }

                return true;
            }, ct);
        }
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// This week's and next week's recruiting activities fill through the sign-up handler acting as each volunteer:
    /// about one in four is over-subscribed (a waitlist), the rest partly filled, some of the demo organization's left
    /// open for the demo volunteer. A sign-up the calendar refuses (the volunteer is busy then) is simply skipped.
    /// </summary>
    private async Task SignUpAheadAsync(SeedContext context, List<(string UserName, Volunteer Volunteer)> people, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ahead = context.Activities.Where(a => a.Start > now && a.Published && a.VolunteersNeeded > 0).ToList();
        var plan = new Dictionary<string, List<Guid>>();
        var demoOrganization = context.Organizations[0].Id;
        var demoJoins = ahead.Where(a => a.OrganizationId == demoOrganization).Take(2).Select(a => a.Id).ToHashSet();
        for (var i = 0; i < ahead.Count; i++)
        {
            var activity = ahead[i];
            var wanted = i % 4 == 1 ? activity.VolunteersNeeded + 2 : random.Next(0, activity.VolunteersNeeded);
            var others = people.Skip(1).OrderBy(_ => random.Next()).Take(wanted);
            foreach (var (userName, _) in others)
            {
                (plan.TryGetValue(userName, out var list) ? list : plan[userName] = []).Add(activity.Id);
            }

            if (demoJoins.Contains(activity.Id) || (i % 4 == 1 && activity.OrganizationId == demoOrganization && plan.GetValueOrDefault("volunteer", []).Count == 0))
            {
                (plan.TryGetValue("volunteer", out var mine) ? mine : plan["volunteer"] = []).Add(activity.Id);
            }
        }

        // The demo volunteer signs up last, so a full activity puts them on its waitlist.
        foreach (var (userName, activityIds) in plan.OrderBy(p => p.Key == "volunteer"))
        {
            await actAs.RunAsync(userName, async sp =>
            {
                var signups = sp.GetRequiredService<Signups>();
                foreach (var activityId in activityIds)
                {
                    try
                    {
                        await signups.SignUpAsync(activityId, ct);
                    }
                    catch (BusinessRuleException)
                    {
                        // Busy at that time, or too young: a real volunteer would be refused too.
                    }
                }

                return true;
            }, ct);
        }
    }

    /// <summary>Photo reports (慧拍) from last week's service: two approved by the organizer, the rest waiting for moderation.</summary>
    private async Task PhotosAsync(SeedContext context, List<(string UserName, Volunteer Volunteer)> people, Random random, CancellationToken ct)
    {
        var attended = await db.Attendances.AsNoTracking().Where(a => a.OrganizationId == context.Organizations[0].Id).OrderBy(a => a.OccurrenceStart)
            .Select(a => new { a.ActivityId, a.OwnerUserId }).ToListAsync(ct);
        string[] texts = ["今天和老人们一起学用手机视频通话，大家都很开心。", "义诊现场秩序井然，量血压的队伍排到了门口。", "垃圾分类小课堂，孩子们比大人学得还快。", "理发结束，阿姨说这是今年最满意的一次。"];
        var authors = attended.DistinctBy(a => a.OwnerUserId).Take(4).ToList();
        var submitted = new List<Guid>();
        for (var i = 0; i < authors.Count; i++)
        {
            var userName = people.First(p => p.Volunteer.OwnerUserId == authors[i].OwnerUserId).UserName;
            var photo = DemoPhoto(random, i);
            var report = await actAs.RunAsync(userName, sp => sp.GetRequiredService<PhotoReports>().SubmitAsync(photo, texts[i % texts.Length], authors[i].ActivityId, null, null, null, null, ct), ct);
            submitted.Add(report.Id);
        }

        await actAs.RunAsync(OrganizerOf(context, context.Organizations[0].Id), async sp =>
        {
            foreach (var id in submitted.Take(2))
            {
                await sp.GetRequiredService<PhotoReports>().ModerateAsync(id, new ModerationRequest(true, null), ct);
            }

            return true;
        }, ct);
    }

    /// <summary>The demo organization invites the demo volunteer to an activity they have not joined: a notice and an invitation wait on the phone.</summary>
    private async Task InviteAsync(SeedContext context, Volunteer volunteer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var joined = await db.Signups.AsNoTracking().Where(s => s.VolunteerId == volunteer.Id).Select(s => s.ActivityId).ToListAsync(ct);
        var open = context.Activities.FirstOrDefault(a => a.Start > now && a.Published && a.VolunteersNeeded > 0 && a.OrganizationId == context.Organizations[0].Id && !joined.Contains(a.Id));
        if (open is not null)
        {
            await actAs.RunAsync(OrganizerOf(context, open.OrganizationId), sp => sp.GetRequiredService<Matches>().InviteAsync(open.Id, [volunteer.Id], ct), ct);
        }
    }

    /// <summary>Who confirms an organization's attendance in the demo: its demo admin, or the platform operator.</summary>
    /// <summary>The demo organization's service team: the volunteers who served with it last week, one of them its leader.</summary>
    private async Task TeamAsync(SeedContext context, CancellationToken ct)
    {
        var organization = context.Organizations[0].Id;
        var served = await db.Attendances.AsNoTracking()
            .Where(a => a.OrganizationId == organization && a.Status == AttendanceStatus.Confirmed)
            .Select(a => a.VolunteerId).Distinct().OrderBy(v => v).Take(6).ToListAsync(ct);
        if (served.Count == 0)
        {
            return;
        }

        await actAs.RunAsync(OrganizerOf(context, organization), async sp =>
        {
            var team = await sp.GetRequiredService<Teams>().CreateAsync(
                new TeamRequest { Name = "夕阳红助老志愿服务队", Description = "每周探访独居老人，陪伴聊天、代购和手机教学。", OrganizationId = organization }, ct);
            await sp.GetRequiredService<TeamRoster>().AddMembersAsync(team.Id, new TeamMembersRequest(served, served[0]), ct);
            return true;
        }, ct);
    }

    private static string OrganizerOf(SeedContext context, Guid organizationId) =>
        context.Organizations.Count > 0 && context.Organizations[0].Id == organizationId ? "orgadmin"
        : context.Organizations.Count > 1 && context.Organizations[1].Id == organizationId ? "orgadmin2"
        : "operator";

    /// <summary>Volunteers for a past activity, none of them already serving elsewhere at that time.</summary>
    private static List<Volunteer> Pick(List<(string UserName, Volunteer Volunteer)> people, Random random, SeededActivity activity, bool withDemoVolunteer,
        Dictionary<Guid, List<SeededActivity>> busy)
    {
        bool Free(Volunteer v) => !busy.TryGetValue(v.Id, out var taken) || taken.All(t => t.End <= activity.Start || t.Start >= activity.End);
        var chosen = people.Skip(1).Select(p => p.Volunteer).Where(Free).OrderBy(_ => random.Next())
            .Take(withDemoVolunteer ? activity.VolunteersNeeded - 1 : activity.VolunteersNeeded).ToList();
        if (withDemoVolunteer && Free(people[0].Volunteer))
        {
            chosen.Insert(0, people[0].Volunteer);
        }

        foreach (var volunteer in chosen)
        {
            (busy.TryGetValue(volunteer.Id, out var list) ? list : busy[volunteer.Id] = []).Add(activity);
        }

        return chosen;
    }

    /// <summary>A small JPEG drawn here (a warm background and a few shapes), uploaded like a phone's photo.</summary>
    private static FormFile DemoPhoto(Random random, int index)
    {
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            SKColor[] backgrounds = [new(0xF4, 0xD9, 0xB8), new(0xCF, 0xE6, 0xD2), new(0xD6, 0xE4, 0xF5), new(0xF5, 0xD6, 0xDC)];
            canvas.Clear(backgrounds[index % backgrounds.Length]);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 6; i++)
            {
                paint.Color = new SKColor((byte)random.Next(80, 220), (byte)random.Next(60, 200), (byte)random.Next(60, 200));
                canvas.DrawCircle(random.Next(100, 700), random.Next(100, 500), random.Next(30, 110), paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        var bytes = image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", $"photo-{index + 1}.jpg") { Headers = new HeaderDictionary(), ContentType = "image/jpeg" };
    }
}
