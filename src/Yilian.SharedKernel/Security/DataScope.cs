namespace Yilian.SharedKernel.Security;

public enum ScopeKind
{
    /// <summary>The whole district (or every district when no code is given).</summary>
    District = 1,

    /// <summary>A street and every community below it.</summary>
    Street = 2,

    /// <summary>One community.</summary>
    Community = 3,

    /// <summary>One organization's records.</summary>
    Organization = 4,

    /// <summary>Only the user's own records.</summary>
    Self = 5,
}

/// <summary>
/// What the current caller may see. Built once per request from the caller's role assignments and
/// applied by every module's DbContext as a global query filter (see <c>YilianDbContext</c>).
/// </summary>
public sealed class DataScope
{
    public static readonly DataScope Unrestricted = new() { IsUnrestricted = true };

    public static readonly DataScope Nothing = new();

    /// <summary>System work (migrations, seeding, scheduled jobs) — never a web request.</summary>
    public bool IsUnrestricted { get; init; }

    /// <summary>6-digit district prefixes.</summary>
    public IReadOnlyList<string> Districts { get; init; } = [];

    /// <summary>9-digit street prefixes.</summary>
    public IReadOnlyList<string> Streets { get; init; } = [];

    /// <summary>Full 12-digit community codes.</summary>
    public IReadOnlyList<string> Communities { get; init; } = [];

    public IReadOnlyList<Guid> Organizations { get; init; } = [];

    public string? UserId { get; init; }

    public bool CoversRegion(string regionCode) =>
        IsUnrestricted
        || Districts.Any(d => regionCode.StartsWith(d, StringComparison.Ordinal))
        || Streets.Any(s => regionCode.StartsWith(s, StringComparison.Ordinal))
        || Communities.Contains(regionCode);
}

/// <summary>The caller's scope; scoped per request, resolved from claims.</summary>
public interface IDataScopeProvider
{
    DataScope Current { get; }
}

public interface ICurrentUser
{
    string? UserId { get; }

    string? UserName { get; }

    string? IpAddress { get; }

    bool IsAuthenticated { get; }

    bool IsInRole(string role);

    /// <summary>Whether the person holds any of <paramref name="roles"/> (used by each module's named permissions).</summary>
    bool IsInAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (IsInRole(role))
            {
                return true;
            }
        }

        return false;
    }
}
