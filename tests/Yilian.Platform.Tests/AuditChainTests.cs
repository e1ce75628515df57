using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Platform.Auditing;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

namespace Yilian.Platform.Tests;

/// <summary>The audit trail is written by the interceptor, chained by the sealer, and tampering is found.</summary>
public sealed class AuditChainTests
{
    private static async Task<T> InSystemScopeAsync<T>(YilianApp app, Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = SystemScope.Begin(app.Services);
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Verify_FreshChain_IsIntact(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        var chain = app.Services.GetRequiredService<AuditChain>();
        await chain.SealPendingAsync(CancellationToken.None);
        var result = await chain.VerifyAsync(CancellationToken.None);
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.VerifiedCount.ShouldBeGreaterThan(10);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Write_RecordsFieldLevelBeforeAndAfter_AndRedactsSecrets(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await InSystemScopeAsync(app, async db =>
        {
            var setting = new Setting { Key = "test.key", Value = "旧值" };
            db.Settings.Add(setting);
            await db.SaveChangesAsync();
            setting.Value = "新值";
            await db.SaveChangesAsync();
            return 0;
        });

        var entries = await InSystemScopeAsync(app, db => db.AuditEntries.Where(e => e.EntityType == "Setting" && e.EntityId == "test.key").OrderBy(e => e.Id).ToListAsync());
        entries.Select(e => e.Action).ShouldBe(["Created", "Updated"]);
        entries[1].Changes.ShouldBe("{\"Value\":[\"旧值\",\"新值\"]}");
        entries[1].Actor.ShouldBe("system");

        var userEntries = await InSystemScopeAsync(app, db => db.AuditEntries.Where(e => e.EntityType == nameof(AppUser)).Select(e => e.Changes).ToListAsync());
        userEntries.ShouldNotBeEmpty();
        userEntries.ShouldAllBe(c => c!.Contains("\"PasswordHash\":[null,\"***\"]") || !c.Contains("PasswordHash"));
        userEntries.ShouldAllBe(c => !c!.Contains("AQAAAA")); // the prefix of Identity's v3 hashes
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SealedEntries_CannotBeUpdatedOrDeleted(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await app.Services.GetRequiredService<AuditChain>().SealPendingAsync(CancellationToken.None);
        await InSystemScopeAsync(app, async db =>
        {
            await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 3"));
            await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" = 3"));
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Verify_AfterTampering_ReportsFirstBrokenLink(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        var chain = app.Services.GetRequiredService<AuditChain>();
        await chain.SealPendingAsync(CancellationToken.None);

        // Someone with database access removes the guard and edits entry #4.
        await InSystemScopeAsync(app, async db =>
        {
            var dropGuard = db.IsSqlite
                ? "DROP TRIGGER platform_audit_no_update; DROP TRIGGER platform_audit_no_delete;"
                : "DROP TRIGGER platform_audit_append_only ON platform_audit_entries;";
            await db.Database.ExecuteSqlRawAsync(dropGuard);
            return await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ActorName\" = 'mallory' WHERE \"Sequence\" = 4");
        });

        var result = await chain.VerifyAsync(CancellationToken.None);
        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(4);
        result.VerifiedCount.ShouldBe(3);

        // Deleting a row is found as a gap.
        await InSystemScopeAsync(app, db => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" IN (2, 4)"));
        var afterDelete = await chain.VerifyAsync(CancellationToken.None);
        afterDelete.FirstBrokenSequence.ShouldBe(2);
        afterDelete.Problem!.ShouldContain("missing");
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Sealing_ConcurrentWritersAndSealers_KeepsOneUnbrokenChain(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        var chain = app.Services.GetRequiredService<AuditChain>();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await InSystemScopeAsync(app, async db =>
                {
                    db.Settings.Add(new Setting { Key = $"c.{w}.{i}", Value = "v" });
                    return await db.SaveChangesAsync();
                });
                await chain.SealPendingAsync(CancellationToken.None);
            }
        }));
        await Task.WhenAll(writers);
        await chain.SealPendingAsync(CancellationToken.None);

        var result = await chain.VerifyAsync(CancellationToken.None);
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.UnsealedCount.ShouldBe(0);
        var settingEntries = await InSystemScopeAsync(app, db => db.AuditEntries.CountAsync(e => e.EntityType == "Setting" && e.EntityId!.StartsWith("c.")));
        settingEntries.ShouldBe(80);
    }
}

public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task Sqlite_RunsInWalModeWithFullSynchronousCommits()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        await using var scope = SystemScope.Begin(app.Services);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            (await command.ExecuteScalarAsync())!.ToString().ShouldBe("wal");
            command.CommandText = "PRAGMA synchronous";
            Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2); // FULL
            command.CommandText = "PRAGMA foreign_keys";
            Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
