using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Projects.Features;

/// <summary>The HTTP endpoints of WorkflowStore: its API operations and its pages' form posts, each a named handler.</summary>
internal static class WorkflowStoreEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowStoreEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Project workflows");
        var workflows = feature.MapGroup("/api/v1/workflows").RequireAuthorization(Policies.BackOffice);
        workflows.MapGet("/current", CurrentWorkflowAsync)
            .WithName("CurrentWorkflow").WithSummary("Get the project workflow")
            .WithDescription("The workflow in force: stages, transitions, gates and the evaluation rubric.");
        workflows.MapPost("/", PublishWorkflowAsync)
            .WithName("PublishWorkflow")
            .WithSummary("Publish a project workflow")
            .RequireAuthorization(Policies.Operator)
            .WithDescription("Body: the workflow definition JSON; refused with every problem named.");
        return app;
    }

    private static async Task<Ok<WorkflowDto>> CurrentWorkflowAsync(WorkflowStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.CurrentDtoAsync(ct));

    private static async Task<Ok<WorkflowDto>> PublishWorkflowAsync(HttpRequest request, WorkflowStore store, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return TypedResults.Ok(await store.PublishAsync(await reader.ReadToEndAsync(ct), ct));
    }
}
