using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Yilian.Testing;

using static Yilian.Web.Tests.ResidentScreeningTests;

namespace Yilian.Web.Tests;

/// <summary>
/// A district onboards its own facts and policies through the API, as an operator would with nothing but the docs: a
/// data dictionary with a department's new fact and one derived from the ID number, that department's file with the new
/// column, a policy using both with a parameter that is a multiple of another, a screening that finds the one person it
/// should, an explanation that shows the computed values, and the shipped samples retired.
/// </summary>
public sealed class DistrictFactsApiTests
{
    // An odd order code (…,11) is a man, an even one (…,22) a woman.
    private static readonly string Grandmother = Id("19400101", 22);
    private static readonly string Grandfather = Id("19400201", 11);
    private static readonly string Neighbour = Id("19450301", 42);
    private static readonly string Child = Id("20180101", 31);

    private static string Example(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", file));

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_District_Declares_Facts_Writes_A_Policy_Imports_Screens_And_Retires_The_Samples(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");

        // A dictionary with a problem is refused with its line; the real one is published.
        var broken = await op.PutAsJsonAsync("/api/v1/data-dictionary", new { text = "facts:\n  - name: person.x\n    label: 某\n    kind: money\n    formula: person.age * 2\n" });
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await broken.Content.ReadAsStringAsync()).ShouldContain("第 5 行");
        var published = await op.PutAsJsonAsync("/api/v1/data-dictionary", new { text = Example("district-dictionary.yaml") });
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var dictionary = await published.Content.ReadFromJsonAsync<JsonElement>();
        dictionary.GetProperty("version").GetInt32().ShouldBe(1);
        dictionary.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldContain("person.sex");

        var registry = "身份证号,姓名,户号,户籍地区划代码,与户主关系\n"
            + $"{Grandmother},钱奶奶,H101,320571001001,户主\n{Grandfather},钱爷爷,H101,320571001001,配偶\n{Neighbour},孙阿姨,H102,320571001001,户主\n"
            + $"{Child},孙小宝,H102,320571001001,孙子\n";
        (await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(registry), "户籍.csv", "2026-06-15")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettledAsync(op);

        // The health insurance file in its own layout: the declared column by its label, and one column nobody uses (reported back).
        var bad = await ImportAsync(op, "health_insurance", Encoding.UTF8.GetBytes(
            $"身份证号,患重特大疾病,上年度个人自付医疗费用\n{Grandmother},否,很多\n"), "医保.csv", "2026-06-20");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("不小于 0 的数字");
        var health = await ImportAsync(op, "health_insurance", Encoding.UTF8.GetBytes(
            $"身份证号,患重特大疾病,上年度个人自付医疗费用,参保险种\n{Grandmother},否,30000,城乡居民\n{Neighbour},否,30000,城乡居民\n"), "医保.csv", "2026-06-20");
        health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ignoredColumns").EnumerateArray().Single().GetString().ShouldBe("参保险种");
        var incomes = $"身份证号,就业状况,person.monthly_income\n{Grandmother},退休,800\n{Grandfather},退休,1000\n{Neighbour},退休,5000\n";
        (await ImportAsync(op, "human_resources", Encoding.UTF8.GetBytes(incomes), "人社.csv", "2026-06-20")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettledAsync(op);

        // A new department's file in its own layout and in GB18030; a value outside its mapping is refused with the allowed words.
        var gb = Encoding.GetEncoding(54936);
        var wrongWord = await ImportAsync(op, "child_welfare", gb.GetBytes($"公民身份号码,儿童类别,监护人\n{Child},3,孙阿姨\n"), "儿童.csv", "2026-06-20");
        wrongWord.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongWord.Content.ReadAsStringAsync()).ShouldContain("孤儿");
        var children = await ImportAsync(op, "child_welfare", gb.GetBytes($"公民身份号码,儿童类别,监护人\n{Child},1,孙阿姨\n"), "儿童.csv", "2026-06-20");
        children.StatusCode.ShouldBe(HttpStatusCode.OK, await children.Content.ReadAsStringAsync());
        var childResult = await children.Content.ReadFromJsonAsync<JsonElement>();
        childResult.GetProperty("encoding").GetString().ShouldBe("GB18030");
        childResult.GetProperty("ignoredColumns").EnumerateArray().Single().GetString().ShouldBe("监护人");

        // A file keyed by household number: an unregistered household is named; a registered one gets its facts.
        var unknownHousehold = await ImportAsync(op, "housing", Encoding.UTF8.GetBytes("户号,人均建筑面积,危房鉴定\nH999,12,1\n"), "住建.csv");
        (await unknownHousehold.Content.ReadAsStringAsync()).ShouldContain("户号“H999”尚未登记");
        var housing = await ImportAsync(op, "housing", Encoding.UTF8.GetBytes("户号,人均建筑面积,危房鉴定\nH101,12.5,1\n"), "住建.csv", "2026-06-20");
        housing.StatusCode.ShouldBe(HttpStatusCode.OK, await housing.Content.ReadAsStringAsync());
        await SettledAsync(op);
        var child = await op.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = Child, date = "2026-11-23" });
        var childId = (await child.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("residentId").GetString();
        var orphan = await op.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{childId}/trace?policy=orphan-basic-living&date=2026-11-23");
        orphan.GetProperty("trace").EnumerateArray().ShouldContain(t => t.GetProperty("text").GetString()!.Contains("孤儿", StringComparison.Ordinal)
            && t.GetProperty("outcome").GetString() == "Yes");
        var grandma = await op.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = Grandmother, date = "2026-11-23" });
        var grandmaId = (await grandma.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("residentId").GetString();
        var house = await op.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{grandmaId}/trace?policy=dangerous-housing-renovation&date=2026-11-23");
        house.GetProperty("trace").EnumerateArray().ShouldContain(t => t.GetProperty("text").GetString()!.Contains("危房", StringComparison.Ordinal)
            && t.GetProperty("outcome").GetString() == "Yes", house.ToString());

        var policy = await op.PostAsJsonAsync("/api/v1/policies", new { text = Example("elderly-women-medical.yaml") });
        policy.StatusCode.ShouldBe(HttpStatusCode.Created, await policy.Content.ReadAsStringAsync());

        // The samples are retired — all but those others still refer to, which must go after them.
        var samples = (await op.GetFromJsonAsync<JsonElement>("/api/v1/policies")).EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()!).Where(id => id != "elderly-women-medical").ToList();
        var inUse = await op.PostAsJsonAsync("/api/v1/policies/employment-difficulty-assistance/retire", new { note = "本区暂不使用" });
        inUse.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await inUse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().ShouldBe("PolicyInUse");
        for (var pass = 0; pass < 5 && samples.Count > 0; pass++)
        {
            foreach (var id in samples.ToList())
            {
                var retired = await op.PostAsJsonAsync($"/api/v1/policies/{id}/retire", new { note = "本区暂不使用" });
                if (retired.StatusCode == HttpStatusCode.OK)
                {
                    samples.Remove(id);
                }
            }
        }

        samples.ShouldBeEmpty();
        var inForce = (await op.GetFromJsonAsync<JsonElement>("/api/v1/policies")).EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        inForce.ShouldBe(["elderly-women-medical"]);

        (await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full", date = "2026-11-23" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await SettledAsync(op);
        run.GetProperty("status").GetString().ShouldBe("Succeeded", run.ToString());
        run.GetProperty("parameterDates").GetProperty("elderly-women-medical").GetProperty("spending_limit").GetString().ShouldBe("2026-07-01");

        // The grandmother: a woman (even order code), 30,000 ≥ 24 × 1,150, household income 1,800 over 2 members = 900 < 1,150.
        // The neighbour spends as much but earns 5,000 alone; the grandfather is a man.
        // Leads the samples found before they were retired lapse at this full run (nobody had followed them up).
        var all = (await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates")).GetProperty("items").EnumerateArray().ToList();
        all.Where(c => c.GetProperty("policyId").GetString() == "senior-allowance-80").Select(c => c.GetProperty("status").GetString())
            .ShouldBe(["Lapsed", "Lapsed", "Lapsed"]);
        var candidates = all.Where(c => c.GetProperty("policyId").GetString() == "elderly-women-medical").ToList();
        candidates.Select(c => c.GetProperty("name").GetString()).ShouldBe(["钱*奶"]);

        var trace = await op.GetFromJsonAsync<JsonElement>(
            $"/api/v1/residents/{candidates[0].GetProperty("residentId").GetString()}/trace?policy=elderly-women-medical&date=2026-11-23");
        var lines = trace.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("text").GetString() + " " + t.GetProperty("source").GetString()).ToList();
        lines.ShouldContain(l => l.Contains('女', StringComparison.Ordinal) && l.Contains("按公式计算", StringComparison.Ordinal), string.Join("\n", lines));
        lines.ShouldContain(l => l.Contains("900.00", StringComparison.Ordinal), string.Join("\n", lines));
        // The case worker's check of one resident by ID number reads the district's declared facts as screening does.
        var lookup = await op.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = Grandmother, date = "2026-11-23" });
        lookup.StatusCode.ShouldBe(HttpStatusCode.OK, await lookup.Content.ReadAsStringAsync());
        (await lookup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("policies").EnumerateArray()
            .Single(p => p.GetProperty("policyId").GetString() == "elderly-women-medical").GetProperty("outcome").GetString().ShouldBe("Yes");

        // Results for those entitled to them: the community's case worker gets full ID numbers, the regulator masked ones;
        // one row per person and policy with what decided it; each export in the audit trail.
        using var officer = await app.ClientAsAsync("officer");
        var mine = await ExportedAsync(officer);
        mine.Single()["身份证号"].ShouldBe(Grandmother);
        mine.Single()["姓名"].ShouldBe("钱奶奶");
        mine.Single()["测算待遇（元）"].ToString().ShouldBe("3000"); // 86 years old: the first tier
        mine.Single()["符合的条件"].ToString()!.ShouldContain("性别");
        mine.Single()["数据来源部门"].ToString()!.ShouldContain("医保");
        using var regulator = await app.ClientAsAsync("regulator");
        var masked = await ExportedAsync(regulator);
        masked.Single()["身份证号"].ToString().ShouldNotBe(Grandmother);
        masked.Single()["身份证号"].ToString()!.ShouldContain('*');
        var audit = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=ResultExport");
        audit.GetProperty("total").GetInt32().ShouldBe(2);

        // Each import is one audit entry with the file's hash and row counts, not one per resident or fact.
        var imports = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=ImportBatch");
        imports.GetProperty("total").GetInt32().ShouldBe(5);
        var registryHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(registry)));
        imports.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("changes").GetString()!.Contains(registryHash, StringComparison.Ordinal));
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=Resident")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Departments_Own_Layout_Is_Built_From_Its_First_Rows_Saved_Into_The_Dictionary_And_Reused(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?> { ["Policies:ScreenAfterImport"] = "false" });
        using var op = await app.ClientAsAsync("operator");
        (await op.PutAsJsonAsync("/api/v1/data-dictionary", new { text = Example("district-dictionary.yaml") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var registry = $"身份证号,姓名,户号,户籍地区划代码\n{Grandmother},钱奶奶,H101,320571001001\n{Neighbour},孙阿姨,H102,320571001001\n";
        (await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(registry), "户籍.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Civil affairs sends its own export, in GB18030: the builder reads its first rows and suggests what each column means.
        var civil = Encoding.GetEncoding(54936).GetBytes(
            $"证件号码,人员类别,月人均收入,备注\n{Grandmother},分散供养特困,800,无\n{Neighbour},低保,1200,\n");
        var suggested = await SuggestAsync(op, "civil_affairs", civil);
        suggested.GetProperty("sample").GetProperty("encoding").GetString().ShouldBe("GB18030");
        var columns = suggested.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("header").GetString()!);
        columns["证件号码"].GetProperty("target").GetString().ShouldBe("id");
        columns["月人均收入"].GetProperty("target").GetString().ShouldBe("household.per_capita_income");
        columns["月人均收入"].GetProperty("reason").GetString()!.ShouldContain("家庭人均月收入");
        columns["备注"].GetProperty("target").GetString().ShouldBe("ignore");
        // 人员类别 is not close to any label, so the required 特殊身份 is unmapped — said before anything is saved.
        columns["人员类别"].GetProperty("target").GetString().ShouldBe("ignore");
        suggested.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetString()!.Contains("特殊身份", StringComparison.Ordinal));

        // Saving with the required fact unmapped is refused; mapped, with the department's word re-worded, it is saved as a new version.
        var layout = new Dictionary<string, string> { ["证件号码"] = "id", ["月人均收入"] = "household.per_capita_income", ["备注"] = "ignore" };
        var unmapped = await op.PutAsJsonAsync("/api/v1/data-dictionary/mappings/civil_affairs", new { householdKeyed = false, columns = layout });
        unmapped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unmapped.Content.ReadAsStringAsync()).ShouldContain("特殊身份");
        layout["人员类别"] = "person.special_status";
        var saved = await op.PutAsJsonAsync("/api/v1/data-dictionary/mappings/civil_affairs", new
        {
            householdKeyed = false, columns = layout,
            values = new Dictionary<string, Dictionary<string, string>> { ["person.special_status"] = new() { ["分散供养特困"] = "tekun" } },
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var text = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString()!;
        text.ShouldContain("# A department the product does not know"); // the rest of the dictionary kept as written
        text.ShouldContain("\"证件号码\": \"id\"");

        // The file now imports as it came; next month the builder remembers the layout.
        var imported = await ImportAsync(op, "civil_affairs", civil, "民政.csv");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ignoredColumns").EnumerateArray().Single().GetString().ShouldBe("备注");
        var again = (await SuggestAsync(op, "civil_affairs", civil)).GetProperty("columns").EnumerateArray().First();
        again.GetProperty("reason").GetString().ShouldBe("上次保存的映射");
        (await SuggestAsync(op, "civil_affairs", civil)).GetProperty("problems").GetArrayLength().ShouldBe(0);

        // Saving the same department again replaces its entry rather than adding a second one.
        (await op.PutAsJsonAsync("/api/v1/data-dictionary/mappings/civil_affairs", new
        {
            householdKeyed = false, columns = layout,
            values = new Dictionary<string, Dictionary<string, string>> { ["person.special_status"] = new() { ["分散供养特困"] = "tekun" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var latest = (await op.GetFromJsonAsync<JsonElement>("/api/v1/data-dictionary")).GetProperty("text").GetString()!;
        latest.Split("code: \"civil_affairs\"").Length.ShouldBe(2);

        // Bad input: an unknown department lists the codes; a new one needs a name; a file that is not a table is refused.
        (await (await SuggestResponseAsync(op, "nowhere", civil)).Content.ReadAsStringAsync()).ShouldContain("public_security（公安户籍）");
        var nameless = await op.PutAsJsonAsync("/api/v1/data-dictionary/mappings/orphans", new { householdKeyed = false, columns = layout });
        nameless.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Named, the new department is declared as data: it is listed among the importing departments and its file imports.
        var declared = await op.PutAsJsonAsync("/api/v1/data-dictionary/mappings/orphans", new
        {
            name = "区儿童福利院", householdKeyed = false,
            columns = new Dictionary<string, string> { ["证件号码"] = "id", ["人员类别"] = "person.special_status", ["备注"] = "ignore" },
            values = new Dictionary<string, Dictionary<string, string>> { ["person.special_status"] = new() { ["分散供养特困"] = "tekun", ["低保"] = "dibao" } },
        });
        declared.StatusCode.ShouldBe(HttpStatusCode.OK, await declared.Content.ReadAsStringAsync());
        (await op.GetFromJsonAsync<JsonElement>("/api/v1/resident-imports/departments")).EnumerateArray()
            .ShouldContain(d => d.GetProperty("code").GetString() == "orphans" && d.GetProperty("name").GetString() == "区儿童福利院");
        var fromOrphans = await ImportAsync(op, "orphans", civil, "福利院.csv");
        fromOrphans.StatusCode.ShouldBe(HttpStatusCode.OK, await fromOrphans.Content.ReadAsStringAsync());
        (await SuggestResponseAsync(op, "civil_affairs", [0x00, 0x01, 0x02, 0x03])).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        using var officer = await app.ClientAsAsync("officer");
        (await SuggestResponseAsync(officer, "civil_affairs", civil)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Problem_Past_The_First_Chunk_Undoes_The_Chunks_Already_Written(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?> { ["Policies:ScreenAfterImport"] = "false" });
        using var op = await app.ClientAsAsync("operator");
        // 5,000 people: the import writes them 4,000 at a time, so the first chunk is in the database before row 4,602 is read.
        var people = Enumerable.Range(0, 5000).Select(i => Id($"{1940 + i / 900}0101", i % 900 + 1)).ToList();
        string Registry(Func<int, string> id) => "身份证号,姓名,户号,户籍地区划代码\n"
            + string.Concat(people.Select((_, i) => $"{id(i)},居民,H{i / 3:00000},320571001001\n"));
        var broken = Registry(i => i == 4600 ? people[i][..17] + (people[i][17] == '1' ? '2' : '1') : people[i]);
        var refused = await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(broken), "户籍.csv");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = await refused.Content.ReadAsStringAsync();
        message.ShouldContain("第 4602 行：身份证号校验位不正确");
        message.ShouldContain("未导入任何数据");

        // Nothing of the first 4,000 stayed: a department's file naming the first person finds nobody registered.
        var health = await ImportAsync(op, "health_insurance", Encoding.UTF8.GetBytes($"身份证号,患重特大疾病\n{people[0]},是\n"), "医保.csv");
        (await health.Content.ReadAsStringAsync()).ShouldContain("第 2 行：此人不在户籍数据中");

        var whole = await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(Registry(i => people[i])), "户籍.csv");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK, await whole.Content.ReadAsStringAsync());
        var result = await whole.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("residentsCreated").GetInt32().ShouldBe(5000);
        result.GetProperty("householdsChanged").GetInt32().ShouldBe(1667);
        (await ImportAsync(op, "health_insurance", Encoding.UTF8.GetBytes($"身份证号,患重特大疾病\n{people[0]},是\n{people[4999]},否\n"), "医保.csv"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> SuggestAsync(HttpClient client, string department, byte[] file)
    {
        var response = await SuggestResponseAsync(client, department, file);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> SuggestResponseAsync(HttpClient client, string department, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new StringContent(department), "department" }, { new ByteArrayContent(file), "file", "民政.csv" } };
        return await client.PostAsync("/api/v1/data-dictionary/mappings/suggest", form);
    }

    private static async Task<List<IDictionary<string, object>>> ExportedAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/screenings/candidates/export?policy=elderly-women-medical");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()];
    }
}
