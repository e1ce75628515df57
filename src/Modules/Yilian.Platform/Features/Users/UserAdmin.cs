using System.ComponentModel.DataAnnotations;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.Platform.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Platform.Features.Users;

public sealed class CreateUserRequest
{
    [RequiredField, SafeText(64), RegularExpression("^[A-Za-z0-9_.@-]{3,64}$", ErrorMessageResourceType = typeof(PlatformMessages), ErrorMessageResourceName = nameof(PlatformMessages.UserNameFormat)), Label(typeof(PlatformText), "User_UserName")]
    public string? UserName { get; set; }

    [RequiredField, SafeText(50), Label(typeof(PlatformText), "User_DisplayName")]
    public string? DisplayName { get; set; }

    [RequiredField, SafeText(256, AllowMarkup = true), Label(typeof(PlatformText), "User_Password")]
    public string? Password { get; set; }

    [RequiredField, Label(typeof(PlatformText), "User_Role")]
    public string? Role { get; set; }

    [RequiredField, Label(typeof(PlatformText), "User_Scope")]
    public ScopeKind? Scope { get; set; }

    [RegionCode, Label(typeof(PlatformText), "User_Region")]
    public string? RegionCode { get; set; }

    [CreditCode, Label(typeof(PlatformText), "User_Organization")]
    public string? OrganizationCreditCode { get; set; }
}

/// <summary>Resource accessors for DataAnnotations attributes that need static properties.</summary>
public static class PlatformMessages
{
    public static string UserNameFormat => PlatformText.Get("User_UserNameFormat");

    public static string DictionaryCodeFormat => PlatformText.Get("Dict_CodeFormat");
}

public sealed record UserDto(string Id, string UserName, string DisplayName, bool IsLockedOut, bool TwoFactorEnabled, DateTimeOffset CreatedAt, IReadOnlyList<AssignmentDto> Assignments);

public sealed record AssignmentDto(string Role, ScopeKind Scope, string? RegionCode, Guid? OrganizationId);

/// <summary>Operators list accounts, create them with one role in one scope, and unlock them.</summary>
internal sealed class UserAdmin(PlatformDbContext db, UserManager<AppUser> users, IOrganizationLookup organizations, IDataScopeProvider scope, TimeProvider clock)
{
    public async Task<PagedResult<UserDto>> ListAsync(string? q, int? page, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        var now = clock.GetUtcNow();
        var result = await query.OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt, u.Assignments })
            .ToPagedAsync(PageRequest.Of(page, 50), ct);
        return new PagedResult<UserDto>(
            [.. result.Items.Select(u => new UserDto(u.Id, u.UserName!, u.DisplayName, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAt,
                [.. u.Assignments.Select(a => new AssignmentDto(a.Role, a.Scope, a.RegionCode, a.OrganizationId))]))],
            result.Total, result.Page, result.PageSize);
    }

    public async Task<string> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        if (MobileNumber.TryNormalize(request.UserName, out _))
        {
            throw InputValidationException.For("userName", PlatformText.Get("User_UserNameIsPhone"));
        }
        if (!Roles.All.Contains(request.Role))
        {
            throw InputValidationException.For("role", PlatformText.Get("User_UnknownRole"));
        }

        Rules.Check(new ScopeMustFitRole(request.Role!, request.Scope!.Value));
        string? region = null;
        Guid? organizationId = null;
        switch (request.Scope)
        {
            case ScopeKind.District or ScopeKind.Street or ScopeKind.Community:
                region = request.RegionCode;
                var level = region is null ? (RegionLevel?)null : RegionCode.LevelOf(region);
                var expected = request.Scope switch { ScopeKind.District => RegionLevel.District, ScopeKind.Street => RegionLevel.Street, _ => RegionLevel.Community };
                if (region is null || level != expected || !await db.Regions.AnyAsync(r => r.Code == region, ct) || !scope.Current.CoversRegion(region))
                {
                    throw InputValidationException.For("regionCode", PlatformText.Get("User_RegionNotAllowed"));
                }

                break;
            case ScopeKind.Organization:
                var org = request.OrganizationCreditCode is null ? null : await organizations.FindByCreditCodeAsync(CreditCode.Normalize(request.OrganizationCreditCode), ct);
                organizationId = org?.Id ?? throw InputValidationException.For("organizationCreditCode", PlatformText.Get("User_OrganizationNotFound"));
                break;
            default:
                break;
        }

        var user = new AppUser { UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, request.Password!);
        if (!result.Succeeded)
        {
            throw new InputValidationException(result.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Code == "DuplicateUserName" ? PlatformText.Get("User_Duplicate") : e.Description).ToArray()));
        }

        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = request.Role!, Scope = request.Scope.Value, RegionCode = region, OrganizationId = organizationId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user.Id;
    }

    public async Task UnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        _ = ct;
    }
}

/// <summary>Each role works in scopes that make sense for it (an organization's staff in their organization…).</summary>
internal sealed class ScopeMustFitRole(string role, ScopeKind scope) : IBusinessRule
{
    public static IReadOnlyList<ScopeKind> AllowedFor(string role) => role switch
    {
        Roles.Regulator or Roles.PlatformOperator => [ScopeKind.District, ScopeKind.Street],
        Roles.OrgAdmin or Roles.OrgStaff => [ScopeKind.Organization],
        Roles.CommunityOfficer => [ScopeKind.Street, ScopeKind.Community],
        _ => [ScopeKind.Self],
    };

    public bool IsBroken() => !AllowedFor(role).Contains(scope);

    public string Message => PlatformText.Get("User_ScopeDoesNotFitRole");
}
