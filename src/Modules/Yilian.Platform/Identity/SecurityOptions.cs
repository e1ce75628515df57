namespace Yilian.Platform.Identity;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    public int PasswordMinLength { get; set; } = 8;

    /// <summary>How many of lower case, upper case, digit and symbol a password must use.</summary>
    public int PasswordRequiredClasses { get; set; } = 3;

    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>When true, users holding <see cref="TwoFactorRoles"/> must enrol TOTP before using the back office.</summary>
    public bool RequireTwoFactor { get; set; }

    public List<string> TwoFactorRoles { get; set; } = ["Regulator", "OrgAdmin"];

    public int LoginAttemptsPerIpPerMinute { get; set; } = 30;

    public int LoginAttemptsPerAccountPerMinute { get; set; } = 10;

    public bool MustUseTwoFactor(IEnumerable<string> roles) => RequireTwoFactor && roles.Any(TwoFactorRoles.Contains);
}
