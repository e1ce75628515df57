using System.Net;
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

namespace Yilian.Web.Tests;

/// <summary>
/// Registration is one of the few writes that spans two modules (the account in Platform, the profile in Volunteers).
/// Many people at once on SQLite must all get through, and a registration that cannot finish leaves nothing behind.
/// </summary>
public sealed partial class RegistrationConcurrencyTests
{
    internal const string Password = "Lantern-Seven-42";

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex SixDigits();

    private static string Phone(int i) => $"1391234{i:0000}";

    internal static async Task<string> CommunityAsync(YilianApp app)
    {
        using var op = await app.ClientAsAsync("operator");
        var org = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0];
        return org.GetProperty("regionCode").GetString()!;
    }

    internal static async Task<string> CodeForAsync(YilianApp app, HttpClient anonymous, string phone)
    {
        var sent = await anonymous.PostAsJsonAsync("/api/v1/volunteers/verification-codes", new { phone });
        sent.StatusCode.ShouldBe(HttpStatusCode.NoContent, await sent.Content.ReadAsStringAsync());
        return app.Logs.Where(l => l.Contains("SMS to") && l.Contains(phone[^4..])).Select(l => SixDigits().Match(l).Groups[1].Value).Last(v => v.Length == 6);
    }

    internal static object Body(string phone, string code, string idNumber, string community) => new
    {
        phone, code, realName = "并发志愿", idNumber, password = Password, community, skills = Array.Empty<string>(), consentToSensitiveData = true,
    };

    private static async Task<int> AccountsWithoutProfileAsync(YilianApp app, IEnumerable<string> phones)
    {
        await using var scope = SystemScope.Begin(app.Services);
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var owners = (await scope.ServiceProvider.GetRequiredService<VolunteersDbContext>().Volunteers.IgnoreQueryFilters()
            .Select(v => v.OwnerUserId).ToListAsync()).ToHashSet();
        var orphans = 0;
        foreach (var phone in phones)
        {
            if (await accounts.FindByPhoneAsync(phone, CancellationToken.None) is { } account && !owners.Contains(account.Id))
            {
                orphans++;
            }
        }

        return orphans;
    }

    [Fact]
    public async Task Fifty_People_Registering_At_Once_On_Sqlite_All_Get_Through()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        var community = await CommunityAsync(app);
        using var anonymous = app.CreateClient();
        var people = new List<(string Phone, string Code, string IdNumber)>();
        for (var i = 0; i < 50; i++)
        {
            var phone = Phone(i);
            people.Add((phone, await CodeForAsync(app, anonymous, phone), FakeChinese.IdNumber(new Random(i), community[..6], new DateOnly(1980, 1, 1).AddDays(i * 37))));
        }

        using var gate = new SemaphoreSlim(0);
        var attempts = people.Select(async p =>
        {
            await gate.WaitAsync();
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync("/api/v1/volunteers", Body(p.Phone, p.Code, p.IdNumber, community));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(people.Count);
        var answers = await Task.WhenAll(attempts);

        answers.Where(a => a.StatusCode != HttpStatusCode.Created).Select(a => $"{(int)a.StatusCode} {a.Body}").ShouldBeEmpty();
        (await AccountsWithoutProfileAsync(app, people.Select(p => p.Phone))).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_Same_Person_Registering_Twice_At_Once_Gets_One_Profile_And_Leaves_No_Account_Behind(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        var community = await CommunityAsync(app);
        using var anonymous = app.CreateClient();
        // Ten people, each registering from two phones at the same moment with the same ID number.
        var pairs = new List<((string Phone, string Code) A, (string Phone, string Code) B, string IdNumber)>();
        for (var i = 0; i < 10; i++)
        {
            var a = Phone(100 + i);
            var b = Phone(200 + i);
            pairs.Add(((a, await CodeForAsync(app, anonymous, a)), (b, await CodeForAsync(app, anonymous, b)),
                FakeChinese.IdNumber(new Random(1000 + i), community[..6], new DateOnly(1975, 6, 1).AddDays(i * 41))));
        }

        using var gate = new SemaphoreSlim(0);
        var attempts = pairs.SelectMany(p => new[] { (p.A, p.IdNumber), (p.B, p.IdNumber) }).Select(async x =>
        {
            await gate.WaitAsync();
            using var client = app.CreateClient();
            var response = await client.PostAsJsonAsync("/api/v1/volunteers", Body(x.Item1.Phone, x.Item1.Code, x.IdNumber, community));
            return (x.Item1.Phone, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(attempts.Count);
        var answers = await Task.WhenAll(attempts);

        answers.Where(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).Select(a => $"{(int)a.StatusCode} {a.Body}").ShouldBeEmpty();
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        (await AccountsWithoutProfileAsync(app, pairs.SelectMany(p => new[] { p.A.Phone, p.B.Phone }))).ShouldBe(0);

        // The phone that lost the race is free: its owner registers with their own ID number.
        var loser = answers.First(a => a.StatusCode == HttpStatusCode.Conflict).Phone;
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // a new code may be sent a minute after the last
        var again = await anonymous.PostAsJsonAsync("/api/v1/volunteers",
            Body(loser, await CodeForAsync(app, anonymous, loser), FakeChinese.IdNumber(new Random(7), community[..6], new DateOnly(1991, 2, 3)), community));
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Registration_Cut_Short_After_The_Account_Can_Be_Completed_By_The_Phones_Owner()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        var community = await CommunityAsync(app);
        const string phone = "13955550001";
        // What a crash between the two writes leaves: the account, no profile.
        await using (var scope = SystemScope.Begin(app.Services))
        {
            await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().RegisterAsync(phone, "半途", "Other-Secret-77", Roles.Volunteer, CancellationToken.None);
        }

        using var anonymous = app.CreateClient();
        var idNumber = FakeChinese.IdNumber(new Random(11), community[..6], new DateOnly(1988, 8, 8));
        var done = await anonymous.PostAsJsonAsync("/api/v1/volunteers", Body(phone, await CodeForAsync(app, anonymous, phone), idNumber, community));
        done.StatusCode.ShouldBe(HttpStatusCode.Created, await done.Content.ReadAsStringAsync());
        (await AccountsWithoutProfileAsync(app, [phone])).ShouldBe(0);
        using var volunteer = app.CreateClient();
        volunteer.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(phone, Password));
        (await volunteer.GetAsync("/api/v1/volunteers/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
