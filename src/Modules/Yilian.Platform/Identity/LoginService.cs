using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Yilian.Platform.Auditing;
using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.Platform.Resources;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Validation;

namespace Yilian.Platform.Identity;

internal enum LoginStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    TwoFactorRequired,
    TwoFactorInvalid,
    TwoFactorEnrollmentRequired,
    RateLimited,
}

internal sealed record LoginOutcome(LoginStatus Status, AppUser? User = null, DateTimeOffset? LockedUntil = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Status == LoginStatus.Succeeded;

    public string Message => Status switch
    {
        LoginStatus.LockedOut when LockedUntil is { } until =>
            PlatformText.Get("Login_LockedOut", Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalMinutes))),
        LoginStatus.RateLimited => PlatformText.Get("Login_RateLimited", Math.Max(1, (int)Math.Ceiling(RetryAfter?.TotalSeconds ?? 10))),
        _ => PlatformText.Get("Login_" + Status),
    };
}

/// <summary>
/// Password (and TOTP) login shared by the login page and the token endpoint: throttling, lockout,
/// two-factor and the login audit happen here once.
/// </summary>
internal sealed class LoginService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    LoginThrottle throttle,
    PlatformDbContext db,
    TimeProvider clock,
    IOptions<SecurityOptions> security,
    INotificationOutbox outbox,
    ILogger<LoginService> logger)
{
    /// <summary>A hash to check a password against when the account does not exist, so both cost the same time.</summary>
    private static readonly Lazy<string> UnknownAccountHash =
        new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public async Task<LoginOutcome> CheckAsync(string? userName, string? password, string? totp, string? ip, string? userAgent, bool allowEnrollment, CancellationToken ct)
    {
        userName = (userName ?? "").Trim();
        if (userName.Length is 0 or > 256 || TextRules.Check(userName, 256, false, false) is not null || string.IsNullOrEmpty(password) || password.Length > 256)
        {
            return await FailAsync(null, SafeName(userName), ip, userAgent, LoginStatus.InvalidCredentials, ct);
        }

        // Volunteers and residents sign in with their mobile number, found by its blind index; the audit then names the
        // account (or, when none matches, the masked number), so the number is never written in clear.
        var typed = userName;
        var phoneIndex = MobileNumber.TryNormalize(typed, out var phone) ? PhoneLogins.IndexOf(phone) : null;
        if (phoneIndex is not null)
        {
            userName = MobileNumber.Mask(phone);
        }

        if (throttle.TryAcquire(ip, phoneIndex ?? userName) is { } wait)
        {
            logger.LogWarning("Login throttled for an account from {Ip}", ip);
            return await FailAsync(null, userName, ip, userAgent, LoginStatus.RateLimited, ct, retryAfter: wait);
        }

        var user = (phoneIndex is null ? null : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
                .FirstOrDefaultAsync(db.Users, u => u.PhoneIndex == phoneIndex, ct))
            ?? await users.FindByNameAsync(typed);
        userName = user?.UserName ?? userName;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), UnknownAccountHash.Value, password);
            return await FailAsync(null, userName, ip, userAgent, LoginStatus.InvalidCredentials, ct);
        }

        // A locked account answers the caller exactly as a wrong password or an unknown name does, so nobody learns which
        // names exist by tripping the lock; the audit and the log keep the truth, and the owner is told in the app.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await TellOwnerOfLockoutAsync(user, ct);
            await FailAsync(user, userName, ip, userAgent, LoginStatus.LockedOut, ct);
            return new LoginOutcome(LoginStatus.InvalidCredentials);
        }

        if (!result.Succeeded)
        {
            await FailAsync(user, userName, ip, userAgent, LoginStatus.InvalidCredentials, ct);
            return new LoginOutcome(LoginStatus.InvalidCredentials);
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(totp))
            {
                return new LoginOutcome(LoginStatus.TwoFactorRequired, user);
            }

            var code = totp.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await users.AccessFailedAsync(user);
                var locked = await users.IsLockedOutAsync(user);
                return await FailAsync(user, userName, ip, userAgent, locked ? LoginStatus.LockedOut : LoginStatus.TwoFactorInvalid, ct,
                    lockedUntil: locked ? await users.GetLockoutEndDateAsync(user) : null);
            }
        }
        else if (!allowEnrollment && security.Value.MustUseTwoFactor(await RolesOfAsync(user, ct)))
        {
            return await FailAsync(user, userName, ip, userAgent, LoginStatus.TwoFactorEnrollmentRequired, ct);
        }

        db.AuditEntries.Add(AuditEntries.Login(AuditActions.LoginSucceeded, user.Id, userName, ip, userAgent, AuditClock.Now(clock), null));
        await db.SaveChangesAsync(ct);
        return new LoginOutcome(LoginStatus.Succeeded, user);
    }

    /// <summary>The account is locked: its owner hears of it where only they can read it, once per lockout.</summary>
    private async Task TellOwnerOfLockoutAsync(AppUser user, CancellationToken ct)
    {
        var until = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow().Add(security.Value.LockoutDuration);
        logger.LogWarning("Login refused: account {UserId} is locked out until {Until}", user.Id, until);
        var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
        var notice = new OutgoingNotification(NotificationRecipients.User(user.Id), user.Id, NotificationChannels.InApp, null,
            PlatformText.Get("Login_LockedTitle"), PlatformText.Get("Login_LockedOut", minutes), null, $"lockout:{user.Id}:{until:O}");
        await outbox.EnqueueAsync([notice], ct);
    }

    private async Task<IReadOnlyList<string>> RolesOfAsync(AppUser user, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role), ct);

    private async Task<LoginOutcome> FailAsync(AppUser? user, string userName, string? ip, string? userAgent, LoginStatus status, CancellationToken ct,
        DateTimeOffset? lockedUntil = null, TimeSpan? retryAfter = null)
    {
        db.AuditEntries.Add(AuditEntries.Login(AuditActions.LoginFailed, user?.Id, userName, ip, userAgent, AuditClock.Now(clock), status.ToString()));
        await db.SaveChangesAsync(ct);
        return new LoginOutcome(status, user, lockedUntil, retryAfter);
    }

    private static string SafeName(string s)
    {
        var clean = new string([.. s.Where(c => !char.IsControl(c)).Take(100)]);
        return clean;
    }
}
