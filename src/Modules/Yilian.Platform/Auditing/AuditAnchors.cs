using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Yilian.SharedKernel.Data;

namespace Yilian.Platform.Auditing;

/// <summary>The head of the audit chain at a moment: its sequence and hash, signed with a key kept outside the database.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string Mac);

/// <summary>
/// Where checkpoints of the audit chain are kept, out of reach of whoever can rewrite the audit table: the chain proves
/// nothing was changed in the middle, the checkpoints prove nothing was cut from the end.
/// </summary>
public interface IAuditAnchorStore
{
    Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct);

    Task<AuditCheckpoint?> LatestAsync(CancellationToken ct);

    /// <summary>The database was restored from a backup, older than the checkpoints: keep them aside and start anew.</summary>
    Task SetAsideAsync(CancellationToken ct);
}

/// <summary>The key that signs checkpoints: <c>keys/audit-anchor.key</c> (or <c>Audit:AnchorKeyFile</c>), never in the database.</summary>
internal sealed class AuditAnchorKey
{
    private readonly byte[] _key;

    public AuditAnchorKey(IOptions<DatabaseOptions> db, IConfiguration config)
    {
        var keyFile = config["Audit:AnchorKeyFile"] is { Length: > 0 } k
            ? k : Path.Combine(db.Value.DataDirectory, "keys", "audit-anchor.key");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        if (!File.Exists(keyFile))
        {
            File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        _key = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
    }

    public AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset at) => new(sequence, hash, at, Mac(sequence, hash, at));

    public bool IsGenuine(AuditCheckpoint c) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c.Mac), Encoding.ASCII.GetBytes(Mac(c.Sequence, c.Hash, c.At)));

    private string Mac(long sequence, string hash, DateTimeOffset at) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{sequence}|{hash}|{at.UtcTicks}")));
}

/// <summary>
/// Checkpoints appended as JSON lines to <c>{DataDirectory}/audit/checkpoints.log</c> (or <c>Audit:AnchorFile</c>). Put it
/// on storage the database's owner cannot write (another volume, a WORM bucket behind this interface) for the strongest claim.
/// </summary>
internal sealed class FileAuditAnchorStore(IOptions<DatabaseOptions> db, IConfiguration config, TimeProvider clock)
    : IAuditAnchorStore, IDisposable
{
    private readonly string _file = config["Audit:AnchorFile"] is { Length: > 0 } file
        ? file : Path.Combine(db.Value.DataDirectory, "audit", "checkpoints.log");

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The newest line once read or written, so verification does not reread a file that only grows.</summary>
    private AuditCheckpoint? _latest;

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
            await File.AppendAllTextAsync(_file, JsonSerializer.Serialize(checkpoint) + "\n", ct);
            _latest = checkpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<AuditCheckpoint?> LatestAsync(CancellationToken ct)
    {
        if (_latest is not null || !File.Exists(_file))
        {
            return _latest;
        }

        var lines = await File.ReadAllLinesAsync(_file, ct);
        return _latest = lines.Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<AuditCheckpoint>(l))
            .LastOrDefault(c => c is not null);
    }

    public void Dispose() => _gate.Dispose();

    public Task SetAsideAsync(CancellationToken ct)
    {
        _latest = null;
        if (File.Exists(_file))
        {
            File.Move(_file, $"{_file}.before-restore-{clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}");
        }

        return Task.CompletedTask;
    }
}

/// <summary>Writes a checkpoint of the chain's head when it has moved, at most every <c>Audit:CheckpointSeconds</c> (default 60).</summary>
internal sealed class AuditCheckpoints(
    IAuditAnchorStore store, AuditAnchorKey key, IConfiguration config, TimeProvider clock, ILogger<AuditCheckpoints> logger)
{
    private long _lastSequence = -1;
    private DateTimeOffset _lastAt = DateTimeOffset.MinValue;

    /// <summary>Whether a checkpoint would be written now: the head moved and the interval has passed.</summary>
    public bool IsDue(long sequence, string? hash) =>
        hash is not null && sequence != _lastSequence
        && clock.GetUtcNow() - _lastAt >= TimeSpan.FromSeconds(config.GetValue("Audit:CheckpointSeconds", 60));

    public async Task CheckpointIfDueAsync(long sequence, string? hash, CancellationToken ct)
    {
        if (hash is null || !IsDue(sequence, hash))
        {
            return;
        }

        var now = clock.GetUtcNow();

        var checkpoint = key.Sign(sequence, hash, now);
        await store.AppendAsync(checkpoint, ct);
        // The log is a second copy outside the database.
        logger.LogInformation("Audit checkpoint #{Sequence} {Hash} {Mac}", sequence, hash, checkpoint.Mac);
        (_lastSequence, _lastAt) = (sequence, now);
    }
}
