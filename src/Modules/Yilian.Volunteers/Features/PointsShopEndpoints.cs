using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of PointsShop: its API operations and its pages' form posts, each a named handler.</summary>
internal static class PointsShopEndpoints
{
    public static IEndpointRouteBuilder MapPointsShopEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Points shop");
        var shop = feature.MapGroup("/api/v1/points/shop").RequireAuthorization();
        shop.MapGet("/", PointsShopAsync)
            .WithName("PointsShop").WithSummary("List the points shop")
            .WithDescription("Rewards on offer in the caller's scope: points, stock and per-person limit.");
        shop.MapPost("/", CreateRewardAsync)
            .WithName("CreateReward")
            .WithSummary("Create reward")
            .WithDescription("An organizer offers a reward: points, stock, per-person limit.");
        shop.MapPost("/{rewardId:guid}/redemptions", RedeemRewardAsync)
            .WithName("RedeemReward")
            .WithSummary("Redeem reward")
            .WithDescription("Requires Idempotency-Key; 409 when out of stock, over the per-person limit or over the balance.");
        shop.MapGet("/redemptions", RedemptionsAsync)
            .WithName("Redemptions").WithSummary("List redemptions")
            .WithDescription("Redemptions to hand out (organizers) or your own (mine=true).");
        shop.MapPost("/redemptions/{id:guid}/fulfil", FulfilRedemptionAsync)
            .WithName("FulfilRedemption").WithSummary("Fulfil a redemption")
            .WithDescription("The organizer hands the reward over; a fulfilled redemption cannot be cancelled.");
        shop.MapPost("/redemptions/{id:guid}/cancel", CancelRedemptionAsync)
            .WithName("CancelRedemption")
            .WithSummary("Cancel redemption")
            .WithDescription("The item goes back to stock and the points back by a compensating row.");
        feature.MapPost("/volunteer/points/redeem", VolunteerPointsRedeemFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RewardDto>>> PointsShopAsync(PointsShop s, CancellationToken ct) =>
        TypedResults.Ok(await s.CatalogueAsync(ct));

    private static async Task<Created<RewardDto>> CreateRewardAsync(RewardRequest request, PointsShop s, CancellationToken ct)
    {
        var reward = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/points/shop/{reward.Id}", reward);
    }

    private static async Task<Ok<RedemptionDto>> RedeemRewardAsync(Guid rewardId, HttpRequest http, PointsShop s, CancellationToken ct) =>
        TypedResults.Ok(await s.RedeemAsync(rewardId, http.Headers[IdempotencyEndpointExtensions.Header], ct));

    private static async Task<Ok<IReadOnlyList<RedemptionDto>>> RedemptionsAsync(bool? mine, PointsShop s, CancellationToken ct) =>
        TypedResults.Ok(await s.RedemptionsAsync(mine ?? false, ct));

    private static async Task<Ok<RedemptionDto>> FulfilRedemptionAsync(Guid id, PointsShop s, CancellationToken ct) =>
        TypedResults.Ok(await s.SettleAsync(id, true, ct));

    private static async Task<Ok<RedemptionDto>> CancelRedemptionAsync(Guid id, PointsShop s, CancellationToken ct) =>
        TypedResults.Ok(await s.SettleAsync(id, false, ct));

    private static async Task<IResult> VolunteerPointsRedeemFormAsync(
        [FromForm] Guid rewardId, [FromForm] string? key, PointsShop s, CancellationToken ct) =>
        await PageForms.RunAsync("/volunteer/points?redeemed=1", () => s.RedeemAsync(rewardId, key, ct));
}
