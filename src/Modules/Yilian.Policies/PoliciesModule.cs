using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Quartz;

using Yilian.Platform.Contracts;
using Yilian.Policies.Data;
using Yilian.Policies.Features;
using Yilian.Policies.Imports;
using Yilian.Policies.Rules;
using Yilian.Policies.Screening;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Policies;

public sealed record PolicySummary(string Id, int Version, string Name, Subject AppliesTo, string Department, string LegalBasis, Benefit Benefit, IReadOnlyList<string> Documents, bool Illustrative);

public sealed record PolicyFile(string? Text);

public sealed record ValidationAnswer(bool Valid, IReadOnlyList<PolicyProblem> Problems);

public sealed record PolicyCheckRequest(Dictionary<string, List<string>>? Answers, DateOnly? Date);

/// <summary>
/// Relief policies as data (issue 6): the catalogue and its versions, validation and publishing of policy
/// files, the resident's anonymous self-check, department imports, screening runs (on demand, nightly and
/// after each import, incremental) and the case workers' follow-up.
/// </summary>
public static class PoliciesModule
{
    public static IHostApplicationBuilder AddPoliciesModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<PoliciesDbContext>(PoliciesDbContext.Module);
        builder.Services.AddSingleton<PolicyCatalog>();
        builder.Services.AddScoped<PolicyPublishing>();
        builder.Services.AddScoped<PolicyRetirement>();
        builder.Services.AddScoped<ResultExports>();
        builder.Services.AddScoped<DataDictionaryPublishing>();
        builder.Services.AddScoped<DepartmentMappings>();
        builder.Services.AddScoped<Yilian.Platform.Contracts.IWorkbenchSource, ReliefWorkbench>();
        builder.Services.AddScoped<ResidentImport>();
        builder.Services.AddScoped<Screenings>();
        builder.Services.AddScoped<Candidates>();
        builder.Services.AddScoped<CandidateOutcomes>();
        builder.Services.AddScoped<CandidateAssignment>();
        builder.Services.AddScoped<EligibilityTraces>();
        builder.Services.AddScoped<ResidentChecks>();
        builder.Services.AddScoped<ContactRequests>();
        builder.Services.AddScoped<Seeding.ResidentScaleSeeder>();
        builder.Services.AddScoped<ISeedStep, PolicySeedStep>();
        builder.Services.AddScoped<ISearchSource, PolicySearchSource>();
        var nightly = builder.Configuration["Policies:ScreeningCron"] is { Length: > 0 } cron ? cron : "0 30 2 * * ?";
        // Quartz merges this with the host's scheduler set-up (AddQuartz may be called by each module).
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<ScreeningJob>(j => j.WithIdentity(Screenings.Job).StoreDurably());
            q.AddTrigger(t => t.ForJob(Screenings.Job).WithIdentity("policy-screening-nightly", "policies")
                .WithCronSchedule(nightly, c => c.InTimeZone(ChinaTime.Zone)));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Policies")
            .MapPolicyCatalogEndpoints()
            .MapPolicyPublishingEndpoints()
            .MapDataDictionaryEndpoints()
            .MapPolicyRetirementEndpoints()
            .MapContactRequestsEndpoints()
            .MapResidentImportEndpoints()
            .MapScreeningsEndpoints()
            .MapCandidatesEndpoints()
            .MapCandidateAssignmentEndpoints()
            .MapCandidateOutcomesEndpoints()
            .MapResidentChecksEndpoints();
        return app;
    }
}
