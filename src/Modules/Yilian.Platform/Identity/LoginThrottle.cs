using System.Threading.RateLimiting;

using Microsoft.Extensions.Options;

namespace Yilian.Platform.Identity;

/// <summary>
/// Limits login attempts per client IP and per account name, for the login page and the token
/// endpoint alike. Complements Identity's lockout, which counts only failures of existing accounts.
/// </summary>
internal sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perIp;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public LoginThrottle(IOptions<SecurityOptions> options)
    {
        var o = options.Value;
        _perIp = Create(o.LoginAttemptsPerIpPerMinute);
        _perAccount = Create(o.LoginAttemptsPerAccountPerMinute);
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    /// <summary>Returns null when allowed, or how long to wait.</summary>
    public TimeSpan? TryAcquire(string? ip, string userName)
    {
        using var byIp = _perIp.AttemptAcquire(ip ?? "unknown");
        if (!byIp.IsAcquired)
        {
            return RetryAfter(byIp);
        }

        using var byAccount = _perAccount.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);

    public void Dispose()
    {
        _perIp.Dispose();
        _perAccount.Dispose();
    }
}
