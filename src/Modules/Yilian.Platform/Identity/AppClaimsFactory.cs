using System.Security.Claims;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Platform.Data;
using Yilian.Platform.Domain;

namespace Yilian.Platform.Identity;

/// <summary>Roles and scope claims come from role assignments, the one source of both.</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, PlatformDbContext db, IOptions<SecurityOptions> security)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(YilianClaims.DisplayName, user.DisplayName));
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).ToListAsync();
        foreach (var role in assignments.Select(a => a.Role).Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        foreach (var a in assignments)
        {
            identity.AddClaim(new Claim(YilianClaims.Scope, YilianClaims.Format(a.Scope, a.OrganizationId?.ToString() ?? a.RegionCode)));
        }

        if (!user.TwoFactorEnabled && security.Value.MustUseTwoFactor(assignments.Select(a => a.Role)))
        {
            identity.AddClaim(new Claim(YilianClaims.MustEnrollTwoFactor, "1"));
        }

        return identity;
    }
}
