using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Contracts;

public sealed record AccountRef(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Lets other modules look accounts up and grant a role in a scope (a mentor assigned to an incubated organization).</summary>
public interface IAccountDirectory
{
    Task<AccountRef?> FindByUserNameAsync(string userName, CancellationToken ct);

    /// <summary>The community officers (case workers) whose area covers the community: its own, and its street's.</summary>
    Task<IReadOnlyList<AccountRef>> CaseWorkersAsync(string communityCode, CancellationToken ct);

    /// <summary>Adds the assignment unless it exists; takes effect at the account's next sign-in.</summary>
    Task GrantAsync(string userId, string role, ScopeKind scope, Guid? organizationId, string? regionCode, CancellationToken ct);

    /// <summary>Self-registration of a volunteer or resident account (own records only); password rules apply.</summary>
    Task<AccountRef> RegisterAsync(string userName, string displayName, string password, string role, CancellationToken ct);
}
