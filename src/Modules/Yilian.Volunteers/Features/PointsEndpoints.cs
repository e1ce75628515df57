using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Points: its API operations and its pages' form posts, each a named handler.</summary>
internal static class PointsEndpoints
{
    public static IEndpointRouteBuilder MapPointsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Love points");
        var points = feature.MapGroup("/api/v1/points").RequireAuthorization();
        points.MapGet("/", PointsLedgerAsync)
            .WithName("PointsLedger")
            .WithSummary("Points ledger")
            .WithDescription("Balance and movements: your own, or a volunteer's in your scope.");
        points.MapPost("/awards", AwardPointsAsync)
            .WithName("AwardPoints").WithSummary("Award points").WithDescription("Requires Idempotency-Key: the same key awards once.");
        points.MapPost("/redemptions", RedeemPointsAsync)
            .WithName("RedeemPoints")
            .WithSummary("Redeem points")
            .WithDescription("Requires Idempotency-Key; 409 when the balance does not cover it.");
        points.MapPost("/{entryId:guid}/reverse", ReversePointsAsync)
            .WithName("ReversePoints").WithSummary("Reverse points").WithDescription("A compensating entry, at most once.");
        return app;
    }

    private static async Task<Ok<PointsLedger>> PointsLedgerAsync(Guid? volunteerId, Points p, CancellationToken ct) =>
        TypedResults.Ok(await p.LedgerAsync(volunteerId, ct));

    private static async Task<Ok<PointsEntryDto>> AwardPointsAsync(
        PointsRequest request, HttpRequest http, Points p, CancellationToken ct) =>
        TypedResults.Ok(await p.AwardAsync(request, http.Headers[IdempotencyEndpointExtensions.Header], ct));

    private static async Task<Ok<PointsEntryDto>> RedeemPointsAsync(
        PointsRequest request, HttpRequest http, Points p, CancellationToken ct) =>
        TypedResults.Ok(await p.RedeemAsync(request, http.Headers[IdempotencyEndpointExtensions.Header], ct));

    private static async Task<Ok<PointsEntryDto>> ReversePointsAsync(Guid entryId, Points p, CancellationToken ct) =>
        TypedResults.Ok(await p.ReverseAsync(entryId, null, ct));
}
