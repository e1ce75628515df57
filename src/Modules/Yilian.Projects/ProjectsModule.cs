using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        builder.Services.AddScoped<IWorkbenchSource, ProjectsWorkbench>();
        builder.Services.AddScoped<ProjectDocuments>();
        builder.Services.AddScoped<EvaluateProject>();
        builder.Services.AddScoped<IOrganizationProjects, OrganizationProjectsQuery>();
        builder.Services.AddScoped<IProjectTimeline, ProjectTimelineRecorder>();
        builder.Services.AddScoped<ISeedStep, ProjectSeedStep>();
        return builder;
    }

    private static bool English(HttpContext http) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/board", async (string? q, Guid? organizationId, bool? stalled, ProjectQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.BoardAsync(q, organizationId, ct, stalled == true)))
            .WithName("ProjectBoard").WithSummary("Projects by stage (the 20 most recently moved per stage, with totals).");
        api.MapGet("/{id:guid}", async (Guid id, ProjectQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetProject").WithSummary("One project with indicators, documents, timeline and the transitions open to the caller.");
        api.MapPost("/", async (CreateProjectRequest request, ProjectCommands commands, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/projects/{await commands.CreateAsync(request, ct)}"))
            .WithName("CreateProject").WithIdempotency();
        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionRequest request, ProjectCommands commands, HttpContext http, CancellationToken ct) =>
            {
                await commands.TransitionAsync(id, request, English(http), ct);
                return TypedResults.NoContent();
            })
            .WithName("TransitionProject").WithSummary("Move a project to another stage: 403 when the role may not, 409 with every failed check when a gate blocks.");
        api.MapGet("/{id:guid}/evaluations", async (Guid id, EvaluateProject evaluate, CancellationToken ct) => TypedResults.Ok(await evaluate.SummaryAsync(id, ct)))
            .WithName("ProjectEvaluations");
        api.MapPost("/{id:guid}/evaluations", async (Guid id, EvaluationRequest request, EvaluateProject evaluate, CancellationToken ct) =>
            {
                await evaluate.SubmitAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("EvaluateProject").WithSummary("Score the project on its workflow's rubric (platform, regulator, mentors; at closing only).");
        api.MapPost("/{id:guid}/comments", async (Guid id, CommentRequest request, ProjectCommands commands, CancellationToken ct) =>
            {
                await commands.CommentAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("CommentOnProject");
        api.MapPut("/{id:guid}/indicators/{indicatorId:guid}", async (Guid id, Guid indicatorId, IndicatorActualRequest request, ProjectCommands commands, CancellationToken ct) =>
            {
                await commands.SetActualAsync(id, indicatorId, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("SetIndicatorActual");
        api.MapPost("/{id:guid}/documents", async (Guid id, [FromForm] string? documentType, IFormFile? file, ProjectDocuments documents, CancellationToken ct) =>
                TypedResults.Ok(await documents.UploadAsync(id, documentType, file, ct)))
            .WithName("UploadProjectDocument").DisableAntiforgery().WithSummary("multipart/form-data: documentType and file (PDF, images, Office; checked by content; 20 MB).");
        api.MapGet("/{id:guid}/documents/{documentId:guid}", Download).WithName("DownloadProjectDocument");

        // The same actions for the static pages: forms with antiforgery, then back to the page.
        app.MapPost("/admin/projects/{id:guid}/documents", async (Guid id, [FromForm] string? documentType, IFormFile? file, ProjectDocuments documents, CancellationToken ct) =>
            {
                try
                {
                    await documents.UploadAsync(id, documentType, file, ct);
                    return Results.LocalRedirect($"/admin/projects/{id}?uploaded=true");
                }
                catch (Exception e) when (e is Yilian.SharedKernel.Errors.UnsupportedFileException or Yilian.SharedKernel.Errors.FileTooLargeException or Yilian.SharedKernel.Errors.InputValidationException)
                {
                    var message = Yilian.SharedKernel.Errors.ErrorText.Of(e);
                    return Results.LocalRedirect($"/admin/projects/{id}?uploadError={Uri.EscapeDataString(message)}");
                }
            })
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();

        var workflows = app.MapGroup("/api/v1/workflows").WithTags("Projects").RequireAuthorization(Policies.BackOffice);
        workflows.MapGet("/current", async (WorkflowStore store, CancellationToken ct) => TypedResults.Ok(await store.CurrentDtoAsync(ct))).WithName("CurrentWorkflow");
        workflows.MapPost("/", async (HttpRequest request, WorkflowStore store, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                return TypedResults.Ok(await store.PublishAsync(await reader.ReadToEndAsync(ct), ct));
            })
            .WithName("PublishWorkflow").RequireAuthorization(Policies.Operator).WithSummary("Body: the workflow definition JSON; refused with every problem named.");
        return app;
    }

    private static async Task<FileStreamHttpResult> Download(Guid id, Guid documentId, ProjectDocuments documents, HttpContext http, CancellationToken ct)
    {
        var (content, fileName, contentType) = await documents.OpenAsync(id, documentId, ct);
        // Never rendered inline: a document can't run as a page of this site.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, contentType, fileName);
    }
}
