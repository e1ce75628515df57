using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Projects.Features;

/// <summary>The HTTP endpoints of ProjectCommands: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ProjectCommandsEndpoints
{
    public static IEndpointRouteBuilder MapProjectCommandsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Projects");
        var api = feature.MapGroup("/api/v1/projects").RequireAuthorization(Policies.BackOffice);
        api.MapPost("/", CreateProjectAsync)
            .WithName("CreateProject").WithSummary("Create a project").WithIdempotency()
            .WithDescription("A new project at the workflow's first stage, with its indicators.");
        api.MapPost("/{id:guid}/transitions", TransitionProjectAsync)
            .WithName("TransitionProject")
            .WithSummary("Transition project")
            .WithDescription("Move a project to another stage: 403 when the role may not, 409 with every failed check when a gate blocks.");
        api.MapPost("/{id:guid}/comments", CommentOnProjectAsync)
            .WithName("CommentOnProject").WithSummary("Comment on a project")
            .WithDescription("Adds a comment to the project's timeline.");
        api.MapPut("/{id:guid}/indicators/{indicatorId:guid}", SetIndicatorActualAsync)
            .WithName("SetIndicatorActual").WithSummary("Record an indicator's actual value")
            .WithDescription("Sets the achieved value of one of the project's indicators.");
        return app;
    }

    private static async Task<Created> CreateProjectAsync(CreateProjectRequest request, ProjectCommands commands, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/projects/{await commands.CreateAsync(request, ct)}");

    private static async Task<NoContent> TransitionProjectAsync(
        Guid id, TransitionRequest request, ProjectCommands commands, HttpContext http, CancellationToken ct)
    {
        await commands.TransitionAsync(id, request, English(http), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> CommentOnProjectAsync(
        Guid id, CommentRequest request, ProjectCommands commands, CancellationToken ct)
    {
        await commands.CommentAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetIndicatorActualAsync(
        Guid id, Guid indicatorId, IndicatorActualRequest request, ProjectCommands commands, CancellationToken ct)
    {
        await commands.SetActualAsync(id, indicatorId, request, ct);
        return TypedResults.NoContent();
    }

    private static bool English(HttpContext http) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
