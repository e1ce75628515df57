namespace Yilian.Platform.Contracts;

public sealed record OrganizationRef(Guid Id, string Name, string CreditCode, string RegionCode);

/// <summary>
/// Implemented by the Organizations module so that Platform can bind an account to an organization
/// without depending on that module. Answers within the caller's data scope.
/// </summary>
public interface IOrganizationLookup
{
    Task<OrganizationRef?> FindAsync(Guid id, CancellationToken ct);

    Task<OrganizationRef?> FindByCreditCodeAsync(string creditCode, CancellationToken ct);
}
