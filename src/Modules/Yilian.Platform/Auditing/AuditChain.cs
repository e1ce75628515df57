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
internal sealed class AuditChain(IServiceScopeFactory scopes, IAuditAnchorStore anchors, AuditAnchorKey key)
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
                if (await CheckAnchorAsync(db, expected - 1, ct) is { } cut)
                {
                    return cut;
                }

                var unsealed = await db.AuditEntries.CountAsync(e => e.Sequence == null, ct);
                return new AuditVerification(true, null, null, expected - 1, unsealed);
            }
        }
    }

    /// <summary>The newest sealed entry: what a checkpoint records.</summary>
    public async Task<(long Sequence, string? Hash)> HeadAsync(CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var head = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return (head?.Sequence ?? 0, head?.Hash);
    }

    /// <summary>Why the chain's head does not extend the latest checkpoint, if it does not (then no new checkpoint is written).</summary>
    public async Task<string?> AnchorProblemAsync(long head, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await CheckAnchorAsync(db, head, ct))?.Problem;
    }

    /// <summary>
    /// The chain is whole from the first entry to <paramref name="head"/>; the latest checkpoint, kept outside the database,
    /// says whether entries after it were cut, or the chain rewritten from some entry on.
    /// </summary>
    private async Task<AuditVerification?> CheckAnchorAsync(PlatformDbContext db, long head, CancellationToken ct)
    {
        if (await anchors.LatestAsync(ct) is not { } checkpoint)
        {
            return null;
        }

        if (!key.IsGenuine(checkpoint))
        {
            return AuditVerification.Broken(checkpoint.Sequence,
                "the latest checkpoint's signature does not match (the checkpoint file was altered)", head);
        }

        if (checkpoint.Sequence > head)
        {
            return AuditVerification.Broken(head + 1,
                $"entries #{head + 1}–#{checkpoint.Sequence} are missing: the checkpoint of {checkpoint.At:u} recorded "
                + $"#{checkpoint.Sequence} (the newest entries were deleted, or the database was restored without `restore`)", head);
        }

        var recorded = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == checkpoint.Sequence)
            .Select(e => e.Hash).FirstOrDefaultAsync(ct);
        return recorded == checkpoint.Hash ? null : AuditVerification.Broken(checkpoint.Sequence,
            $"entry #{checkpoint.Sequence} differs from the checkpoint of {checkpoint.At:u} (the chain was rewritten)", head);
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
internal sealed class AuditSealerService(
    AuditChain chain, AuditCheckpoints checkpoints, AuditSignal signal, ILogger<AuditSealerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
                await chain.SealPendingAsync(stoppingToken);
                var (sequence, hash) = await chain.HeadAsync(stoppingToken);
                if (!checkpoints.IsDue(sequence, hash))
                {
                    continue;
                }

                if (await chain.AnchorProblemAsync(sequence, stoppingToken) is { } problem)
                {
                    // Never sign a cut or rewritten chain into a new checkpoint: that would make the cut look intact.
                    logger.LogError("Audit chain does not extend its last checkpoint: {Problem}", problem);
                }
                else
                {
                    await checkpoints.CheckpointIfDueAsync(sequence, hash, stoppingToken);
                }
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
