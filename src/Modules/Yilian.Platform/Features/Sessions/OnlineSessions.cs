using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Platform.Data;
using Yilian.Platform.Identity;

namespace Yilian.Platform.Features.Sessions;

public sealed record SessionDto(Guid Id, string UserName, string Kind, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, string? IpAddress, string? UserAgent);

/// <summary>Who is online: open sessions active within the idle timeout.</summary>
internal sealed class OnlineSessions(PlatformDbContext db, TimeProvider clock, IOptions<SecurityOptions> options, SessionRegistry registry)
{
    public async Task<IReadOnlyList<SessionDto>> ListAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow() - options.Value.IdleTimeout;
        return await db.Sessions.AsNoTracking().Where(s => s.EndedAt == null && s.LastSeenAt >= since)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionDto(s.Id, s.UserName, s.Kind, s.StartedAt, s.LastSeenAt, s.IpAddress, s.UserAgent))
            .ToListAsync(ct);
    }

    public Task<bool> EndAsync(Guid id, string endedBy, CancellationToken ct) => registry.EndAsync(id, endedBy, ct);
}
