using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Projects.Features;

/// <summary>The HTTP endpoints of EvaluateProject: its API operations and its pages' form posts, each a named handler.</summary>
internal static class EvaluateProjectEndpoints
{
    public static IEndpointRouteBuilder MapEvaluateProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Project evaluation");
        var api = feature.MapGroup("/api/v1/projects").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/{id:guid}/evaluations", ProjectEvaluationsAsync)
            .WithName("ProjectEvaluations").WithSummary("List a project's evaluations")
            .WithDescription("Scores given on the workflow's rubric, with the evaluator's role.");
        api.MapPost("/{id:guid}/evaluations", EvaluateProjectAsync)
            .WithName("EvaluateProject")
            .WithSummary("Evaluate project")
            .WithDescription("Score the project on its workflow's rubric (platform, regulator, mentors; at closing only).");
        return app;
    }

    private static async Task<Ok<EvaluationSummary>> ProjectEvaluationsAsync(Guid id, EvaluateProject evaluate, CancellationToken ct) =>
        TypedResults.Ok(await evaluate.SummaryAsync(id, ct));

    private static async Task<NoContent> EvaluateProjectAsync(
        Guid id, EvaluationRequest request, EvaluateProject evaluate, CancellationToken ct)
    {
        await evaluate.SubmitAsync(id, request, ct);
        return TypedResults.NoContent();
    }
}
