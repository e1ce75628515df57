using Yilian.Projects.Contracts;

namespace Yilian.Projects.Features;

/// <summary>Other modules' projects enter intake through the same command as the project form (its checks, its timeline).
/// The caller's request must not carry an idempotency key meant for something else: the command would answer that key's
/// project.</summary>
internal sealed class ProjectIntakes(ProjectCommands commands) : IProjectIntake
{
    public Task<Guid> CreateAsync(ProjectIntake intake, CancellationToken ct) => commands.CreateAsync(new CreateProjectRequest
    {
        OrganizationId = intake.OrganizationId, Name = intake.Name, Summary = intake.Summary, ServiceFields = intake.ServiceField,
        PeriodStart = intake.PeriodStart, PeriodEnd = intake.PeriodEnd, FundingSource = intake.FundingSource,
        FundingAmount = intake.FundingAmount,
    }, ct);
}
