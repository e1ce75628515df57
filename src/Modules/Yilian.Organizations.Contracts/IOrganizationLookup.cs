namespace Yilian.Organizations.Contracts;

/// <param name="ContactPhone">The organization's public contact number (printed on the certificates it issues).</param>
public sealed record OrganizationRef(Guid Id, string Name, string CreditCode, string RegionCode, string? ContactPhone = null);

/// <param name="Phone">Decrypted, for reminders by SMS; never shown unmasked.</param>
public sealed record StaffRef(Guid Id, Guid OrganizationId, string Name, string? Phone = null);

/// <summary>
/// Implemented by the Organizations module so that Platform can bind an account to an organization
/// without depending on that module. Answers within the caller's data scope.
/// </summary>
public interface IOrganizationLookup
{
    Task<OrganizationRef?> FindAsync(Guid id, CancellationToken ct);

    Task<OrganizationRef?> FindByCreditCodeAsync(string creditCode, CancellationToken ct);

    /// <summary>The names of these organizations (those in the caller's scope), in one query: for lists that name them.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The organization's staff members (the people activities assign as organizers).</summary>
    Task<IReadOnlyList<StaffRef>> StaffAsync(Guid organizationId, CancellationToken ct);
}
