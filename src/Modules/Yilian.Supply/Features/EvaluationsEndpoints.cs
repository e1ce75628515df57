using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.Ui;

namespace Yilian.Supply.Features;

public sealed record ServedRating(int? Score, string? Comment);

/// <summary>The HTTP endpoints of the evaluations list: ratings given and read, and the need page's rating form.</summary>
internal static class EvaluationsEndpoints
{
    public static IEndpointRouteBuilder MapEvaluationsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Evaluations");
        var api = feature.MapGroup("/api/v1/evaluations");
        api.MapGet("/", ListEvaluationsAsync).RequireAuthorization(Policies.BackOffice).WithName("ListEvaluations")
            .WithSummary("List evaluations")
            .WithDescription("Ratings in the caller's scope, newest first; filter by organizationId, serviceProjectId or needId.");
        api.MapPost("/", RateAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency().WithName("Rate")
            .WithSummary("Rate the work that met a need")
            .WithDescription("The community that posted a need, once it is met, rates the service project that met it: needId, "
                + "serviceProjectId, score (1–5) and a comment. Once per project per need; counted in the next matching.");
        api.MapGet("/public", PublicEvaluationsAsync).AllowAnonymous().WithName("PublicEvaluations").WithSummary("List public evaluations")
            .WithDescription("Every rating, newest first, without who gave it; the same filters.");
        api.MapGet("/served/{token}", (string token, Evaluations e, CancellationToken ct) => e.ServedAsync(token, ct)).AllowAnonymous()
            .WithName("ServedRating").WithSummary("The service behind a rating link")
            .WithDescription("What a delivered purchase's rating link rates, how many people served rated it and their mean, and the "
                + "caller's own rating when signed in.");
        api.MapPost("/served/{token}", RateServedAsync).AllowAnonymous().WithName("RateServed")
            .WithSummary("Rate a service received, in one tap")
            .WithDescription("From a person's own link (sent by SMS after the delivery) without an account, or from the shared link as a "
                + "resident or volunteer account; once per person: score (1–5) and an optional comment. Counted in the service "
                + "project's ratings and the next matching.");
        feature.MapPost("/admin/supply/needs/{id:guid}/rate", RateFormAsync).RequireAuthorization(Policies.BackOffice)
            .ExcludeFromDescription();
        return app;
    }

    private static EvaluationFilter Filter(Guid? organizationId, Guid? serviceProjectId, Guid? needId) =>
        new(organizationId, serviceProjectId, needId);

    private static async Task<Ok<PagedResult<EvaluationDto>>> ListEvaluationsAsync(Guid? organizationId, Guid? serviceProjectId,
        Guid? needId, int? page, int? pageSize, Evaluations evaluations, CancellationToken ct) =>
        TypedResults.Ok(await evaluations.ListAsync(Filter(organizationId, serviceProjectId, needId), PageRequest.Of(page, pageSize), ct));

    private static async Task<Created<EvaluationDto>> RateAsync(EvaluationInput input, Evaluations evaluations, CancellationToken ct)
    {
        var evaluation = await evaluations.RateAsync(input, ct);
        return TypedResults.Created($"/api/v1/evaluations/public?serviceProjectId={evaluation.ServiceProjectId}", evaluation);
    }

    private static async Task<NoContent> RateServedAsync(string token, ServedRating input, Evaluations evaluations, CancellationToken ct)
    {
        await evaluations.RateServedAsync(token, input.Score, input.Comment, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedResult<EvaluationDto>>> PublicEvaluationsAsync(Guid? organizationId, Guid? serviceProjectId,
        Guid? needId, int? page, int? pageSize, Evaluations evaluations, CancellationToken ct) =>
        TypedResults.Ok(await evaluations.PublicListAsync(Filter(organizationId, serviceProjectId, needId), PageRequest.Of(page, pageSize),
            ct));

    private static async Task<IResult> RateFormAsync(Guid id, [FromForm] Guid? serviceProjectId, [FromForm] int? score,
        [FromForm] string? comment, Evaluations evaluations, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/supply/needs/{id}", () => evaluations.RateAsync(new EvaluationInput(id, serviceProjectId, score,
            comment), ct));
}
