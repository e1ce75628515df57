using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Contracts;

/// <param name="Organizations">The organizations the account works for (as their administrator or staff), when known.</param>
public sealed record AccountRef(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    IReadOnlyList<Guid>? Organizations = null);

public static class AccountDirectoryExtensions
{
    /// <summary>The signed-in person's name as shown (陈晓燕), for records that name who acted; the account name when there is none.</summary>
    public static async Task<string?> DisplayNameOfAsync(this IAccountDirectory accounts, ICurrentUser user, CancellationToken ct) =>
        (user.UserName is { } userName ? (await accounts.FindByUserNameAsync(userName, ct))?.DisplayName : null) is { Length: > 0 } name ? name : user.UserName;
}

/// <summary>Lets other modules look accounts up and grant a role in a scope (a mentor assigned to an incubated organization).</summary>
public interface IAccountDirectory
{
    Task<AccountRef?> FindByUserNameAsync(string userName, CancellationToken ct);

    /// <summary>The self-registered account that signs in with this mobile number (looked up by its blind index).</summary>
    Task<AccountRef?> FindByPhoneAsync(string phone, CancellationToken ct);

    /// <summary>The community officers (case workers) whose area covers the community: its own, and its street's.</summary>
    Task<IReadOnlyList<AccountRef>> CaseWorkersAsync(string communityCode, CancellationToken ct);

    /// <summary>Adds the assignment unless it exists; takes effect at the account's next sign-in.</summary>
    Task GrantAsync(string userId, string role, ScopeKind scope, Guid? organizationId, string? regionCode, CancellationToken ct);

    /// <summary>
    /// Self-registration of a volunteer or resident account (own records only); password rules apply. The person signs in
    /// with the mobile number; the account's user name is a generated handle, so the number is stored only as a blind index.
    /// </summary>
    Task<AccountRef> RegisterAsync(string phone, string displayName, string password, string role, CancellationToken ct);

    /// <summary>
    /// Removes a self-registered account whose registration did not finish (its profile could not be saved, or a crash
    /// came between the two), so the person can register again. Refuses any account holding more than self-service roles.
    /// </summary>
    Task WithdrawRegistrationAsync(string userId, CancellationToken ct);
}
