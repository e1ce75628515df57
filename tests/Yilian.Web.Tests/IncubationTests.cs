using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

public sealed class IncubationTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Incubated_Organization_IsSeenAndAdvisedByItsMentor_ThenGraduates(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        using var orgAdmin = await app.ClientAsAsync("orgadmin");
        var orgId = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();

        // Before: the mentor sees no organization and no project.
        using (var before = await app.ClientAsAsync("mentor"))
        {
            (await before.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("total").GetInt32().ShouldBe(0);
        }

        (await op.PostAsJsonAsync("/api/v1/incubators", new { name = "娄葑街道社工站", kind = "SubPlatform", regionCode = "320571001001" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var incubator = await op.PostAsJsonAsync("/api/v1/incubators", new { name = "娄葑街道社工站", kind = "SubPlatform", regionCode = "320571001000" });
        incubator.StatusCode.ShouldBe(HttpStatusCode.Created);
        var incubatorId = incubator.Headers.Location!.ToString().Split('/')[^1];

        (await op.PostAsJsonAsync($"/api/v1/incubators/{incubatorId}/incubations", new { organizationId = orgId, steward = "mentor", mentors = new[] { "mentor" } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // a steward must be a platform operator
        var entered = await op.PostAsJsonAsync($"/api/v1/incubators/{incubatorId}/incubations", new { organizationId = orgId, steward = "operator", mentors = new[] { "mentor" } });
        entered.StatusCode.ShouldBe(HttpStatusCode.Created, await entered.Content.ReadAsStringAsync());
        var incubationId = entered.Headers.Location!.ToString().Split('/')[^1];
        (await op.PostAsJsonAsync($"/api/v1/incubators/{incubatorId}/incubations", new { organizationId = orgId, steward = "operator" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // After the next sign-in the mentor sees that organization and its projects, and nothing else.
        using var mentor = await app.ClientAsAsync("mentor");
        var visible = await mentor.GetFromJsonAsync<JsonElement>("/api/v1/organizations");
        visible.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldBe([orgId]);
        var board = await mentor.GetFromJsonAsync<JsonElement>("/api/v1/projects/board");
        board.EnumerateArray().Sum(c => c.GetProperty("total").GetInt32()).ShouldBeGreaterThan(0);

        (await mentor.PostAsJsonAsync($"/api/v1/incubations/{incubationId}/notes", new { text = "建议完善志愿者管理制度。" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await orgAdmin.PostAsJsonAsync($"/api/v1/incubations/{incubationId}/notes", new { text = "自己给自己提意见" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.PostAsync($"/api/v1/incubations/{incubationId}/graduate", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await op.PostAsync($"/api/v1/incubations/{incubationId}/graduate", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var list = await orgAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/incubations?organizationId={orgId}");
        var only = list.EnumerateArray().Single();
        only.GetProperty("status").GetString().ShouldBe("Graduated");
        only.GetProperty("notes")[0].GetProperty("text").GetString().ShouldBe("建议完善志愿者管理制度。");
        only.GetProperty("mentors").EnumerateArray().Select(m => m.GetString()).ShouldBe(["mentor"]);
    }

    [Fact]
    public async Task A_Single_Project_Enters_Incubation_Only_With_Its_Own_Organization_And_Graduates()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var op = await app.ClientAsAsync("operator");
        var orgs = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        var board = await op.GetFromJsonAsync<JsonElement>("/api/v1/projects/board");
        var card = board.EnumerateArray().SelectMany(c => c.GetProperty("cards").EnumerateArray()).First();
        var projectId = card.GetProperty("id").GetString();
        var project = await op.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}");
        var ownerId = project.GetProperty("organizationId").GetString();
        var otherId = orgs.Select(o => o.GetProperty("id").GetString()).First(id => id != ownerId);

        var incubator = await op.PostAsJsonAsync("/api/v1/incubators", new { name = "园区社会组织孵化基地", kind = "Platform" });
        var incubatorId = incubator.Headers.Location!.ToString().Split('/')[^1];

        var wrong = await op.PostAsJsonAsync($"/api/v1/incubators/{incubatorId}/incubations", new { organizationId = otherId, projectId, steward = "operator" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("所选项目不属于该机构");

        var entered = await op.PostAsJsonAsync($"/api/v1/incubators/{incubatorId}/incubations", new { organizationId = ownerId, projectId, steward = "operator" });
        entered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var incubationId = entered.Headers.Location!.ToString().Split('/')[^1];
        var listed = await op.GetFromJsonAsync<JsonElement>($"/api/v1/incubations?organizationId={ownerId}");
        listed.EnumerateArray().Single(i => i.GetProperty("id").GetString() == incubationId).GetProperty("projectId").GetString().ShouldBe(projectId);

        // The incubation page shows the project by name and graduates it from a form.
        var page = await op.GetStringAsync("/admin/incubation");
        page.ShouldContain(card.GetProperty("name").GetString()!);
        (await op.PostAsync($"/api/v1/incubations/{incubationId}/graduate", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        listed = await op.GetFromJsonAsync<JsonElement>($"/api/v1/incubations?organizationId={ownerId}");
        listed.EnumerateArray().Single(i => i.GetProperty("id").GetString() == incubationId).GetProperty("status").GetString().ShouldBe("Graduated");
    }
}
