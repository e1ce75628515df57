using System.Reflection;
using System.Text.Json;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Auditing;

/// <summary>
/// The one place where writes are audited: every Added, Modified or Deleted entity of every module's
/// DbContext becomes an <see cref="AuditEntry"/> in the same SaveChanges, so the change and its record
/// commit or fail together.
/// </summary>
internal sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock, AuditSignal signal) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
    };

    /// <summary>Names that an older account had as its mobile number: recorded masked (the rename to a handle says so).</summary>
    private static readonly HashSet<string> MaybePhone = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.UserName), nameof(IdentityUser.NormalizedUserName), nameof(IdentityUser.PhoneNumber),
    };

    private bool audited;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeSealer();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeSealer();
        return ValueTask.FromResult(result);
    }

    /// <summary>The sealer is woken only by a save that wrote audit entries (one per scope at a time, as the context is).</summary>
    private void WakeSealer()
    {
        if (audited)
        {
            audited = false;
            signal.Notify();
        }
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = AuditClock.Now(clock);
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Metadata.ClrType.GetCustomAttribute<AuditIgnoreAttribute>() is not null)
            {
                continue;
            }

            var changes = Describe(entry);
            if (changes is null)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                OccurredAt = now,
                Actor = currentUser.UserId ?? "system",
                ActorName = currentUser.UserName,
                Action = entry.State switch
                {
                    EntityState.Added => AuditActions.Created,
                    EntityState.Deleted => AuditActions.Deleted,
                    _ => AuditActions.Updated,
                },
                EntityType = entry.Metadata.ClrType.IsGenericType ? entry.Metadata.ShortName() : entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Changes = changes,
                IpAddress = currentUser.IpAddress,
            });
        }

        context.Set<AuditEntry>().AddRange(entries);
        audited |= entries.Count > 0;
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    /// <summary>Field → [before, after]; null when nothing worth recording changed.</summary>
    private static string? Describe(EntityEntry entry)
    {
        var diff = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        var redactAll = entry.Entity is IdentityUserToken<string>;
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var member = property.Metadata.PropertyInfo;
            if (member?.GetCustomAttribute<AuditIgnoreAttribute>() is not null)
            {
                continue;
            }

            object? before = entry.State == EntityState.Added ? null : property.OriginalValue;
            object? after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if ((entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after)))
                || (entry.State == EntityState.Added && after is null))
            {
                continue;
            }

            if (redactAll || Redacted.Contains(name) || member?.GetCustomAttribute<SensitiveAttribute>() is not null
                || member?.GetCustomAttribute<EncryptedAttribute>() is not null)
            {
                before = before is null ? null : "***";
                after = after is null ? null : "***";
            }
            else if (MaybePhone.Contains(name))
            {
                before = before is string b && MobileNumber.TryNormalize(b, out var was) ? MobileNumber.Mask(was) : before;
                after = after is string a && MobileNumber.TryNormalize(a, out var now) ? MobileNumber.Mask(now) : after;
            }

            diff[name] = [before, after];
        }

        return diff.Count == 0 ? null : JsonSerializer.Serialize(diff, AuditJson.Options);
    }
}

internal static class AuditActions
{
    public const string Created = nameof(Created);
    public const string Updated = nameof(Updated);
    public const string Deleted = nameof(Deleted);
    public const string LoginSucceeded = nameof(LoginSucceeded);
    public const string LoginFailed = nameof(LoginFailed);
    public const string SessionEnded = nameof(SessionEnded);
    public const string Exported = nameof(Exported);
}

internal static class AuditClock
{
    /// <summary>PostgreSQL keeps microseconds; truncate so a stored entry hashes the same as when it was written.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Wakes the sealer after a save so entries are chained within moments.</summary>
internal sealed class AuditSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up seals everything pending.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
