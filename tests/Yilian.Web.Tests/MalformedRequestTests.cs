using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Malformed requests get a clear 4xx answer with a problem body naming what is wrong, never a 500.</summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_Upload_Endpoint_Sent_Json_Instead_Of_A_Form_Answers_400_Or_415_With_A_Problem()
    {
        using var anonymous = _app.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var uploads = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .Where(x => x.Operation.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").EnumerateObject().Any(c => c.Name == "multipart/form-data"))
            .ToList();
        uploads.Count.ShouldBeGreaterThanOrEqualTo(4); // organizations, resident files, project documents, photo reports …

        using var op = await _app.ClientAsAsync("operator");
        var answers = new List<string>();
        foreach (var (path, method, _) in uploads)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
            {
                Content = new StringContent("{\"file\":\"not a file\"}", Encoding.UTF8, "application/json"),
            };
            var response = await op.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is not (400 or 415 or 403 or 404) || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                answers.Add($"{method} {path}: {status} {response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}");
            }
        }

        answers.ShouldBeEmpty();

        var residents = await op.PostAsJsonAsync("/api/v1/resident-imports", new { department = "civil" });
        residents.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await residents.Content.ReadAsStringAsync()).ShouldContain("multipart/form-data");
    }

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    [InlineData("1000")]
    public async Task An_Enum_Value_Nobody_Defined_Is_Refused_Naming_The_Field(string kind)
    {
        using var op = await _app.ClientAsAsync("operator");
        var response = await op.PostAsJsonAsync("/api/v1/incubators", new { name = "编号孵化器" + kind, kind });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue(problem.ToString());
        (await op.GetStringAsync("/api/v1/incubators")).ShouldNotContain("编号孵化器");
    }

    [Fact]
    public async Task A_Word_For_An_Enum_That_Is_Not_One_Of_Its_Names_Is_Refused_Naming_The_Field()
    {
        using var op = await _app.ClientAsAsync("operator");
        var response = await op.PostAsJsonAsync("/api/v1/incubators", new { name = "香蕉孵化器", kind = "Banana" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_Undefined_Enum_In_The_Query_Is_Refused_Naming_The_Parameter()
    {
        using var officer = await _app.ClientAsAsync("officer");
        var response = await officer.GetAsync("/api/v1/screenings/candidates?status=77");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_Team_Without_An_Organization_Is_Told_So_In_Its_Own_Words()
    {
        using var org = await _app.ClientAsAsync("orgadmin");
        var response = await org.PostAsJsonAsync("/api/v1/teams", new { name = "无组织的队伍" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("队伍");
        body.ShouldNotContain("奖品");
    }
}
