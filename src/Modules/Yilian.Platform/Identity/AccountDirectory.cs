using Microsoft.EntityFrameworkCore;
using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

internal sealed class AccountDirectory(PlatformDbContext db, AdminAccounts accounts) : IAccountDirectory
{
    public async Task<AccountRef?> FindByUserNameAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Include(u => u.Assignments).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        return user is null ? null : new AccountRef(user.Id, user.UserName!, user.DisplayName, [.. user.Assignments.Select(a => a.Role).Distinct()]);
    }

    public async Task<AccountRef> RegisterAsync(string userName, string displayName, string password, string role, CancellationToken ct)
    {
        if (role is not (Roles.Volunteer or Roles.Resident))
        {
            throw new InvalidOperationException("Only volunteers and residents register themselves.");
        }

        var user = await accounts.CreateAsync(userName, displayName, password, role, ScopeKind.Self, null, null, ct);
        return new AccountRef(user.Id, user.UserName!, user.DisplayName, [role]);
    }

    public async Task GrantAsync(string userId, string role, ScopeKind scope, Guid? organizationId, string? regionCode, CancellationToken ct)
    {
        if (await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == role && a.Scope == scope && a.OrganizationId == organizationId && a.RegionCode == regionCode, ct))
        {
            return;
        }

        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = userId, Role = role, Scope = scope, OrganizationId = organizationId, RegionCode = regionCode });
        await db.SaveChangesAsync(ct);
    }
}
