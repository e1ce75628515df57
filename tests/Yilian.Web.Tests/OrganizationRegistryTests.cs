using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

public sealed class OrganizationRegistryTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<string> OwnOrganizationAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task OrgAdmin_EditsProfileAtOnce_RegistrationDataWaitsForTheRegulator()
    {
        using var orgAdmin = await _app.ClientAsAsync("orgadmin");
        using var regulator = await _app.ClientAsAsync("regulator");
        var id = await OwnOrganizationAsync(orgAdmin);
        var before = await orgAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");

        var profile = await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { address = "星湖街 328 号", serviceFields = new[] { "elderly", "disabled" } });
        profile.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var registration = await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { name = "园区新名称社工服务中心", legalRepresentative = "新法人" });
        registration.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var changeId = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changeId").GetString();

        var now = await orgAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");
        now.GetProperty("address").GetString().ShouldBe("星湖街 328 号");
        now.GetProperty("serviceFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["elderly", "disabled"]);
        now.GetProperty("name").GetString().ShouldBe(before.GetProperty("name").GetString()); // not yet

        (await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/changes/{changeId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await regulator.PostAsJsonAsync($"/api/v1/organizations/changes/{changeId}/approve", new { comment = "材料齐全" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await regulator.PostAsJsonAsync($"/api/v1/organizations/changes/{changeId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await orgAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");
        after.GetProperty("name").GetString().ShouldBe("园区新名称社工服务中心");
        after.GetProperty("legalRepresentative").GetString().ShouldBe("新法人");

        // The audit shows who approved: the name change is recorded under the regulator.
        var audit = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityId={id}");
        var nameChange = audit.GetProperty("items").EnumerateArray().First(e => e.GetProperty("changes").GetString()!.Contains("园区新名称社工服务中心"));
        nameChange.GetProperty("actorName").GetString().ShouldBe("regulator");
    }

    [Fact]
    public async Task ServiceFields_AreAManagedDictionary_OperatorsAddAndRetireEntries()
    {
        using var operatorClient = await _app.ClientAsAsync("operator");
        using var orgAdmin = await _app.ClientAsAsync("orgadmin");
        var id = await OwnOrganizationAsync(orgAdmin);

        // Everyone reads the dictionary; only operators change it.
        var fields = await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field");
        fields.EnumerateArray().Select(f => f.GetProperty("code").GetString()).ShouldContain("elderly");
        (await orgAdmin.PutAsJsonAsync("/api/v1/dictionaries/service-field/rural", new { nameZh = "乡村振兴", nameEn = "Rural revival", sort = 200, isActive = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { serviceFields = new[] { "rural" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var bad = await operatorClient.PutAsJsonAsync("/api/v1/dictionaries/service-field/Rural_Revival", new { nameZh = "乡村振兴", nameEn = "Rural revival" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("编码须以小写字母开头");
        (await operatorClient.PutAsJsonAsync("/api/v1/dictionaries/unknown-type/x1", new { nameZh = "甲", nameEn = "A" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await operatorClient.PutAsJsonAsync("/api/v1/dictionaries/service-field/rural", new { nameZh = "乡村振兴", nameEn = "Rural revival", sort = 200, isActive = true }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // The new entry can be chosen at once.
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { serviceFields = new[] { "rural", "elderly" } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Retired: no longer offered, but the organization that has it keeps it; another cannot choose it.
        (await operatorClient.PutAsJsonAsync("/api/v1/dictionaries/service-field/rural", new { nameZh = "乡村振兴", nameEn = "Rural revival", sort = 200, isActive = false }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var offered = await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field");
        offered.EnumerateArray().Select(f => f.GetProperty("code").GetString()).ShouldNotContain("rural");
        var all = await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/dictionaries/service-field?includeInactive=true");
        all.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "rural").GetProperty("isActive").GetBoolean().ShouldBeFalse();
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { serviceFields = new[] { "rural", "children" } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Filtering by the new field finds the organization.
        var filtered = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/organizations?field=rural");
        filtered.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ShouldBe([id]);
    }

    [Fact]
    public async Task Regulator_SetsGradeWithFiveYearValidity_AndAnnualReports()
    {
        using var regulator = await _app.ClientAsAsync("regulator");
        using var orgAdmin = await _app.ClientAsAsync("orgadmin");
        var id = await OwnOrganizationAsync(orgAdmin);

        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}/regulatory", new { grade = "A4", gradeAwardedOn = "2024-06-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await regulator.PutAsJsonAsync($"/api/v1/organizations/{id}/regulatory", new { grade = "A4" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await regulator.PutAsJsonAsync($"/api/v1/organizations/{id}/regulatory", new { grade = "A4", gradeAwardedOn = "2024-06-01", isCharity = false, hasPublicFundraising = true }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await regulator.PutAsJsonAsync($"/api/v1/organizations/{id}/regulatory", new { grade = "A4", gradeAwardedOn = "2024-06-01", isCharity = true, hasPublicFundraising = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await regulator.PutAsJsonAsync($"/api/v1/organizations/{id}/annual-reports/2025", new { result = "BasicallyQualified" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await regulator.PutAsJsonAsync($"/api/v1/organizations/{id}/annual-reports/2099", new { result = "Qualified" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var profile = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/profile");
        var org = profile.GetProperty("organization");
        org.GetProperty("grade").GetString().ShouldBe("A4");
        org.GetProperty("gradeValidUntil").GetString().ShouldBe("2029-05-31");
        org.GetProperty("hasPublicFundraising").GetBoolean().ShouldBeTrue();
        profile.GetProperty("annualReports").EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2025)
            .GetProperty("result").GetString().ShouldBe("BasicallyQualified");

        var a4 = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/organizations?grade=A4&pageSize=200");
        a4.GetProperty("items").EnumerateArray().ShouldContain(o => o.GetProperty("id").GetString() == id);
        a4.GetProperty("items").EnumerateArray().ShouldAllBe(o => o.GetProperty("grade").GetString() == "A4");
    }

    [Fact]
    public async Task Export_IsAnExcelWorkbookOfTheCallersScope()
    {
        using var regulator = await _app.ClientAsAsync("regulator");
        var response = await regulator.GetAsync("/api/v1/organizations/export?status=Active");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var text = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        text.ShouldContain("统一社会信用代码");
        var names = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("name").GetString()!).ToList();
        names.Count.ShouldBe(15);
        names.ShouldAllBe(n => text.Contains(n));

        using var orgAdmin = await _app.ClientAsAsync("orgadmin");
        var own = await orgAdmin.GetAsync("/api/v1/organizations/export");
        using var ownZip = new ZipArchive(new MemoryStream(await own.Content.ReadAsByteArrayAsync()));
        var ownText = string.Concat(ownZip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        names.Count(n => ownText.Contains(n)).ShouldBe(1);
    }
}

public sealed class OrganizationStaffTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Staff_WithCertificates_PhoneEncryptedAndMasked()
    {
        using var orgAdmin = await _app.ClientAsAsync("orgadmin");
        var id = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
        (await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{id}/staff", new { name = "周社工", certificate = "Intermediate" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var added = await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{id}/staff", new { name = "周社工", title = "督导", certificate = "Intermediate", certificateNumber = "SW2024001", phone = "13912345678" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);

        var staff = await orgAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/staff");
        var zhou = staff.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "周社工");
        zhou.GetProperty("phoneMasked").GetString().ShouldBe("139****5678");
        (await orgAdmin.GetStringAsync($"/api/v1/organizations/{id}/staff")).ShouldNotContain("13912345678");

        var file = Path.Combine(_app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Yilian.SharedKernel.Data.DatabaseOptions>>().Value.DataDirectory, "yilian.db");
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Phone FROM org_staff WHERE Name = '周社工'";
        var raw = (string)(await command.ExecuteScalarAsync())!;
        raw.ShouldStartWith("v1:");
        raw.ShouldNotContain("13912345678");

        using var other = await _app.ClientAsAsync("orgadmin2");
        (await other.GetAsync($"/api/v1/organizations/{id}/staff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ServiceAreasAndMapPoint_AreValidated()
    {
        using var orgAdmin = await _app.ClientAsAsync("orgadmin");
        var id = (await orgAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { serviceAreas = new[] { "320571001000", "999999999999" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { latitude = 31.3 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { latitude = 91.0, longitude = 120.7 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await orgAdmin.PutAsJsonAsync($"/api/v1/organizations/{id}", new { serviceAreas = new[] { "320571001000", "320571002003" }, latitude = 31.3215, longitude = 120.7123 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var org = await orgAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");
        org.GetProperty("serviceAreas").EnumerateArray().Select(a => a.GetString()).ShouldBe(["320571001000", "320571002003"]);
        org.GetProperty("latitude").GetDouble().ShouldBe(31.3215);
    }
}
