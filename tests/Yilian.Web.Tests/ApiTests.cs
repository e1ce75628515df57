using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>HTTP conventions: health, OpenAPI, tokens, problem details, bad input.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Health_AliveAndReady_Answer200()
    {
        using var client = _app.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/healthz/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheApi()
    {
        using var client = _app.CreateClient();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        doc.ShouldContain("/api/v1/auth/token");
        doc.ShouldContain("/api/v1/organizations/{id}");
        (await client.GetAsync("/api/docs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_ValidCredentials_GivesBearerTokenThatWorks()
    {
        using var client = await _app.ClientAsAsync("regulator");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("userName").GetString().ShouldBe("regulator");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain("Regulator");
    }

    [Fact]
    public async Task Token_WrongPassword_Answers401ProblemInChinese()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "operator", password = "Wrong-pass-1" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldStartWith("用户名或密码不正确。");
    }

    [Fact]
    public async Task Api_TamperedOrMissingToken_Answers401()
    {
        using var client = _app.CreateClient();
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var token = await _app.TokenAsync("regulator");
        var tampered = token[..^6] + (token[^6] == 'A' ? "B" : "A") + token[^5..];
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_MalformedJson_Answers400Problem()
    {
        using var client = await _app.ClientAsAsync("regulator");
        var response = await client.PostAsync("/api/v1/organizations", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("请求格式不正确。");
    }

    [Fact]
    public async Task Audit_NonRegulator_IsForbidden()
    {
        using var client = await _app.ClientAsAsync("orgadmin");
        (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Regions_TreeHasFiveStreetsAndAbout180Communities()
    {
        using var client = await _app.ClientAsAsync("operator");
        var top = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions");
        var district = top.EnumerateArray().Single();
        district.GetProperty("code").GetString().ShouldBe("320571000000");
        var streets = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?parent=320571000000");
        streets.GetArrayLength().ShouldBe(5);
        var communities = streets.EnumerateArray().Sum(s => s.GetProperty("childCount").GetInt32());
        communities.ShouldBeInRange(170, 190);
        streets.EnumerateArray().ShouldAllBe(s => s.GetProperty("isInvented").GetBoolean());
        (await client.GetAsync("/api/v1/regions/999999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Times_AreWrittenWithChinaOffset()
    {
        using var client = await _app.ClientAsAsync("regulator");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1");
        page.GetProperty("items")[0].GetProperty("createdAt").GetString()!.ShouldEndWith("+08:00");
        page.GetProperty("pageSize").GetInt32().ShouldBe(1);
        page.TryGetProperty("total", out _).ShouldBeTrue();
    }
}

public sealed class SeedTests
{
    [Fact]
    public async Task DemoSeed_SameSeed_GivesSameOrganizations()
    {
        await using var first = await YilianApp.StartAsync(Databases.Sqlite);
        await using var second = await YilianApp.StartAsync(Databases.Sqlite);
        static async Task<string[]> CodesAsync(YilianApp app)
        {
            using var client = await app.ClientAsAsync("regulator");
            var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=200");
            return [.. page.GetProperty("items").EnumerateArray().Select(o => $"{o.GetProperty("id")}|{o.GetProperty("creditCode")}|{o.GetProperty("name")}|{o.GetProperty("createdAt")}").Order()];
        }

        var a = await CodesAsync(first);
        a.Length.ShouldBe(15);
        a.ShouldBe(await CodesAsync(second));
        a.ShouldAllBe(line => Yilian.SharedKernel.Identifiers.CreditCode.Validate(line.Split('|', StringSplitOptions.None)[1]) == Yilian.SharedKernel.Identifiers.CreditCodeError.None);
    }
}

public sealed class EmptyErrorTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApiErrorsWithoutBody_BecomeProblemDetails_NotPages()
    {
        using var anon = _app.CreateClient();
        var unauthorized = await anon.PostAsync("/api/v1/workflows", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unauthorized.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var staff = await _app.ClientAsAsync("orgstaff");
        var forbidden = await staff.GetAsync("/api/v1/audit");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var missing = await staff.GetAsync("/api/v1/no-such-thing");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var page = await anon.GetAsync("/no-such-page");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }
}
