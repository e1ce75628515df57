using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Yilian.Platform.Data;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Auditing;

/// <summary>
/// Gives pending audit entries a sequence number and a hash chained to the previous entry. Entries are
/// written unsealed inside each business transaction (no global lock on the write path); sealing takes
/// one short lock (SQLite: an immediate transaction; PostgreSQL: a transaction-scoped advisory lock) so
/// two instances never fork the chain.
/// </summary>
internal sealed class AuditChain(IServiceScopeFactory scopes)
{
    public const string Genesis = "GENESIS";
    private const long AdvisoryLockKey = 0x59_49_4C_49_41_4E; // "YILIAN"

    public async Task<int> SealPendingAsync(CancellationToken ct)
    {
        var sealedCount = 0;
        while (true)
        {
            await using var scope = SystemScope.Begin(scopes);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            }

            var pending = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(500).ToListAsync(ct);
            if (pending.Count == 0)
            {
                return sealedCount;
            }

            var last = await db.AuditEntries.Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? Genesis;
            foreach (var entry in pending)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Hash = ComputeHash(entry);
                previous = entry.Hash;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sealedCount += pending.Count;
        }
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        long expected = 1;
        var previous = Genesis;
        const int batch = 2000;
        while (true)
        {
            var from = expected;
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (row.Sequence != expected)
                {
                    return AuditVerification.Broken(expected, $"entry #{expected} is missing (next found is #{row.Sequence})", expected - 1);
                }

                if (row.PreviousHash != previous)
                {
                    return AuditVerification.Broken(expected, $"entry #{expected} does not link to the hash of entry #{expected - 1}", expected - 1);
                }

                if (ComputeHash(row) != row.Hash)
                {
                    return AuditVerification.Broken(expected, $"entry #{expected} was changed after it was sealed (hash mismatch)", expected - 1);
                }

                previous = row.Hash!;
                expected++;
            }

            if (rows.Count < batch)
            {
                var unsealed = await db.AuditEntries.CountAsync(e => e.Sequence == null, ct);
                return new AuditVerification(true, null, null, expected - 1, unsealed);
            }
        }
    }

    internal static string ComputeHash(AuditEntry e)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.Sequence, e.PreviousHash, e.OccurredAt.UtcTicks, e.Actor, e.ActorName, e.Action, e.EntityType, e.EntityId,
            e.Changes, e.IpAddress, e.UserAgent,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public sealed record AuditVerification(bool IsIntact, long? FirstBrokenSequence, string? Problem, long VerifiedCount, int UnsealedCount)
{
    public static AuditVerification Broken(long sequence, string problem, long verified) => new(false, sequence, problem, verified, 0);
}

/// <summary>Seals entries shortly after each save, and every few seconds as a safety net.</summary>
internal sealed class AuditSealerService(AuditChain chain, AuditSignal signal, ILogger<AuditSealerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
                await chain.SealPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Sealing audit entries failed; will retry.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
