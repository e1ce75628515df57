using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>The operations commands, run as a newcomer would: the real executable in its own process.</summary>
public sealed class OperationsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "yilian-ops-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["Database__DataDirectory"] = Path.Combine(_dir, "data");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    [Fact]
    public async Task SeedBackupRestoreVerify_RoundTrip()
    {
        (await RunAsync("seed", "--size", "demo")).Code.ShouldBe(0);
        var admin = await RunAsync("create-admin", "--user", "chief", "--name", "首席", "--password", "Gx7-tree-lamp");
        admin.Code.ShouldBe(0, admin.Output);
        var weak = await RunAsync("create-admin", "--user", "weakling", "--password", "password1");
        weak.Code.ShouldBe(2);
        weak.Output.ShouldContain("password");

        var backup = Path.Combine(_dir, "backup.zip");
        (await RunAsync("backup", "--out", backup)).Code.ShouldBe(0);
        File.Exists(backup).ShouldBeTrue();

        // Lose the database, then restore it.
        foreach (var f in Directory.GetFiles(Path.Combine(_dir, "data"), "yilian.db*"))
        {
            File.Delete(f);
        }

        (await RunAsync("restore", "--from", backup)).Code.ShouldBe(0);
        (await RunAsync("restore", "--from", backup)).Code.ShouldBe(2); // refuses to overwrite without --force
        var verify = await RunAsync("audit-verify");
        verify.Code.ShouldBe(0, verify.Output);
        verify.Output.ShouldContain("intact");

        // The restored database still holds the administrator created before the backup.
        var again = await RunAsync("create-admin", "--user", "chief", "--password", "Gx7-tree-lamp");
        again.Code.ShouldBe(2);
    }

    [Fact]
    public async Task BackupChangeRestore_StartsEveryTime_WithTheDataAsAtTheBackup()
    {
        (await RunAsync("seed", "--size", "demo")).Code.ShouldBe(0);
        (await RunAsync("create-admin", "--user", "before", "--password", "Gx7-tree-lamp")).Code.ShouldBe(0);
        var backup = Path.Combine(_dir, "backup.zip");
        (await RunAsync("backup", "--out", backup)).Code.ShouldBe(0);
        (await RunAsync("create-admin", "--user", "after", "--password", "Gx7-tree-lamp")).Code.ShouldBe(0);

        // Restoring over the running data, then starting the real host: it migrated a rollback-journal file read-only
        // and failed with "attempt to write a readonly database" in most tries.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var restore = await RunAsync("restore", "--from", backup, "--force");
            restore.Code.ShouldBe(0, restore.Output);
            var started = await StartAndStopAsync();
            started.Healthy.ShouldBeTrue($"attempt {attempt}: {started.Output}");
        }

        // As at the backup: the administrator made before it is there, the one made after it is not.
        (await RunAsync("create-admin", "--user", "before", "--password", "Gx7-tree-lamp")).Code.ShouldBe(2);
        (await RunAsync("create-admin", "--user", "after", "--password", "Gx7-tree-lamp")).Code.ShouldBe(0);
        var verify = await RunAsync("audit-verify");
        verify.Code.ShouldBe(0, verify.Output);
    }

    /// <summary>Starts the host as `./run.sh` does (migrations, scheduler, web), waits for /healthz, then stops it.</summary>
    private async Task<(bool Healthy, string Output)> StartAndStopAsync()
    {
        await using var host = RealHost.Start(_dir, new Dictionary<string, string> { ["Database__DataDirectory"] = Path.Combine(_dir, "data") });
        var healthy = await host.WaitHealthyAsync(TimeSpan.FromMinutes(4));
        await host.KillAsync();
        return (healthy, host.Output);
    }
}

public sealed class TokenExpiryTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:00:02" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ExpiredToken_Answers401()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _app.TokenAsync("orgstaff"));
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
