using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

/// <summary>Creates accounts with role assignments; used by the <c>create-admin</c> command (the only way to the first administrator).</summary>
internal sealed class AdminAccounts(UserManager<AppUser> users, PlatformDbContext db, TimeProvider clock)
{
    public async Task<AppUser> CreateAsync(
        string userName, string displayName, string password, string role, ScopeKind scope, string? regionCode, Guid? organizationId, CancellationToken ct,
        string? phoneIndex = null)
    {
        if (!Roles.All.Contains(role))
        {
            throw InputValidationException.For("role", $"Unknown role '{role}'. Known: {string.Join(", ", Roles.All)}");
        }

        if (scope is ScopeKind.District or ScopeKind.Street or ScopeKind.Community)
        {
            if (!RegionCode.IsWellFormed(regionCode) || !await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
            {
                throw InputValidationException.For("region", $"Region '{regionCode}' does not exist; import regions first.");
            }
        }

        var user = new AppUser
        {
            UserName = userName, DisplayName = displayName, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true, PhoneIndex = phoneIndex,
        };
        // The password is checked and hashed before the write transaction: hashing is the slow part, and on SQLite the
        // transaction holds the one write lock that every other writer waits for.
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        ThrowIfAny(errors);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        ThrowIfAny((await users.CreateAsync(user)).Errors);

        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = role, Scope = scope, RegionCode = regionCode, OrganizationId = organizationId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    private static void ThrowIfAny(IEnumerable<IdentityError> errors)
    {
        var list = errors.ToList();
        if (list.Count > 0)
        {
            throw new InputValidationException(list.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
    }
}
