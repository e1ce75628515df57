using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

using Yilian.SharedKernel.Identifiers;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// 政策找人 through the API: departments' files (UTF-8, GBK, Excel) merged into residents and households,
/// a screening that finds who qualifies but does not receive, explanations with the department behind each
/// value, the case worker's follow-up within their community, and an incremental run after a data change.
/// </summary>
public sealed class ResidentScreeningTests
{
    static ResidentScreeningTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal static string Id(string birth, int sequence, string region = "320571")
    {
        var first17 = $"{region}{birth}{sequence:000}";
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }

    internal static readonly string ZhangWei = Id("19500101", 11);
    internal static readonly string LiFang = Id("19520301", 22);
    internal static readonly string WangQiang = Id("19800505", 33);
    internal static readonly string ZhaoLi = Id("19460701", 44);

    internal static string RegistryCsv() =>
        "身份证号,姓名,户号,户籍地区划代码,与户主关系\n" +
        $"{ZhangWei},张伟,H001,320571001001,户主\n{LiFang},李芳,H001,320571001001,配偶\n" +
        $"{WangQiang},王强,H002,320571002001,户主\n{ZhaoLi},赵丽,H003,320571001001,户主\n";

    internal static string CivilAffairsCsv(decimal zhangIncome = 900) =>
        "身份证号,特殊身份,家庭人均月收入,家庭人均金融资产,拥有机动车,有赡养人,正在享受政策\n" +
        $"{ZhangWei},,{zhangIncome},5000,否,否,\n{WangQiang},低保,1000,1000,否,,最低生活保障\n";

    internal static byte[] DisabledFederationXlsx()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["身份证号"] = ZhaoLi, ["残疾类别"] = "肢体", ["残疾等级"] = "一级", ["需要长期照护"] = "是" } });
        return stream.ToArray();
    }

    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string department, byte[] content, string fileName, string? asOf = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(department), "department" }, { new ByteArrayContent(content), "file", fileName } };
        if (asOf is not null)
        {
            form.Add(new StringContent(asOf), "asOf");
        }

        return await client.PostAsync("/api/v1/resident-imports", form);
    }

    /// <summary>Waits until no run is under way and returns the latest.</summary>
    internal static async Task<JsonElement> SettledAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>("/api/v1/screenings");
            if (runs.GetArrayLength() > 0 && runs.EnumerateArray().All(r => r.GetProperty("status").GetString() != "Running"))
            {
                return runs[0];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("A screening run did not finish.");
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Departments_Files_Are_Merged_Screened_Explained_And_Followed_Up(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var op = await app.ClientAsAsync("operator");
        var gbk = Encoding.GetEncoding(936);

        var registry = await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(RegistryCsv()), "户籍.csv", "2026-06-15");
        registry.StatusCode.ShouldBe(HttpStatusCode.OK, await registry.Content.ReadAsStringAsync());
        var imported = await registry.Content.ReadFromJsonAsync<JsonElement>();
        imported.GetProperty("residentsCreated").GetInt32().ShouldBe(4);
        imported.GetProperty("encoding").GetString().ShouldBe("UTF-8");
        await SettledAsync(op);

        var civil = await ImportAsync(op, "civil_affairs", gbk.GetBytes(CivilAffairsCsv()), "民政.csv", "2026-06-20");
        civil.StatusCode.ShouldBe(HttpStatusCode.OK, await civil.Content.ReadAsStringAsync());
        (await civil.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("encoding").GetString().ShouldBe("GB18030");
        await SettledAsync(op);
        (await ImportAsync(op, "disabled_federation", DisabledFederationXlsx(), "残联.xlsx", "2026-06-20")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettledAsync(op);
        // The health insurance bureau says otherwise about long-term care, earlier: kept and flagged, the later report in force.
        var health = await ImportAsync(op, "health_insurance", Encoding.UTF8.GetBytes($"身份证号,患重特大疾病,需要长期照护\n{ZhaoLi},否,否\n"), "医保.csv", "2026-06-01");
        (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflicts").GetInt32().ShouldBe(1);
        await SettledAsync(op);

        var start = await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full" });
        start.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await SettledAsync(op);
        run.GetProperty("status").GetString().ShouldBe("Succeeded");
        run.GetProperty("kind").GetString().ShouldBe("Full");
        run.GetProperty("residents").GetInt32().ShouldBe(4);
        run.GetProperty("policyVersions").GetProperty("minimum-living-allowance").GetInt32().ShouldBe(1);
        run.GetProperty("parameterDates").GetProperty("minimum-living-allowance").GetProperty("minimum_living_standard").GetString().ShouldBe("2026-07-01");

        var all = await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates");
        var found = all.GetProperty("items").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("policyId").GetString()}").Order().ToList();
        found.ShouldBe(new[]
        {
            "张*:extreme-poverty-support", "张*:minimum-living-allowance", // household policy: once, on the head
            "王*:medical-assistance", // already receives the minimum living allowance: not listed for it
            "赵*:home-care-service-subsidy", "赵*:long-term-care-insurance", "赵*:senior-allowance-80", "赵*:severe-disability-care-subsidy",
        }.Order().ToList(), string.Join(", ", found));

        // The explanation names each value's department and date; the disagreement is shown.
        var zhang = all.GetProperty("items").EnumerateArray().First(c => c.GetProperty("policyId").GetString() == "minimum-living-allowance");
        var trace = await op.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{zhang.GetProperty("residentId").GetString()}/trace?policy=minimum-living-allowance");
        trace.GetProperty("outcome").GetString().ShouldBe("Yes");
        trace.GetProperty("trace").EnumerateArray().ShouldContain(t => t.GetProperty("text").GetString()!.Contains("家庭人均月收入 900.00 元") && t.GetProperty("source").GetString()!.Contains("民政（2026 年 6 月 20 日）"));
        var zhao = all.GetProperty("items").EnumerateArray().First(c => c.GetProperty("policyId").GetString() == "long-term-care-insurance");
        var care = await op.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{zhao.GetProperty("residentId").GetString()}/trace?policy=long-term-care-insurance");
        care.GetProperty("conflicts").EnumerateArray().ShouldContain(c => c.GetString()!.Contains("需要长期照护") && c.GetString()!.Contains("医保") && c.GetString()!.Contains("残联"));

        // The community officer sees only their community's people, and closes one.
        using var officer = await app.ClientAsAsync("officer");
        var mine = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates")).GetProperty("items").EnumerateArray().ToList();
        mine.Count.ShouldBe(6);
        mine.ShouldAllBe(c => c.GetProperty("regionCode").GetString() == "320571001001");
        var poverty = mine.Single(c => c.GetProperty("policyId").GetString() == "extreme-poverty-support").GetProperty("id").GetString();
        (await officer.PostAsJsonAsync($"/api/v1/screenings/candidates/{poverty}/outcome", new { status = "Declined" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // a reason is required
        (await officer.PostAsJsonAsync($"/api/v1/screenings/candidates/{poverty}/outcome", new { status = "Declined", note = "本人\u202E放弃" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no direction overrides
        var closed = await officer.PostAsJsonAsync($"/api/v1/screenings/candidates/{poverty}/outcome", new { status = "Applied", note = "已上门，协助提交特困申请" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Applied");
        (await officer.PostAsJsonAsync($"/api/v1/screenings/candidates/{poverty}/outcome", new { status = "Contacted" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Taking a lead on (认领): the holder alone records its follow-up; others see who holds it; it can be let go.
        var open = mine.Where(c => c.GetProperty("id").GetString() != poverty).Select(c => c.GetProperty("id").GetString()!).ToList();
        var claimed = await (await officer.PostAsync($"/api/v1/screenings/candidates/{open[0]}/claim", null)).Content.ReadFromJsonAsync<JsonElement>();
        claimed.GetProperty("assignedToMe").GetBoolean().ShouldBeTrue();
        claimed.GetProperty("assignedToName").GetString().ShouldNotBeNullOrEmpty();
        (await officer.PostAsync($"/api/v1/screenings/candidates/{open[0]}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // again: harmless
        var taken = await op.PostAsJsonAsync($"/api/v1/screenings/candidates/{open[0]}/outcome", new { status = "Contacted" });
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await taken.Content.ReadAsStringAsync()).ShouldContain(claimed.GetProperty("assignedToName").GetString()!);
        (await op.PostAsync($"/api/v1/screenings/candidates/{open[0]}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var mineOnly = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates?assigned=mine")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        mineOnly.ShouldBe([open[0]]);
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates?assigned=none")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("id").GetString() == open[0]);
        (await officer.DeleteAsync($"/api/v1/screenings/candidates/{open[0]}/claim")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await op.PostAsync($"/api/v1/screenings/candidates/{open[0]}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.DeleteAsync($"/api/v1/screenings/candidates/{open[0]}/claim")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // not the officer's to let go
        (await op.DeleteAsync($"/api/v1/screenings/candidates/{open[0]}/claim")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Two workers claiming the same lead at the same moment: one holds it.
        using var street = await app.ClientAsAsync("street");
        var race = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? officer : street).PostAsync($"/api/v1/screenings/candidates/{open[1]}/claim", null)));
        var holders = await Task.WhenAll(race.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        holders.Select(h => h.GetProperty("assignedToName").GetString()).Distinct().Count().ShouldBe(1);
        race.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(6 - holders.Length);
        (await officer.DeleteAsync($"/api/v1/screenings/candidates/{open[1]}/claim")).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
        (await street.DeleteAsync($"/api/v1/screenings/candidates/{open[1]}/claim")).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
        // The street's case worker hands a lead to the community's (转派): the community worker holds it and is told; a community
        // worker cannot hand leads out, and a lead goes only to a case worker of its community or street.
        var workers = await street.GetFromJsonAsync<JsonElement>($"/api/v1/screenings/candidates/{open[2]}/workers");
        var officerAccount = workers.EnumerateArray().Single(w => w.GetProperty("userName").GetString() == "officer").GetProperty("id").GetString();
        workers.EnumerateArray().ShouldContain(w => w.GetProperty("userName").GetString() == "street");
        (await officer.PutAsJsonAsync($"/api/v1/screenings/candidates/{open[2]}/assignee", new { workerId = officerAccount })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await street.PutAsJsonAsync($"/api/v1/screenings/candidates/{open[2]}/assignee", new { workerId = "not-a-worker" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var assigned = await street.PutAsJsonAsync($"/api/v1/screenings/candidates/{open[2]}/assignee", new { workerId = officerAccount });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignedToName").GetString()!.ShouldContain("吴静");
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates?assigned=mine")).GetProperty("items").EnumerateArray()
            .ShouldContain(c => c.GetProperty("id").GetString() == open[2]);
        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray().ShouldContain(n => n.GetProperty("title").GetString() == "新的政策找人线索");
        (await officer.DeleteAsync($"/api/v1/screenings/candidates/{open[2]}/claim")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Looking a resident up by ID number: every policy with its outcome and trace, within the officer's community only.
        var check = await (await officer.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = ZhaoLi })).Content.ReadFromJsonAsync<JsonElement>();
        check.GetProperty("name").GetString().ShouldBe("赵*");
        check.GetProperty("idNumber").GetString()!.ShouldNotContain(ZhaoLi[6..14]);
        var outcomes = check.GetProperty("policies").EnumerateArray().ToDictionary(p => p.GetProperty("policyId").GetString()!, p => p.GetProperty("outcome").GetString());
        outcomes.Count.ShouldBe(28);
        outcomes["senior-allowance-80"].ShouldBe("Yes");
        outcomes["minimum-living-allowance"].ShouldBe("Unknown"); // no income on record for her household
        outcomes["orphan-basic-living"].ShouldBe("No");
        (await officer.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = WangQiang })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = WangQiang[..17] + "0" })).StatusCode.ShouldBe(WangQiang[17] == '0' ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        // The numbers travel in bodies, so no request line or message in the log carries them.
        app.Logs.ShouldNotContain(l => l.Contains(ZhaoLi) || l.Contains(WangQiang));
        var wang = all.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("policyId").GetString() == "medical-assistance").GetProperty("id").GetString();
        (await officer.PostAsJsonAsync($"/api/v1/screenings/candidates/{wang}/outcome", new { status = "Contacted" })).StatusCode.ShouldBe(HttpStatusCode.NotFound); // another street

        // Zhang's household income rises: only that household is screened again; the open lead lapses, a new one appears, the closed one stays.
        var snapshots = Path.Combine(app.DataDirectory, "snapshots");
        var before = Directory.GetFiles(snapshots);
        before.Length.ShouldBe(1, "the first full run kept a snapshot");
        (await ImportAsync(op, "civil_affairs", gbk.GetBytes(CivilAffairsCsv(zhangIncome: 1500)), "民政-更新.csv", "2026-06-25")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var incremental = await SettledAsync(op);
        incremental.GetProperty("kind").GetString().ShouldBe("Incremental");
        incremental.GetProperty("households").GetInt32().ShouldBe(2); // the civil file names two households
        incremental.GetProperty("new").GetInt32().ShouldBe(1);
        incremental.GetProperty("lapsed").GetInt32().ShouldBe(1);
        var after = (await op.GetFromJsonAsync<JsonElement>("/api/v1/screenings/candidates")).GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == "张*").ToDictionary(c => c.GetProperty("policyId").GetString()!, c => c.GetProperty("status").GetString());
        after["minimum-living-allowance"].ShouldBe("Lapsed");
        after["extreme-poverty-support"].ShouldBe("Applied");
        after["low-income-marginal"].ShouldBe("Open");

        // The incremental run brought the snapshot up to date (the two households read again put in place of theirs), so the
        // next full run reads that, not the database nor the first run's snapshot: it finds nothing to add or lapse.
        var kept = Directory.GetFiles(snapshots);
        kept.Length.ShouldBe(1);
        kept[0].ShouldNotBe(before[0]);
        (await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var full = await SettledAsync(op);
        full.GetProperty("kind").GetString().ShouldBe("Full");
        full.GetProperty("new").GetInt32().ShouldBe(0);
        full.GetProperty("lapsed").GetInt32().ShouldBe(0);
        // And again, from the snapshot that run kept: the same answer.
        (await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var again = await SettledAsync(op);
        (again.GetProperty("found").GetInt32(), again.GetProperty("new").GetInt32(), again.GetProperty("lapsed").GetInt32())
            .ShouldBe((full.GetProperty("found").GetInt32(), 0, 0));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Bad_Files_Are_Refused_With_The_Row_And_Nothing_Is_Imported(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?> { ["Policies:ScreenAfterImport"] = "false" });
        using var op = await app.ClientAsAsync("operator");
        var bad = ZhangWei[..17] + (ZhangWei[17] == '1' ? '2' : '1');
        var text = await Refused(await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(
            $"身份证号,姓名,户号,户籍地区划代码\n{LiFang},李芳,H001,320571001001\n{bad},张伟,H001,320571001001\n{LiFang},李芳,H001,320571001001\n"), "户籍.csv"));
        text.ShouldContain("第 3 行：身份证号校验位不正确");
        text.ShouldContain("第 4 行：身份证号与第 2 行重复");
        (await Refused(await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes($"身份证号,姓名,户号,户籍地区划代码\n{LiFang},李<b>芳,H001,320571001001\n"), "户籍.csv")))
            .ShouldContain("第 2 行：姓名不能包含尖括号");
        text.ShouldContain("未导入任何数据");
        // Nothing of the good row was kept: a department file naming her is refused because she is not registered.
        (await Refused(await ImportAsync(op, "health_insurance", Encoding.UTF8.GetBytes($"身份证号,患重特大疾病\n{LiFang},是\n"), "医保.csv")))
            .ShouldContain("第 2 行：此人不在户籍数据中");

        (await Refused(await ImportAsync(op, "civil_affairs", Encoding.UTF8.GetBytes($"身份证号,家庭人均月收入\n{LiFang},100\n"), "民政.csv"))).ShouldContain("缺少必需的列：特殊身份");
        (await Refused(await ImportAsync(op, "public_security", [0xFF, 0xFE, 0xFF, 0x80, 0xFF, 0x2C, 0x0A, 0xFF, 0x80], "乱码.csv"))).ShouldContain("无法识别文件编码");
        (await Refused(await ImportAsync(op, "nowhere", Encoding.UTF8.GetBytes("x"), "x.csv"))).ShouldContain("未知的数据来源部门“nowhere”。可选：public_security（公安户籍）");
        (await Refused(await ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(RegistryCsv().Replace("320571002001", "3205", StringComparison.Ordinal)), "户籍.csv"))).ShouldContain("第 4 行：户籍地区划代码应为 12 位数字");

        var huge = new byte[200 * 1024 * 1024];
        var tooLarge = await ImportAsync(op, "public_security", huge, "全区.csv");
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await tooLarge.Content.ReadAsStringAsync()).ShouldContain("文件超过 100 MB");

        // A registration file in GB18030 with the good rows goes in whole.
        var ok = await ImportAsync(op, "public_security", Encoding.GetEncoding(54936).GetBytes(RegistryCsv()), "户籍.csv");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("residentsCreated").GetInt32().ShouldBe(4);

        using var officer = await app.ClientAsAsync("officer");
        (await ImportAsync(officer, "public_security", Encoding.UTF8.GetBytes(RegistryCsv()), "户籍.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_Run_Interrupted_By_A_Restart_Is_Closed_As_Failed_And_A_New_One_Starts()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        using var op = await app.ClientAsAsync("operator");
        var stale = Guid.NewGuid();
        using (var scope = Yilian.SharedKernel.Security.SystemScope.Begin(app.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<Yilian.Policies.Data.PoliciesDbContext>();
            db.Runs.Add(new Yilian.Policies.Domain.ScreeningRun
            {
                Id = stale, Kind = Yilian.Policies.Domain.RunKind.Full, Status = Yilian.Policies.Domain.RunStatus.Running, On = new DateOnly(2026, 11, 1),
                StartedBy = "operator", StartedAt = app.Clock.GetUtcNow().AddHours(-2),
            });
            await db.SaveChangesAsync();
        }

        var started = await op.PostAsJsonAsync("/api/v1/screenings", new { kind = "Full" });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString().ShouldNotBe(stale.ToString());
        (await SettledAsync(op)).GetProperty("status").GetString().ShouldBe("Succeeded");
        var old = await op.GetFromJsonAsync<JsonElement>($"/api/v1/screenings/{stale}");
        old.GetProperty("status").GetString().ShouldBe("Failed");
        old.GetProperty("error").GetString()!.ShouldContain("中断");
    }

    private static async Task<string> Refused(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        return text;
    }
}
