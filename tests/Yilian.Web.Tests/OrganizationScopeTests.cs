using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Data scope, validation and duplicate refusal, on every configured provider.</summary>
public sealed class OrganizationScopeTests
{
    private static async Task<List<JsonElement>> AllOrganizationsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Scope_EachRoleSeesOnlyItsPlace(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var regulator = await app.ClientAsAsync("regulator");
        using var orgAdmin = await app.ClientAsAsync("orgadmin");
        using var street = await app.ClientAsAsync("street");

        var all = await AllOrganizationsAsync(regulator);
        all.Count.ShouldBe(15);
        var byStreet = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/organizations?street=320571001000&pageSize=200");
        byStreet.GetProperty("total").GetInt32().ShouldBe(all.Count(o => o.GetProperty("regionCode").GetString()!.StartsWith("320571001", StringComparison.Ordinal)));

        var own = await AllOrganizationsAsync(orgAdmin);
        own.Count.ShouldBe(1);
        var ownId = own[0].GetProperty("id").GetString();
        var other = all.First(o => o.GetProperty("id").GetString() != ownId).GetProperty("id").GetString();
        (await orgAdmin.GetAsync($"/api/v1/organizations/{ownId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var outside = await orgAdmin.GetAsync($"/api/v1/organizations/{other}");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!.ShouldContain("数据权限");

        var me = await street.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var streetPrefix = me.GetProperty("scopes")[0].GetString()!.Split(':')[1][..9];
        var expected = all.Count(o => o.GetProperty("regionCode").GetString()!.StartsWith(streetPrefix, StringComparison.Ordinal));
        var seen = await AllOrganizationsAsync(street);
        seen.Count.ShouldBe(expected);
        seen.ShouldAllBe(o => o.GetProperty("regionCode").GetString()!.StartsWith(streetPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Register_ValidThenDuplicate_CreatesOnceAndAnswers409(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var client = await app.ClientAsAsync("regulator");
        var code = FakeChinese.CreditCode(new Random(99), '2', "320571");
        var request = new { name = "园区测试社工服务中心", creditCode = code, type = "SocialServiceAgency", regionCode = "320571002003", contactPhone = "138 1234 5678" };

        var created = await client.PostAsJsonAsync("/api/v1/organizations", request);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("contactPhone").GetString().ShouldBe("13812345678");

        var again = await client.PostAsJsonAsync("/api/v1/organizations", request with { name = "另一个名称" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain(code);
        problem.GetProperty("rule").GetString().ShouldBe("CreditCodeMustBeUnique");

        (await AllOrganizationsAsync(client)).Count(o => o.GetProperty("creditCode").GetString() == code).ShouldBe(1);

        // The write was audited with field-level values, by whom.
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityId={body.GetProperty("id").GetString()}");
        var entry = audit.GetProperty("items")[0];
        entry.GetProperty("action").GetString().ShouldBe("Created");
        entry.GetProperty("actorName").GetString().ShouldBe("regulator");
        entry.GetProperty("changes").GetString()!.ShouldContain("园区测试社工服务中心");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "name", "尖括号")]
    [InlineData("名称\u202Eevil", "name", "方向控制符")]
    [InlineData("名称\u0000", "name", "控制字符")]
    public async Task Register_HostileName_Answers400NamingTheField(string name, string field, string phrase)
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var client = await app.ClientAsAsync("regulator");
        var response = await client.PostAsJsonAsync("/api/v1/organizations",
            new { name, creditCode = "91350100M000100Y43", type = "Foundation", regionCode = "320571001001" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty(field)[0].GetString()!.ShouldContain(phrase);
        errors.GetProperty(field)[0].GetString()!.ShouldContain("组织名称");
    }

    [Fact]
    public async Task Register_BadFields_AllNamedAtOnce_NothingWritten()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var client = await app.ClientAsAsync("regulator");
        var before = (await AllOrganizationsAsync(client)).Count;
        var response = await client.PostAsJsonAsync("/api/v1/organizations",
            new { name = new string('名', 100_000), creditCode = "91350100M000100Y44", type = "Foundation", regionCode = "32057100100X", contactPhone = "12345" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("name")[0].GetString()!.ShouldContain("200");
        errors.GetProperty("creditCode")[0].GetString()!.ShouldContain("校验位");
        errors.GetProperty("regionCode")[0].GetString()!.ShouldContain("12 位");
        errors.GetProperty("contactPhone")[0].GetString()!.ShouldContain("手机");
        (await AllOrganizationsAsync(client)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Register_UnknownRegion_Answers400InEnglishWhenAsked()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var client = await app.ClientAsAsync("regulator");
        var response = await client.PostAsJsonAsync("/api/v1/organizations?culture=en",
            new { name = "Test centre", creditCode = FakeChinese.CreditCode(new Random(5), '2', "320571"), type = "Foundation", regionCode = "320571009999" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("regionCode")[0].GetString().ShouldBe("Community '320571009999' does not exist.");
    }
}
