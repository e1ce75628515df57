namespace Yilian.Organizations.Contracts;

public sealed record IncubatorChoice(Guid Id, string Name);

/// <summary>
/// Implemented by the Organizations module for modules that send an organization's project into an incubator (a competition's
/// funded entry): the incubators to choose from, and admission with the signed-in operator as its steward, with the same checks
/// as the incubator page.
/// </summary>
public interface IIncubatorIntake
{
    Task<IReadOnlyList<IncubatorChoice>> IncubatorsAsync(CancellationToken ct);

    /// <summary>Admits the project; one already in an incubator is left there and its incubation answered.</summary>
    Task<Guid> AdmitAsync(Guid incubatorId, Guid organizationId, Guid projectId, CancellationToken ct);
}
