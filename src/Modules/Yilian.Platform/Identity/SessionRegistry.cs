using System.Collections.Concurrent;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Yilian.Platform.Auditing;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

/// <summary>
/// Server-side record of every signed-in client. A cookie or token is honoured only while its session is
/// open and was active within the idle timeout, so an operator can end a session and idle ones expire.
/// </summary>
internal sealed class SessionRegistry(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SecurityOptions> options)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastTouched = new();

    public async Task<Guid> StartAsync(AppUser user, string kind, string? ip, string? userAgent, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            UserName = user.UserName ?? "",
            Kind = kind,
            StartedAt = now,
            LastSeenAt = now,
            IpAddress = ip,
            UserAgent = Truncate(userAgent, 400),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        _lastTouched[session.Id] = now;
        return session.Id;
    }

    /// <summary>True when the session is open and not idle; records activity at most every 30 seconds.</summary>
    public async Task<bool> ValidateAsync(Guid sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_lastTouched.TryGetValue(sessionId, out var touched) && now - touched < TouchInterval)
        {
            return true;
        }

        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.EndedAt is not null)
        {
            _lastTouched.TryRemove(sessionId, out _);
            return false;
        }

        if (now - session.LastSeenAt > options.Value.IdleTimeout)
        {
            session.EndedAt = now;
            session.EndedBy = "idle";
            await db.SaveChangesAsync(ct);
            _lastTouched.TryRemove(sessionId, out _);
            return false;
        }

        session.LastSeenAt = now;
        await db.SaveChangesAsync(ct);
        _lastTouched[sessionId] = now;
        return true;
    }

    public async Task<bool> EndAsync(Guid sessionId, string endedBy, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, ct);
        _lastTouched.TryRemove(sessionId, out _);
        if (session is null)
        {
            return false;
        }

        session.EndedAt = clock.GetUtcNow();
        session.EndedBy = endedBy;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Forget the local cache entry so another instance's revocation is seen on the next request.</summary>
    public void Forget(Guid sessionId) => _lastTouched.TryRemove(sessionId, out _);

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}

internal static class AuditEntries
{
    public static AuditEntry Login(string action, string? userId, string userName, string? ip, string? userAgent, DateTimeOffset at, string? reason) => new()
    {
        OccurredAt = at,
        Actor = userId ?? "anonymous",
        ActorName = userName.Length > 100 ? userName[..100] : userName,
        Action = action,
        EntityType = "Login",
        EntityId = userId,
        Changes = reason is null ? null : System.Text.Json.JsonSerializer.Serialize(new { reason }, AuditJson.Options),
        IpAddress = ip,
        UserAgent = userAgent is { Length: > 400 } ? userAgent[..400] : userAgent,
    };
}
