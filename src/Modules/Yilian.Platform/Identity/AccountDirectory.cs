using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.Platform.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

internal sealed class AccountDirectory(PlatformDbContext db, AdminAccounts accounts) : IAccountDirectory
{
    public async Task<AccountRef?> FindByUserNameAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Include(u => u.Assignments).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        return user is null ? null : RefOf(user);
    }

    public async Task<AccountRef?> FindByPhoneAsync(string phone, CancellationToken ct)
    {
        if (PhoneLogins.IndexOf(phone) is not { } index)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Include(u => u.Assignments).FirstOrDefaultAsync(u => u.PhoneIndex == index, ct);
        return user is null ? null : RefOf(user);
    }

    public async Task<IReadOnlyList<AccountRef>> CaseWorkersAsync(string communityCode, CancellationToken ct)
    {
        if (!Yilian.SharedKernel.Identifiers.RegionCode.IsWellFormed(communityCode))
        {
            return [];
        }

        var street = communityCode[..9] + "000";
        var ids = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == Roles.CommunityOfficer && ((a.Scope == ScopeKind.Community && a.RegionCode == communityCode) || (a.Scope == ScopeKind.Street && a.RegionCode == street)))
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new AccountRef(u.Id, u.UserName!, u.DisplayName, new[] { Roles.CommunityOfficer })).ToListAsync(ct);
    }

    public async Task<AccountRef> RegisterAsync(string phone, string displayName, string password, string role, CancellationToken ct)
    {
        if (role is not (Roles.Volunteer or Roles.Resident))
        {
            throw new InvalidOperationException("Only volunteers and residents register themselves.");
        }

        var index = PhoneLogins.IndexOf(phone) ?? throw InputValidationException.For("phone", PlatformText.Get("Account_PhoneInvalid"));
        if (await db.Users.AnyAsync(u => u.PhoneIndex == index, ct))
        {
            throw InputValidationException.For("phone", PlatformText.Get("Account_PhoneTaken"));
        }

        try
        {
            var user = await accounts.CreateAsync(
                PhoneLogins.NewHandle(role), displayName, password, role, ScopeKind.Self, null, null, ct, phoneIndex: index);
            return new AccountRef(user.Id, user.UserName!, user.DisplayName, [role]);
        }
        catch (DbUpdateException)
        {
            // The same number registering twice at once: the unique index decided.
            throw InputValidationException.For("phone", PlatformText.Get("Account_PhoneTaken"));
        }
    }

    public async Task WithdrawRegistrationAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return;
        }

        if (user.Assignments.Any(a => a.Scope != ScopeKind.Self || a.Role is not (Roles.Volunteer or Roles.Resident)))
        {
            throw new InvalidOperationException("Only a self-registered volunteer or resident account can be withdrawn.");
        }

        db.Sessions.RemoveRange(await db.Sessions.Where(s => s.UserId == userId).ToListAsync(ct));
        db.RoleAssignments.RemoveRange(user.Assignments);
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
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

    private static AccountRef RefOf(AppUser user) =>
        new(user.Id, user.UserName!, user.DisplayName, [.. user.Assignments.Select(a => a.Role).Distinct()],
            [.. user.Assignments.Where(a => a.OrganizationId is not null && Roles.WorkForOrganization.Contains(a.Role))
                .Select(a => a.OrganizationId!.Value).Distinct()]);
}
