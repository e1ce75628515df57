using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Platform.Auditing;
using Yilian.SharedKernel.Security;
using Yilian.Testing;
using Yilian.Volunteers.Data;

namespace Yilian.Web.Tests;

/// <summary>
/// The hash chain shows an entry changed in the middle; only a checkpoint kept outside the database shows the newest
/// entries deleted. Whoever owns the table can drop its append-only trigger and cut the tail: verification notices.
/// </summary>
public sealed class AuditAnchorTests
{
    private static Task<JsonElement> VerifyAsync(HttpClient regulator) => regulator.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

    [Fact]
    public async Task Deleting_The_Newest_Audit_Entries_Is_Reported_By_Verification()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?> { ["Audit:CheckpointSeconds"] = "0" });
        using var regulator = await app.ClientAsAsync("regulator"); // signed in before: a sign-in is audited too
        using (var op = await app.ClientAsAsync("operator"))
        {
            for (var i = 0; i < 3; i++)
            {
                (await op.PostAsJsonAsync("/api/v1/incubators", new { name = $"锚点孵化器{i}", kind = "Platform" })).EnsureSuccessStatusCode();
            }
        }

        // Sealed, and checkpointed outside the database.
        (await VerifyAsync(regulator)).GetProperty("isIntact").GetBoolean().ShouldBeTrue();
        var anchors = app.Services.GetRequiredService<IAuditAnchorStore>();
        AuditCheckpoint? checkpoint = null;
        long head;
        do
        {
            await Task.Delay(200);
            checkpoint = await anchors.LatestAsync(CancellationToken.None);
            await using var scope = SystemScope.Begin(app.Services);
            head = await scope.ServiceProvider.GetRequiredService<VolunteersDbContext>().Database
                .SqlQueryRaw<long>("SELECT MAX(Sequence) AS Value FROM platform_audit_entries").SingleAsync();
        }
        while (checkpoint is null || checkpoint.Sequence < head);

        // The owner drops the trigger and cuts the tail.
        await using (var scope = SystemScope.Begin(app.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>().Database;
            await db.ExecuteSqlRawAsync("DROP TRIGGER platform_audit_no_delete");
            await db.ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE Sequence > {head - 2}");
        }

        var verdict = await VerifyAsync(regulator);
        verdict.GetProperty("isIntact").GetBoolean().ShouldBeFalse();
        verdict.GetProperty("problem").GetString()!.ShouldContain("missing");
        verdict.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(head - 1);

        // New writes after the cut do not make it look whole: the sealer refuses to sign the cut chain.
        using (var op = await app.ClientAsAsync("operator"))
        {
            for (var i = 0; i < 4; i++)
            {
                (await op.PostAsJsonAsync("/api/v1/incubators", new { name = $"事后孵化器{i}", kind = "Platform" })).EnsureSuccessStatusCode();
            }
        }

        await Task.Delay(1500);
        (await anchors.LatestAsync(CancellationToken.None))!.Sequence.ShouldBe(checkpoint.Sequence);
        (await VerifyAsync(regulator)).GetProperty("isIntact").GetBoolean().ShouldBeFalse();
    }
}
