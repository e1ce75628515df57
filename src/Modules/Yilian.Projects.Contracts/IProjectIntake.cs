namespace Yilian.Projects.Contracts;

/// <summary>A project entering intake from elsewhere (a competition's funded entry): whose, what, when, funded by whom.</summary>
public sealed record ProjectIntake(Guid OrganizationId, string Name, string? Summary, string? ServiceField, DateOnly PeriodStart,
    DateOnly PeriodEnd, string FundingSource, decimal FundingAmount);

/// <summary>Implemented by the Projects module: creates a project at the intake stage of the current workflow, as the signed-in
/// person, with the same checks as the project form.</summary>
public interface IProjectIntake
{
    Task<Guid> CreateAsync(ProjectIntake intake, CancellationToken ct);
}
