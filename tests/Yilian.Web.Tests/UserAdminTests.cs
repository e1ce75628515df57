using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

public sealed class UserAdminTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_StreetOfficer_SeesOnlyThatStreet()
    {
        using var op = await _app.ClientAsAsync("operator");
        var created = await op.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "xt.officer", displayName = "斜塘街道 钱工", password = "Gx7-tree-lamp", role = "CommunityOfficer", scope = "Street", regionCode = "320571002000",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var token = await _app.TokenAsync("xt.officer", "Gx7-tree-lamp");
        using var officer = _app.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var orgs = await officer.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=200");
        orgs.GetProperty("items").EnumerateArray().ShouldAllBe(o => o.GetProperty("regionCode").GetString()!.StartsWith("320571002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_OrgStaffBoundByCreditCode()
    {
        using var op = await _app.ClientAsAsync("operator");
        var org = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1")).GetProperty("items")[0];
        var created = await op.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "new.staff", displayName = "新社工", password = "Gx7-tree-lamp", role = "OrgStaff", scope = "Organization",
            organizationCreditCode = org.GetProperty("creditCode").GetString(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var staff = _app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", await _app.TokenAsync("new.staff", "Gx7-tree-lamp"));
        var seen = await staff.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        seen.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString().ShouldBe(org.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("OrgAdmin", "District", "320571000000", "rule")]
    [InlineData("CommunityOfficer", "Street", "320571001001", "regionCode")]
    [InlineData("Regulator", "District", "110105000000", "regionCode")]
    public async Task Create_ScopeThatDoesNotFit_IsRefused(string role, string scope, string region, string problem)
    {
        using var op = await _app.ClientAsAsync("operator");
        var response = await op.PostAsJsonAsync("/api/v1/users", new { userName = "bad.scope", displayName = "某人", password = "Gx7-tree-lamp", role, scope, regionCode = region });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (problem == "rule")
        {
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            body.GetProperty("rule").GetString().ShouldBe("ScopeMustFitRole");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            body.GetProperty("errors").TryGetProperty(problem, out _).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Create_WeakPasswordOrTakenName_NamesTheField()
    {
        using var op = await _app.ClientAsAsync("operator");
        var weak = await op.PostAsJsonAsync("/api/v1/users", new { userName = "weak.one", displayName = "某人", password = "P@ssw0rd1", role = "Volunteer", scope = "Self" });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password")[0].GetString()!.ShouldContain("常见");

        var taken = await op.PostAsJsonAsync("/api/v1/users", new { userName = "regulator", displayName = "某人", password = "Gx7-tree-lamp", role = "Volunteer", scope = "Self" });
        taken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("userName")[0].GetString().ShouldBe("该用户名已被使用。");

        var badName = await op.PostAsJsonAsync("/api/v1/users", new { userName = "有 空格", displayName = "某人", password = "Gx7-tree-lamp", role = "Volunteer", scope = "Self" });
        (await badName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("userName")[0].GetString()!.ShouldContain("3–64");
    }

    [Fact]
    public async Task Unlock_LetsALockedUserSignInAgain()
    {
        using var anon = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer", password = "Wrong-pass-1" });
        }

        using var op = await _app.ClientAsAsync("operator");
        var users = await op.GetFromJsonAsync<JsonElement>("/api/v1/users?q=officer");
        var officer = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "officer");
        officer.GetProperty("isLockedOut").GetBoolean().ShouldBeTrue();
        (await op.PostAsync($"/api/v1/users/{officer.GetProperty("id").GetString()}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _app.TokenAsync("officer")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Users_AreForOperatorsOnly()
    {
        using var staff = await _app.ClientAsAsync("orgadmin");
        (await staff.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
