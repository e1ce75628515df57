using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;

namespace Yilian.Web.Tests;

public sealed class OrganizationImportTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, object?> Row(string name, string code, string type = "社会服务机构", string region = "湖西社区") => new()
    {
        ["组织名称"] = name, ["统一社会信用代码"] = code, ["组织类型"] = type, ["所在社区"] = region, ["法定代表人"] = "王五", ["地址"] = "星湖街 1 号", ["联系电话"] = "13912345678",
    };

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(stream.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", "orgs.xlsx" } };
        return await client.PostAsync("/api/v1/organizations/import", form);
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=1")).GetProperty("total").GetInt32();

    [Fact]
    public async Task Import_BadRowsAreAllNamed_AndNothingIsWritten_ThenAGoodSheetImports()
    {
        using var op = await _app.ClientAsAsync("operator");
        var random = new Random(42);
        string Code() => FakeChinese.CreditCode(random, '2', "320571");
        var before = await TotalAsync(op);
        var duplicate = Code();

        var bad = await ImportAsync(op,
        [
            Row("园区导入测试中心一", Code()),
            Row("园区导入测试中心二", "91350100M000100Y44"),
            Row("园区导入测试中心三", duplicate),
            Row("园区导入测试中心四", duplicate),
            Row("<b>坏名字</b>", Code(), region: "不存在社区"),
        ]);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("第 3 行")[0].GetString()!.ShouldContain("校验位");
        errors.GetProperty("第 5 行")[0].GetString()!.ShouldContain("重复");
        errors.GetProperty("第 6 行").GetArrayLength().ShouldBe(2);
        errors.TryGetProperty("第 2 行", out _).ShouldBeFalse();
        (await TotalAsync(op)).ShouldBe(before);

        var good = await ImportAsync(op, [Row("园区导入测试中心一", Code()), Row("园区导入测试基金会", Code(), "基金会", "320571002001")]);
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32().ShouldBe(2);
        (await TotalAsync(op)).ShouldBe(before + 2);
        var foundation = (await op.GetFromJsonAsync<JsonElement>("/api/v1/organizations?q=园区导入测试基金会")).GetProperty("items")[0];
        foundation.GetProperty("type").GetString().ShouldBe("Foundation");
        foundation.GetProperty("regionCode").GetString().ShouldBe("320571002001");
    }

    [Fact]
    public async Task Import_NotAnXlsx_IsRefused_AndTemplateDownloads()
    {
        using var op = await _app.ClientAsAsync("operator");
        using var form = new MultipartFormDataContent { { new StringContent("name,code\n"), "file", "orgs.xlsx" } };
        var response = await op.PostAsync("/api/v1/organizations/import", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain(".xlsx");

        var template = await op.GetAsync("/api/v1/organizations/import-template");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await new MemoryStream(await template.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        rows.Single().Keys.ShouldContain("统一社会信用代码");

        using var staff = await _app.ClientAsAsync("orgstaff");
        (await ImportAsync(staff, [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
