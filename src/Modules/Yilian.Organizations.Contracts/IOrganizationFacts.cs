namespace Yilian.Organizations.Contracts;

/// <summary>
/// What anyone may know of a registered organization (社会组织信息公开): its name, whether it may take on work (active, not
/// suspended or deregistered), its evaluation grade (0 none, 1–5 for 1A–5A), where it is and where it serves.
/// </summary>
/// <param name="ServiceAreaCodes">Streets and communities it serves (12-digit codes); empty when it has not said.</param>
/// <param name="Latitude">The map point of its address (GCJ-02), when known.</param>
public sealed record OrganizationFacts(
    Guid Id, string Name, string RegionCode, bool Active, string StatusName, int Grade, IReadOnlyList<string> ServiceAreaCodes,
    double? Latitude, double? Longitude);

/// <summary>
/// Implemented by the Organizations module for modules that rank or list organizations district-wide (matching a need to the
/// organizations that could meet it). Answers the public facts of every organization asked for, whatever the caller's data
/// scope: these facts are published, and a community's officer must see the organizations of the whole district to match.
/// </summary>
public interface IOrganizationFacts
{
    Task<IReadOnlyDictionary<Guid, OrganizationFacts>> PublicFactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The organizations the account mentors in an incubator (active or graduated): a judge is recused from their
    /// entries.</summary>
    Task<IReadOnlyList<Guid>> MentoredByAsync(string userName, CancellationToken ct);
}
