using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Lockout, throttling, two-factor, sessions and logs.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Notifications:DispatchSeconds"] = "1" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> LoginAsync(string user, string password, string? totp = null)
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password, totp });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Login_FiveFailures_LocksAccountEvenForRightPassword_AnsweringAsForAnUnknownName()
    {
        for (var i = 0; i < 5; i++)
        {
            (await LoginAsync("mentor", "Wrong-pass-1")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var (status, body) = await LoginAsync("mentor", YilianApp.DemoPassword);
        status.ShouldBe(HttpStatusCode.Unauthorized);
        // The caller cannot tell a locked account from a name that does not exist (no account enumeration by the lock).
        var (unknownStatus, unknown) = await LoginAsync("nobody-by-this-name", "Wrong-pass-1");
        unknownStatus.ShouldBe(status);
        body.GetProperty("reason").GetString().ShouldBe("InvalidCredentials");
        unknown.GetProperty("reason").GetString().ShouldBe("InvalidCredentials");
        body.GetProperty("detail").GetString().ShouldBe(unknown.GetProperty("detail").GetString());

        // The truth is kept: the audit says LockedOut, and the owner is told in the app (read once an operator unlocks).
        using var regulator = await _app.ClientAsAsync("regulator");
        var audit = await regulator.GetStringAsync("/api/v1/audit?actor=mentor&pageSize=50");
        audit.ShouldContain("LockedOut");
        await using (var scope = SystemScope.Begin(_app.Services))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var mentor = (await users.FindByNameAsync("mentor"))!;
            (await users.IsLockedOutAsync(mentor)).ShouldBeTrue();
            await users.SetLockoutEndDateAsync(mentor, null);
        }

        using var owner = await _app.ClientAsAsync("mentor");
        var inbox = "";
        for (var waited = 0; waited < 60 && !inbox.Contains("账号已被暂时锁定", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(500); // the dispatcher delivers in-app notices every second
            inbox = await owner.GetStringAsync("/api/v1/notifications");
        }

        inbox.ShouldContain("账号已被暂时锁定");
    }

    [Fact]
    public async Task The_Demo_Password_Is_Nowhere_In_Clear_Not_In_The_Database_Files_Nor_The_Audit_Export()
    {
        // Shown on the demo sign-in page, so kept: sealed with the personal-data key, outside the database.
        using var anonymous = _app.CreateClient();
        (await anonymous.GetStringAsync("/account/login")).ShouldContain(YilianApp.DemoPassword);

        using var regulator = await _app.ClientAsAsync("regulator");
        (await regulator.GetStringAsync("/api/v1/audit/export?pageSize=1000")).ShouldNotContain(YilianApp.DemoPassword);
        var plain = System.Text.Encoding.UTF8.GetBytes(YilianApp.DemoPassword);
        foreach (var file in Directory.GetFiles(_app.DataDirectory, "*.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes);
            bytes.AsSpan().IndexOf(plain).ShouldBe(-1, $"{Path.GetFileName(file)} holds the demo password in clear");
        }
    }

    [Fact]
    public async Task Login_TooManyAttemptsForOneAccount_Answers429WithRetryAfter()
    {
        HttpResponseMessage? last = null;
        using var client = _app.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-here", password = "Wrong-pass-1" });
        }

        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Login_WithTwoFactorEnabled_NeedsTheCurrentTotpCode()
    {
        string key;
        {
            await using var scope = SystemScope.Begin(_app.Services);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("operator"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        (await LoginAsync("operator", YilianApp.DemoPassword)).Body.GetProperty("reason").GetString().ShouldBe("TwoFactorRequired");
        (await LoginAsync("operator", YilianApp.DemoPassword, "000000")).Body.GetProperty("reason").GetString().ShouldBe("TwoFactorInvalid");
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        (await LoginAsync("operator", YilianApp.DemoPassword, code)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EndSession_TokenStopsWorking()
    {
        using var victim = await _app.ClientAsAsync("orgstaff");
        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var operatorClient = await _app.ClientAsAsync("operator");
        var sessions = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/sessions");
        var session = sessions.EnumerateArray().First(s => s.GetProperty("userName").GetString() == "orgstaff");
        (await operatorClient.DeleteAsync($"/api/v1/sessions/{session.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logs_NeverContainPasswordsOrTokens()
    {
        await LoginAsync("volunteer", "Secret-Wrong-77");
        var token = await _app.TokenAsync("volunteer");
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await client.GetAsync("/api/v1/me");

        var logs = string.Join('\n', _app.Logs);
        logs.ShouldNotBeEmpty();
        logs.ShouldNotContain("Secret-Wrong-77");
        logs.ShouldNotContain(YilianApp.DemoPassword);
        logs.ShouldNotContain(token[..40]);
    }
}

/// <summary>With two-factor required for regulators, a regulator without it cannot get a token.</summary>
public sealed class TwoFactorRequiredTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Security:RequireTwoFactor"] = "true" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Token_RegulatorWithoutTwoFactor_Answers403()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "regulator", password = YilianApp.DemoPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().ShouldBe("TwoFactorEnrollmentRequired");

        // A role that does not require it is unaffected.
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "operator", password = YilianApp.DemoPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class PerIpThrottleTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Security:LoginAttemptsPerIpPerMinute"] = "3" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Login_ManyAccountsFromOneIp_AreThrottled()
    {
        using var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var name in new[] { "a1", "a2", "a3", "a4" })
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Wrong-pass-1" })).StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

public sealed class AuditExportTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Export_IsExcelFriendlyCsv_WithFormulasDefused_AndIsItselfAudited()
    {
        using var anon = _app.CreateClient();
        await anon.PostAsJsonAsync("/api/v1/auth/token", new { userName = "=HYPERLINK(\"x\")", password = "Wrong-pass-1" });

        using var regulator = await _app.ClientAsAsync("regulator");
        var response = await regulator.GetAsync("/api/v1/audit/export?action=LoginFailed");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        csv.ShouldContain("\"'=HYPERLINK(\"\"x\"\")\"");
        csv.ShouldNotContain(",\"=HYPERLINK");

        var exports = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=Exported");
        exports.GetProperty("total").GetInt32().ShouldBe(1);
    }
}
