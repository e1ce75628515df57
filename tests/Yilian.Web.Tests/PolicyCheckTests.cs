using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>The anonymous self-check and policy-file validation through the API.</summary>
public sealed class PolicyCheckTests
{
    [Fact]
    public async Task A_Resident_Without_An_Account_Answers_Questions_And_Sees_What_They_May_Receive()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var resident = app.CreateClient();
        var answers = new Dictionary<string, string[]>();
        var truth = new Dictionary<string, string>
        {
            ["household.registration_region"] = "320571003018", ["person.birth_date"] = "1941-05-02", ["household.per_capita_income"] = "2000",
            ["person.disability_grade"] = "1", ["person.long_term_care_need"] = "true", ["person.special_status"] = "veteran",
            ["household.per_capita_assets"] = "10000", ["person.severe_illness"] = "false", ["household.housing_area_per_capita"] = "40",
            ["household.sudden_hardship"] = "false", ["person.disability_type"] = "physical", ["person.employment"] = "retired",
            ["person.has_supporter"] = "true", ["person.schooling"] = "none", ["household.dangerous_housing"] = "false",
        };
        JsonElement result;
        for (var i = 0; ; i++)
        {
            var response = await resident.PostAsJsonAsync("/api/v1/policy-check", new { answers, date = "2026-11-23" });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            result = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (result.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            var attribute = result.GetProperty("next").GetProperty("attribute").GetString()!;
            answers[attribute] = [truth[attribute]];
            i.ShouldBeLessThan(15);
        }

        var eligible = result.GetProperty("eligible").EnumerateArray().ToList();
        eligible.Select(e => e.GetProperty("name").GetString()).ShouldBe(["高龄老人尊老金", "重度残疾人护理补贴", "居家养老服务补贴", "长期护理保险待遇", "退役士兵定期生活补助"], ignoreOrder: true);
        eligible.ShouldAllBe(e => e.GetProperty("reasons").GetArrayLength() > 0 && e.GetProperty("documents").GetArrayLength() > 0);
        result.GetProperty("notEligible").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "minimum-living-allowance")
            .GetProperty("reasons")[0].GetString()!.ShouldContain("不符合");

        // Bad answers get clear messages.
        var bad = await resident.PostAsJsonAsync("/api/v1/policy-check", new { answers = new Dictionary<string, string[]> { ["person.salary"] = ["1"], ["household.per_capita_income"] = ["很多"] } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await bad.Content.ReadAsStringAsync();
        text.ShouldContain("没有这个问题");
        text.ShouldContain("家庭人均月收入");
    }

    [Fact]
    public async Task An_Operator_Validates_A_Policy_File_And_Gets_Each_Problem_With_Its_Line()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var op = await app.ClientAsAsync("operator");
        using var anonymous = app.CreateClient();
        const string file = "id: new-policy\nname: 新政策\napplies_to: person\ndepartment: 区民政局\nlegal_basis: 测试\nconditions:\n  all:\n    - attribute: person.agee\n      op: \">=\"\n      value: \"60\"\nbenefit:\n  kind: money\n  description: 测试\n";
        (await anonymous.PostAsJsonAsync("/api/v1/policies/validate", new { text = file })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var answer = await (await op.PostAsJsonAsync("/api/v1/policies/validate", new { text = file })).Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var problem = answer.GetProperty("problems")[0];
        problem.GetProperty("line").GetInt32().ShouldBe(8);
        problem.GetProperty("message").GetString()!.ShouldContain("是不是 person.age");
        var fixedFile = file.Replace("person.agee", "person.age", StringComparison.Ordinal);
        (await (await op.PostAsJsonAsync("/api/v1/policies/validate", new { text = fixedFile })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean().ShouldBeTrue();
        (await op.PostAsJsonAsync("/api/v1/policies/validate", new { text = new string('x', 300_000) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/policies")).GetArrayLength().ShouldBe(28);
    }
}
