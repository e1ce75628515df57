using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Web.Tests;

/// <summary>Volunteer registration with a phone code and real-name data; sign-ups with places and a waitlist.</summary>
public sealed partial class VolunteerTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Security:LoginAttemptsPerIpPerMinute"] = "5000", ["Security:LoginAttemptsPerAccountPerMinute"] = "5000" };

    private static string Iso(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string CodeFromLog(YilianApp app, string phoneTail) =>
        app.Logs.Where(l => l.Contains("SMS to") && l.Contains(phoneTail)).Select(l => SixDigits().Match(l).Groups[1].Value).Last(v => v.Length == 6);

    private static async Task<string> CommunityAsync(YilianApp app)
    {
        using var op = await app.ClientAsAsync("operator");
        var org = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0];
        return org.GetProperty("regionCode").GetString()!;
    }

    [Fact]
    public async Task A_Volunteer_Registers_With_A_Phone_Code_And_Real_Name_Data_Kept_Encrypted()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        var community = await CommunityAsync(app);
        using var anonymous = app.CreateClient();
        const string phone = "13912345678";
        (await anonymous.PostAsJsonAsync("/api/v1/volunteers/verification-codes", new { phone = "12345" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.PostAsJsonAsync("/api/v1/volunteers/verification-codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.PostAsJsonAsync("/api/v1/volunteers/verification-codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // once a minute
        var code = CodeFromLog(app, "5678");
        app.Logs.ShouldNotContain(l => l.Contains(phone)); // the number itself is masked in the log

        var idNumber = FakeChinese.IdNumber(new Random(3), community[..6], new DateOnly(1990, 3, 15));
        object Body(string withCode, string id, bool consent = true) => new
        {
            phone, code = withCode, realName = "周志愿", idNumber = id, password = "Lantern-Seven-42", community, skills = new[] { "first-aid" }, tags = "周末，摄影",
            consentToSensitiveData = consent,
        };
        var noConsent = await anonymous.PostAsJsonAsync("/api/v1/volunteers", Body(code, idNumber, consent: false));
        noConsent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noConsent.Content.ReadAsStringAsync()).ShouldContain("敏感个人信息");
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/volunteers", Body(code == "000000" ? "111111" : "000000", idNumber));
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("还可以再试 4 次");
        (await anonymous.PostAsJsonAsync("/api/v1/volunteers", Body(code, "110101199003151234"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // bad check digit

        var created = await anonymous.PostAsJsonAsync("/api/v1/volunteers", Body(code, idNumber));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var volunteer = await created.Content.ReadFromJsonAsync<JsonElement>();
        volunteer.GetProperty("idNumberMasked").GetString().ShouldBe(idNumber[..3] + new string('*', 11) + idNumber[^4..]);
        volunteer.GetProperty("phoneMasked").GetString()!.ShouldNotContain("1234");
        volunteer.GetProperty("isMinor").GetBoolean().ShouldBeFalse();
        (await anonymous.PostAsJsonAsync("/api/v1/volunteers", Body(code, idNumber))).StatusCode.ShouldBe(HttpStatusCode.Conflict); // registered already

        // At rest: neither the ID number nor the phone appears in the table.
        {
            await using var scope = SystemScope.Begin(app.Services);
            var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
            var raw = await db.Database.SqlQueryRaw<string>("SELECT \"IdNumber\" || '|' || \"Phone\" AS \"Value\" FROM vol_volunteers").ToListAsync();
            raw.ShouldAllBe(r => !r.Contains(idNumber) && !r.Contains(phone));
            (await db.Consents.CountAsync(c => c.VolunteerId == volunteer.GetProperty("id").GetGuid() && c.Kind == ConsentKind.SensitiveData)).ShouldBe(1);
        }

        // The new account signs in with the phone number and sees its own profile.
        using var self = app.CreateClient();
        self.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(phone, "Lantern-Seven-42"));
        (await self.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me")).GetProperty("realName").GetString().ShouldBe("周志愿");
    }

    [Fact]
    public async Task Under_Fourteen_Needs_A_Guardian_And_Is_Flagged_A_Minor()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        var community = await CommunityAsync(app);
        using var anonymous = app.CreateClient();
        const string phone = "13700001111";
        (await anonymous.PostAsJsonAsync("/api/v1/volunteers/verification-codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var code = CodeFromLog(app, "1111");
        var child = FakeChinese.IdNumber(new Random(4), community[..6], DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12));
        var body = new Dictionary<string, object?>
        {
            ["phone"] = phone, ["code"] = code, ["realName"] = "小明", ["idNumber"] = child, ["password"] = "Lantern-Seven-42", ["community"] = community, ["consentToSensitiveData"] = true,
        };
        var refused = await anonymous.PostAsJsonAsync("/api/v1/volunteers", body);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("监护人");

        body["guardianName"] = "王女士";
        body["guardianPhone"] = "13800002222";
        body["guardianConsent"] = true;
        var created = await anonymous.PostAsJsonAsync("/api/v1/volunteers", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isMinor").GetBoolean().ShouldBeTrue();

        // An activity for volunteers of 14 and over refuses the twelve-year-old with a clear answer, and writes nothing.
        using var org = await app.ClientAsAsync("orgadmin");
        var start = DateTimeOffset.UtcNow.AddDays(4);
        var activity = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "养老院陪伴", type = "volunteering", online = true, start = Iso(start), end = Iso(start.AddHours(2)), minimumVolunteerAge = 14,
            volunteerNeeds = new Dictionary<string, int> { ["care"] = 3 },
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Created, await activity.Content.ReadAsStringAsync());
        (await org.PostAsync(activity.Headers.Location + "/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var minor = app.CreateClient();
        minor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(phone, "Lantern-Seven-42"));
        var refused14 = await minor.PostAsync(activity.Headers.Location + "/signups", null);
        refused14.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused14.Content.ReadAsStringAsync()).ShouldContain("年满 14 周岁");
        (await minor.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Two_Hundred_Simultaneous_Signups_For_Twenty_Places_Confirm_Exactly_Twenty_And_Waitlist_The_Rest_In_Order(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var community = await CommunityAsync(app);
        using var org = await app.ClientAsAsync("orgadmin");
        var start = DateTimeOffset.UtcNow.AddDays(5);
        var created = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "社区环境清洁日", type = "volunteering", online = true, start = Iso(start), end = Iso(start.AddHours(2)), volunteerNeeds = new Dictionary<string, int> { ["order"] = 20 },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var activity = created.Headers.Location!.ToString().Split('/')[^1];
        (await org.PostAsync($"/api/v1/activities/{activity}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // 200 volunteers with accounts, made in-process (registration itself is tested above).
        var names = Enumerable.Range(0, 200).Select(i => $"vol{i:000}").ToList();
        {
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (name, ct) =>
            {
                await using var scope = SystemScope.Begin(app.Services);
                var i = int.Parse(name[3..], CultureInfo.InvariantCulture);
                var account = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>()
                    .RegisterAsync($"139{i:00000000}", name, "Lantern-Seven-42", Roles.Volunteer, ct);
                var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
                var id = FakeChinese.IdNumber(new Random(i), community[..6], new DateOnly(1990, 1, 1).AddDays(i));
                db.Volunteers.Add(new Volunteer
                {
                    Id = Guid.NewGuid(), OwnerUserId = account.Id, RegionCode = community, Number = $"VT{i:000000}", RealName = name, IdNumber = id,
                    IdNumberIndex = PersonalDataProtector.Current!.BlindIndex(id), Phone = $"139{i:00000000}", PhoneIndex = PersonalDataProtector.Current!.BlindIndex($"139{i:00000000}"),
                    BirthDate = new DateOnly(1990, 1, 1), RegisteredAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync(ct);
            });
        }

        // Sign-ins eight at a time (the sign-ups below are the concurrent part).
        using var logins = new SemaphoreSlim(8);
        var clients = await Task.WhenAll(names.Select(async n =>
        {
            await logins.WaitAsync();
            try
            {
                var c = app.CreateClient();
                c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync($"139{int.Parse(n[3..], CultureInfo.InvariantCulture):00000000}", "Lantern-Seven-42"));
                return c;
            }
            finally
            {
                logins.Release();
            }
        }));
        using var gate = new SemaphoreSlim(0);
        var attempts = clients.Select(async c =>
        {
            await gate.WaitAsync();
            return await c.PostAsync($"/api/v1/activities/{activity}/signups", null);
        }).ToList();
        gate.Release(200);
        var responses = await Task.WhenAll(attempts);
        responses.Count(r => r.StatusCode != HttpStatusCode.Created).ShouldBe(0, string.Join("\n", app.Logs.Where(l => l.Contains("Exception") && !l.Contains("PK_vol_activity_places")).Select(l => l.Length > 700 ? l[..700] : l).Distinct().Take(3)));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        answers.Count(a => a.GetProperty("status").GetString() == "Confirmed").ShouldBe(20);
        answers.Count(a => a.GetProperty("status").GetString() == "Waitlisted").ShouldBe(180);

        // Arrival order: the twenty confirmed came first; the waitlist is numbered 1…180 in the order they arrived.
        var list = await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/signups");
        var rows = list.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("sequence").GetInt64()).ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i));
        rows.Take(20).ShouldAllBe(r => r.GetProperty("status").GetString() == "Confirmed");
        rows.Skip(20).Select(r => r.GetProperty("waitlistPosition").GetInt32()).ShouldBe(Enumerable.Range(1, 180));

        // A confirmed volunteer withdraws: the first on the waitlist moves up, once.
        var leaving = answers.First(a => a.GetProperty("status").GetString() == "Confirmed");
        var leaver = clients[Array.FindIndex(answers, a => a.GetProperty("id").GetString() == leaving.GetProperty("id").GetString())];
        (await leaver.DeleteAsync($"/api/v1/activities/{activity}/signups/{leaving.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await leaver.DeleteAsync($"/api/v1/activities/{activity}/signups/{leaving.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent); // idempotent
        var after = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{activity}/signups")).EnumerateArray().ToList();
        after.Count(r => r.GetProperty("status").GetString() == "Confirmed").ShouldBe(20);
        after.Single(r => r.GetProperty("sequence").GetInt64() == 21).GetProperty("status").GetString().ShouldBe("Confirmed");
        // The promoted volunteer is told in the app.
        var promotedId = after.Single(r => r.GetProperty("sequence").GetInt64() == 21).GetProperty("id").GetString();
        var promotedClient = clients[Array.FindIndex(answers, a => a.GetProperty("id").GetString() == promotedId)];
        (await promotedClient.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray()
            .ShouldContain(n => n.GetProperty("title").GetString()!.Contains("候补转正"));

        // Signing up twice is refused (for anyone who has not withdrawn); someone else's sign-up cannot be cancelled.
        (await clients.First(c => c != leaver).PostAsync($"/api/v1/activities/{activity}/signups", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var other = after.First(r => r.GetProperty("status").GetString() == "Waitlisted").GetProperty("id").GetString();
        var stranger = clients.First(c => c != leaver);
        var strangerOwn = (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me/signups"))[0].GetProperty("id").GetString();
        if (strangerOwn != other)
        {
            (await stranger.DeleteAsync($"/api/v1/activities/{activity}/signups/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not even visible
        }

        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Points_Are_A_Ledger_That_Never_Goes_Negative_And_Moves_Once_Per_Key(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        using var volunteer = await app.ClientAsAsync("volunteer");
        using var op = await app.ClientAsAsync("operator");
        var me = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me");
        var volunteerId = me.GetProperty("id").GetString();

        static async Task<HttpResponseMessage> Send(HttpClient client, string path, object body, string? key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            return await client.SendAsync(request);
        }

        (await Send(volunteer, "/api/v1/points/awards", new { volunteerId, points = 10, reason = "自己给自己" }, "a1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(op, "/api/v1/points/awards", new { volunteerId, points = 10, reason = "河道清洁 2 小时" }, null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var award = await Send(op, "/api/v1/points/awards", new { volunteerId, points = 10, reason = "河道清洁 2 小时" }, "award-1");
        var awardText = await award.Content.ReadAsStringAsync();
        award.StatusCode.ShouldBe(HttpStatusCode.OK, awardText);
        var awardId = JsonDocument.Parse(awardText).RootElement.GetProperty("id").GetString();
        var again = await Send(op, "/api/v1/points/awards", new { volunteerId, points = 10, reason = "河道清洁 2 小时" }, "award-1");
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString().ShouldBe(awardId);
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points")).GetProperty("balance").GetInt32().ShouldBe(10); // once, not twice

        // 100 redemptions of one point at once, each with its own key, against a balance of 10.
        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 100).Select(async i =>
        {
            await gate.WaitAsync();
            return await Send(volunteer, "/api/v1/points/redemptions", new { points = 1, reason = "兑换：环保袋" }, $"redeem-{i}");
        }).ToList();
        gate.Release(100);
        var results = await Task.WhenAll(attempts);
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(10);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(90);
        var ledger = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points");
        ledger.GetProperty("balance").GetInt32().ShouldBe(0);
        ledger.GetProperty("entries").EnumerateArray().Sum(e => e.GetProperty("delta").GetInt32()).ShouldBe(0);
        (await Send(volunteer, "/api/v1/points/redemptions", new { points = 1, reason = "再兑换" }, "redeem-extra")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A mistake is undone by a compensating row, once; the award's reversal would take the balance below zero, so it is refused.
        var firstRedemption = ledger.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("delta").GetInt32() == -1).GetProperty("id").GetString();
        (await op.PostAsync($"/api/v1/points/{firstRedemption}/reverse", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await op.PostAsync($"/api/v1/points/{firstRedemption}/reverse", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // the same reversal again, not a second one
        var afterReversal = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points");
        afterReversal.GetProperty("balance").GetInt32().ShouldBe(1);
        afterReversal.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("reverses").GetString() == firstRedemption).ShouldBe(1);
        (await op.PostAsync($"/api/v1/points/{awardId}/reverse", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_Points_Shop_Never_Oversells_Keeps_The_Per_Person_Limit_And_Redeems_Once_Per_Key(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, Settings);
        var community = await CommunityAsync(app);
        using var op = await app.ClientAsAsync("operator");
        using var org = await app.ClientAsAsync("orgadmin");
        var organizationId = (await org.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();

        // Ten volunteers with 50 points each.
        var names = Enumerable.Range(0, 10).Select(i => $"shop{i:00}").ToList();
        var ids = new Dictionary<string, Guid>();
        {
            foreach (var name in names)
            {
                await using var scope = SystemScope.Begin(app.Services);
                var i = int.Parse(name[4..], CultureInfo.InvariantCulture);
                var account = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>()
                    .RegisterAsync($"136{i:00000000}", name, "Lantern-Seven-42", Roles.Volunteer, CancellationToken.None);
                var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
                var id = FakeChinese.IdNumber(new Random(500 + i), community[..6], new DateOnly(1985, 1, 1).AddDays(i));
                var volunteer = new Volunteer
                {
                    Id = Guid.NewGuid(), OwnerUserId = account.Id, RegionCode = community, Number = $"VS{i:000000}", RealName = name, IdNumber = id,
                    IdNumberIndex = PersonalDataProtector.Current!.BlindIndex(id), Phone = $"136{i:00000000}", PhoneIndex = PersonalDataProtector.Current!.BlindIndex($"136{i:00000000}"),
                    BirthDate = new DateOnly(1985, 1, 1), RegisteredAt = DateTimeOffset.UtcNow,
                };
                db.Volunteers.Add(volunteer);
                await db.SaveChangesAsync();
                ids[name] = volunteer.Id;
            }
        }

        foreach (var (name, id) in ids)
        {
            using var award = new HttpRequestMessage(HttpMethod.Post, "/api/v1/points/awards") { Content = JsonContent.Create(new { volunteerId = id, points = 50, reason = "社区服务" }) };
            award.Headers.Add("Idempotency-Key", "seed-" + name);
            (await op.SendAsync(award)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var clients = new List<HttpClient>();
        foreach (var name in names)
        {
            var c = app.CreateClient();
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync($"136{int.Parse(name[4..], CultureInfo.InvariantCulture):00000000}", "Lantern-Seven-42"));
            clients.Add(c);
        }

        (await clients[0].PostAsJsonAsync("/api/v1/points/shop", new { name = "环保袋", points = 10, stock = 3, perPersonLimit = 1, organizationId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await org.PostAsJsonAsync("/api/v1/points/shop", new { name = "环保袋", points = 0, stock = 3, perPersonLimit = 1, organizationId })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var bag = (await (await org.PostAsJsonAsync("/api/v1/points/shop", new { name = "环保袋", points = 10, stock = 3, perPersonLimit = 1, organizationId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var cup = (await (await org.PostAsJsonAsync("/api/v1/points/shop", new { name = "保温杯", points = 10, stock = 10, perPersonLimit = 2, organizationId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        static Task<HttpResponseMessage> Redeem(HttpClient client, string? reward, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/points/shop/{reward}/redemptions");
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }

        // Ten volunteers at once for three bags: three get one.
        using var gate = new SemaphoreSlim(0);
        var attempts = clients.Select(async (c, i) =>
        {
            await gate.WaitAsync();
            return await Redeem(c, bag, $"bag-{i}");
        }).ToList();
        gate.Release(10);
        var results = await Task.WhenAll(attempts);
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(3);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        var shop = await op.GetFromJsonAsync<JsonElement>("/api/v1/points/shop");
        shop.EnumerateArray().Single(r => r.GetProperty("id").GetString() == bag).GetProperty("stock").GetInt32().ShouldBe(0);
        var balances = await Task.WhenAll(clients.Select(async c => (await c.GetFromJsonAsync<JsonElement>("/api/v1/points")).GetProperty("balance").GetInt32()));
        balances.Count(b => b == 40).ShouldBe(3);
        balances.Count(b => b == 50).ShouldBe(7);

        // One volunteer, five taps at once on a cup limited to two per person: two cups, twenty points.
        var lucky = clients[Array.IndexOf(balances, 50)];
        using var cupGate = new SemaphoreSlim(0);
        var taps = Enumerable.Range(0, 5).Select(async i =>
        {
            await cupGate.WaitAsync();
            return await Redeem(lucky, cup, $"cup-{i}");
        }).ToList();
        cupGate.Release(5);
        var cups = await Task.WhenAll(taps);
        cups.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(2);
        (await lucky.GetFromJsonAsync<JsonElement>("/api/v1/points")).GetProperty("balance").GetInt32().ShouldBe(30);

        // A retry with the same key is the same redemption; the organizer cancels it: the cup and the points come back.
        var first = await cups.First(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        var key = $"cup-{Array.FindIndex(cups, r => r.StatusCode == HttpStatusCode.OK)}";
        var retry = await (await Redeem(lucky, cup, key)).Content.ReadFromJsonAsync<JsonElement>();
        retry.GetProperty("id").GetString().ShouldBe(first.GetProperty("id").GetString());
        (await org.PostAsync($"/api/v1/points/shop/redemptions/{first.GetProperty("id").GetString()}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await org.PostAsync($"/api/v1/points/shop/redemptions/{first.GetProperty("id").GetString()}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await lucky.GetFromJsonAsync<JsonElement>("/api/v1/points")).GetProperty("balance").GetInt32().ShouldBe(40);
        (await op.GetFromJsonAsync<JsonElement>("/api/v1/points/shop")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == cup).GetProperty("stock").GetInt32().ShouldBe(9);
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }

    [GeneratedRegex(@"验证码是 (\d{6})")]
    private static partial Regex SixDigits();
}
