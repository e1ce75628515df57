using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Projects.Features;

/// <summary>The HTTP endpoints of ProjectQueries: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ProjectQueriesEndpoints
{
    public static IEndpointRouteBuilder MapProjectQueriesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Projects");
        var api = feature.MapGroup("/api/v1/projects").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/board", ProjectBoardAsync)
            .WithName("ProjectBoard")
            .WithSummary("Project board")
            .WithDescription("Projects by stage (the 20 most recently moved per stage, with totals).");
        api.MapGet("/{id:guid}", GetProjectAsync)
            .WithName("GetProject")
            .WithSummary("Get project")
            .WithDescription("One project with indicators, documents, timeline and the transitions open to the caller.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BoardColumn>>> ProjectBoardAsync(
        string? q, Guid? organizationId, bool? stalled, ProjectQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.BoardAsync(q, organizationId, ct, stalled == true));

    private static async Task<Ok<ProjectDetail>> GetProjectAsync(Guid id, ProjectQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(id, ct));
}
