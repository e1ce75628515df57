using System.Security.Claims;

using Microsoft.AspNetCore.Http;

using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

internal static class YilianClaims
{
    /// <summary>One per role assignment: <c>{Kind}:{code or organization id}</c>, e.g. <c>Street:320571002000</c>.</summary>
    public const string Scope = "yl:scope";

    /// <summary>The <see cref="Domain.UserSession"/> this principal belongs to.</summary>
    public const string SessionId = "yl:sid";

    /// <summary>Present while a user who must use two-factor login has not yet enrolled.</summary>
    public const string MustEnrollTwoFactor = "yl:2fa-enroll";

    public const string DisplayName = "yl:name";

    public static string Format(ScopeKind kind, string? value) => value is null ? kind.ToString() : $"{kind}:{value}";

    public static DataScope ToDataScope(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return DataScope.Nothing;
        }

        var districts = new List<string>();
        var streets = new List<string>();
        var communities = new List<string>();
        var organizations = new List<Guid>();
        foreach (var claim in user.FindAll(Scope))
        {
            var parts = claim.Value.Split(':', 2);
            if (!Enum.TryParse<ScopeKind>(parts[0], out var kind))
            {
                continue;
            }

            var value = parts.Length > 1 ? parts[1] : null;
            switch (kind)
            {
                case ScopeKind.District when value is not null && RegionCode.IsWellFormed(value):
                    districts.Add(value[..6]);
                    break;
                case ScopeKind.Street when value is not null && RegionCode.IsWellFormed(value):
                    streets.Add(value[..9]);
                    break;
                case ScopeKind.Community when value is not null && RegionCode.IsWellFormed(value):
                    communities.Add(value);
                    break;
                case ScopeKind.Organization when Guid.TryParse(value, out var id):
                    organizations.Add(id);
                    break;
                default:
                    break;
            }
        }

        return new DataScope
        {
            Districts = districts,
            Streets = streets,
            Communities = communities,
            Organizations = organizations,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
    }
}

/// <summary>The scope of the current HTTP request's user, or of system work inside <see cref="SystemScope"/>.</summary>
internal sealed class HttpDataScopeProvider(IHttpContextAccessor accessor) : IDataScopeProvider
{
    public DataScope Current =>
        SystemScope.IsActive ? DataScope.Unrestricted
        : accessor.HttpContext is { } http ? YilianClaims.ToDataScope(http.User)
        : DataScope.Nothing;
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? (SystemScope.IsActive ? "system" : null);

    public string? UserName => User?.Identity?.Name;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => User?.IsInRole(role) == true;

}
