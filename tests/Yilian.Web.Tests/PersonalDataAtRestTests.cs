using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Yilian.SharedKernel.Seeding;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// A volunteer registers and signs in by phone; a resident's ID number comes in with a department file and is looked up.
/// Neither number may then be found in clear anywhere an operator or an attacker with the files could read: the database
/// files, the accounts and sessions lists, the audit export, the log. (The phone used to be the login name, in clear in
/// all of them.)
/// </summary>
public sealed class PersonalDataAtRestTests
{
    [Fact]
    public async Task Phone_And_IdNumbers_Are_Nowhere_In_Clear_After_Registering_SigningIn_Importing_And_LookingUp()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        var community = await RegistrationConcurrencyTests.CommunityAsync(app);
        const string phone = "13977770001";
        var volunteerId = FakeChinese.IdNumber(new Random(77), community[..6], new DateOnly(1990, 3, 3));
        using var anonymous = app.CreateClient();
        var code = await RegistrationConcurrencyTests.CodeForAsync(app, anonymous, phone);
        var registered = await anonymous.PostAsJsonAsync("/api/v1/volunteers",
            RegistrationConcurrencyTests.Body(phone, code, volunteerId, community));
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        // Signing in by the number, however it is written; a wrong password is refused the same way for a number as for a name.
        using var volunteer = app.CreateClient();
        volunteer.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("+86 139-7777-0001", RegistrationConcurrencyTests.Password));
        var me = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("userName").GetString()!.ShouldStartWith("vol-");
        (await volunteer.GetAsync("/api/v1/volunteers/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "Not-The-One-99" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A second account for the same number is refused, and nobody may name a staff account with a number.
        using var op = await app.ClientAsAsync("operator");
        var phoneNamed = await op.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "13977770002", displayName = "号码", password = "Lantern-Seven-42", role = "PlatformOperator", scope = "District", regionCode = "320571000000",
        });
        phoneNamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await phoneNamed.Content.ReadAsStringAsync()).ShouldContain("userName");

        // A resident's ID number arrives in a department file and is looked up by a case worker.
        var imported = await ResidentScreeningTests.ImportAsync(op, "public_security", Encoding.UTF8.GetBytes(ResidentScreeningTests.RegistryCsv()), "户籍.csv", "2026-06-15");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        using var officer = await app.ClientAsAsync("officer");
        (await officer.PostAsJsonAsync("/api/v1/residents/lookup", new { idNumber = ResidentScreeningTests.ZhaoLi })).StatusCode.ShouldBe(HttpStatusCode.OK);

        string[] secrets = [phone, volunteerId, ResidentScreeningTests.ZhaoLi];
        using var regulator = await app.ClientAsAsync("regulator");
        var readable = new Dictionary<string, string>
        {
            ["users"] = await op.GetStringAsync("/api/v1/users?pageSize=200"),
            ["sessions"] = await op.GetStringAsync("/api/v1/sessions"),
            ["audit export"] = await regulator.GetStringAsync("/api/v1/audit/export"),
            ["log"] = string.Join('\n', app.Logs),
        };
        foreach (var file in Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            readable[Path.GetRelativePath(app.DataDirectory, file)] = await reader.ReadToEndAsync();
        }

        readable["audit export"].ShouldContain("vol-"); // the volunteer's sign-in is there, under the account's handle
        foreach (var (where, text) in readable)
        {
            foreach (var secret in secrets)
            {
                text.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"{secret[..3]}… is in clear in {where}");
            }
        }
    }

    /// <summary>
    /// A client may still put a number in a URL (an old integration, a mistake). With request logging turned up, the
    /// framework writes the whole request line; the number must come out masked, in the message and in its values.
    /// </summary>
    [Fact]
    public async Task Numbers_In_A_Logged_Url_Are_Masked()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var idNumber = ResidentScreeningTests.ZhaoLi;
        using var officer = await app.ClientAsAsync("officer");
        await officer.GetAsync($"/api/v1/organizations?q={idNumber}&contact=13977770003");

        var lines = app.Logs.Where(l => l.Contains("/api/v1/organizations", StringComparison.Ordinal)).ToList();
        lines.ShouldNotBeEmpty("request logging was turned on, so the request line is logged");
        lines.ShouldContain(l => l.Contains(Yilian.SharedKernel.Identifiers.ChineseIdNumber.Mask(idNumber), StringComparison.Ordinal));
        app.Logs.ShouldNotContain(l => l.Contains(idNumber, StringComparison.Ordinal) || l.Contains("13977770003", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET /x?id=32057119460701044X&y=1", "32057119460701044X")]
    [InlineData("phone 13977770003.", "13977770003")]
    public void Redaction_Masks_Numbers_Standing_Alone(string line, string number)
    {
        var redacted = Yilian.Web.Hosting.LogRedaction.Redact(line);
        redacted.ShouldNotContain(number);
        redacted.Length.ShouldBe(line.Length);
    }

    [Theory]
    [InlineData("order 123456789012345678901 done")] // a longer run of digits is not a number of a person
    [InlineData("took 13977 ms")]
    public void Redaction_Leaves_Other_Digits_Alone(string line) =>
        Yilian.Web.Hosting.LogRedaction.Redact(line).ShouldBe(line);
}
