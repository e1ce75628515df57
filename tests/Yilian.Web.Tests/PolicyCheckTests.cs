using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Publishing_A_New_Version_Changes_What_Applies_Now_But_Not_What_Was_Recorded(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?> { ["Policies:ScreenAfterImport"] = "false" });
        using var op = await app.ClientAsAsync("operator");
        using var officer = await app.ClientAsAsync("officer");
        (await ResidentScreeningTests.ImportAsync(op, "public_security", System.Text.Encoding.UTF8.GetBytes(ResidentScreeningTests.RegistryCsv()), "户籍.csv")).EnsureSuccessStatusCode();
        (await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var first = await ResidentScreeningTests.SettledAsync(op);
        first.GetProperty("policyVersions").GetProperty("senior-allowance-80").GetInt32().ShouldBe(1);
        var zhao = (await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates?policy=senior-allowance-80")).GetProperty("items").EnumerateArray().Single();

        // Version 2 raises the age to 81 from a date in the past: the current rules change, the recorded lead keeps version 1.
        var text = Yilian.Policies.Rules.ShippedPolicies.Files().Single(f => f.File == "senior-allowance-80.yaml").Text
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("      - from: 2020-01-01\n        value: 80", "      - from: 2020-01-01\n        value: 80\n      - from: 2026-01-01\n        value: 81", StringComparison.Ordinal);
        text.ShouldContain("value: 81");
        (await officer.PostAsJsonAsync("/api/v1/policies", new { text })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var published = await op.PostAsJsonAsync("/api/v1/policies", new { text });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        (await op.PostAsJsonAsync("/api/v1/policies", new { text })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // version 2 exists: never rewritten
        (await op.GetFromJsonAsync<JsonElement>("/api/v1/policies/senior-allowance-80")).GetProperty("version").GetInt32().ShouldBe(2);
        (await op.GetFromJsonAsync<JsonElement>("/api/v1/policies/senior-allowance-80?version=1")).GetProperty("version").GetInt32().ShouldBe(1);

        var recorded = await op.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{zhao.GetProperty("residentId").GetString()}/trace?policy=senior-allowance-80&version=1");
        recorded.GetProperty("outcome").GetString().ShouldBe("Yes");
        var now = await op.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{zhao.GetProperty("residentId").GetString()}/trace?policy=senior-allowance-80");
        now.GetProperty("policyVersion").GetInt32().ShouldBe(2);
        now.GetProperty("outcome").GetString().ShouldBe("No"); // 80, not 81

        (await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var second = await ResidentScreeningTests.SettledAsync(op);
        second.GetProperty("policyVersions").GetProperty("senior-allowance-80").GetInt32().ShouldBe(2);
        second.GetProperty("lapsed").GetInt32().ShouldBe(1);
        (await op.GetFromJsonAsync<JsonElement>($"/api/v1/screenings/{first.GetProperty("id").GetString()}")).GetProperty("policyVersions").GetProperty("senior-allowance-80").GetInt32().ShouldBe(1);
        var lead = (await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates?policy=senior-allowance-80")).GetProperty("items").EnumerateArray().Single();
        lead.GetProperty("policyVersion").GetInt32().ShouldBe(1);
        lead.GetProperty("status").GetString().ShouldBe("Lapsed");
    }

    [Fact]
    public async Task Contact_Details_Are_Kept_Only_With_Consent_And_The_Phone_Is_Encrypted()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var resident = app.CreateClient();
        var answers = new Dictionary<string, string[]> { ["household.registration_region"] = ["320571001001"], ["person.birth_date"] = ["1940-01-01"] };
        var refused = await resident.PostAsJsonAsync("/api/v1/policy-check/contact", new { name = "陈阿婆", phone = "13912345678", consent = false, answers });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("需要您同意");
        (await resident.PostAsJsonAsync("/api/v1/policy-check/contact", new { name = "陈阿婆", phone = "123", consent = true, answers })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var hostile = await resident.PostAsJsonAsync("/api/v1/policy-check/contact", new { name = "<script>x</script>", phone = "13912345678", consent = true, answers });
        hostile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await hostile.Content.ReadAsStringAsync()).ShouldContain("不能包含尖括号");
        using (var scope = Yilian.SharedKernel.Security.SystemScope.Begin(app.Services))
        {
            (await scope.ServiceProvider.GetRequiredService<Yilian.Policies.Data.PoliciesDbContext>().ContactRequests.CountAsync()).ShouldBe(0);
        }

        (await resident.PostAsJsonAsync("/api/v1/policy-check/contact", new { name = "陈阿婆", phone = "13912345678", consent = true, answers, community = "320571999999" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no such community
        var saved = await resident.PostAsJsonAsync("/api/v1/policy-check/contact", new { name = "陈阿婆", phone = "13912345678", consent = true, answers, community = "320571001001" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policies").EnumerateArray().Select(p => p.GetString()).ShouldContain("高龄老人尊老金");
        await using var check = Yilian.SharedKernel.Security.SystemScope.Begin(app.Services);
        var db = check.ServiceProvider.GetRequiredService<Yilian.Policies.Data.PoliciesDbContext>();
        var row = await db.ContactRequests.SingleAsync();
        row.Phone.ShouldBe("13912345678");
        row.RegionCode.ShouldBe("320571001001");
        var stored = await db.Database.SqlQueryRaw<string>("SELECT Phone AS Value FROM pol_contact_requests").SingleAsync();
        stored.ShouldNotContain("13912345678");
        stored.ShouldStartWith("v1:");

        // The community's case worker sees the request (the resident asked to be called) and marks it handled.
        using var officer = await app.ClientAsAsync("officer");
        var waiting = await officer.GetFromJsonAsync<JsonElement>("/api/v1/policy-check/contacts");
        waiting.GetArrayLength().ShouldBe(1);
        waiting[0].GetProperty("phone").GetString().ShouldBe("13912345678");
        (await officer.PostAsync($"/api/v1/policy-check/contacts/{waiting[0].GetProperty("id").GetString()}/handled", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/policy-check/contacts")).GetArrayLength().ShouldBe(0);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/policy-check/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_Demo_Brings_Households_In_Through_Department_Files_And_Screens_Them()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Policies:DemoResidents"] = "true" });
        using var op = await app.ClientAsAsync("operator");
        var runs = await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings");
        runs.EnumerateArray().ShouldContain(r => r.GetProperty("status").GetString() == "Succeeded" && r.GetProperty("residents").GetInt32() > 40);
        var all = (await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates")).GetProperty("total").GetInt32();
        all.ShouldBeGreaterThan(0);
        using var officer = await app.ClientAsAsync("officer");
        var mine = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates")).GetProperty("items").EnumerateArray().ToList();
        mine.Count.ShouldBeLessThan(all);
        mine.Select(c => c.GetProperty("regionCode").GetString()).Distinct().Count().ShouldBeLessThanOrEqualTo(1);
    }
}
