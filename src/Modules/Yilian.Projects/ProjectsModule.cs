using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.Projects.Data;
using Yilian.Projects.Features;
using Yilian.Projects.Seeding;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Projects;

public static class ProjectsModule
{
    public static IHostApplicationBuilder AddProjectsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<ProjectsDbContext>(ProjectsDbContext.Module);
        builder.Services.AddScoped<WorkflowStore>();
        builder.Services.AddScoped<ProjectCommands>();
        builder.Services.AddScoped<ProjectQueries>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<BoardCache>();
        builder.Services.AddScoped<IWorkbenchSource, ProjectsWorkbench>();
        builder.Services.AddScoped<ProjectDocuments>();
        builder.Services.AddScoped<EvaluateProject>();
        builder.Services.AddScoped<IOrganizationProjects, OrganizationProjectsQuery>();
        builder.Services.AddScoped<IProjectIntake, ProjectIntakes>();
        builder.Services.AddScoped<IProjectTimeline, ProjectTimelineRecorder>();
        builder.Services.AddScoped<ISeedStep, ProjectSeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Projects")
            .MapProjectQueriesEndpoints()
            .MapProjectCommandsEndpoints()
            .MapEvaluateProjectEndpoints()
            .MapProjectDocumentsEndpoints()
            .MapWorkflowStoreEndpoints();
        return app;
    }
}
