using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;

namespace Yilian.Supply.Features;

/// <summary>The HTTP endpoints of the resources list.</summary>
internal static class ResourceOffersEndpoints
{
    public static IEndpointRouteBuilder MapResourceOffersEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Resources");
        var api = feature.MapGroup("/api/v1/resources");
        api.MapGet("/", ListResourcesAsync).RequireAuthorization(Policies.BackOffice).WithName("ListResources")
            .WithSummary("List resources")
            .WithDescription("Offers in the caller's scope, newest first; filter by q, kind (Money, Space, Goods, Skills) and region.");
        api.MapPost("/", OfferResourceAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency().WithName("OfferResource")
            .WithSummary("Offer a resource")
            .WithDescription("kind, title, description, quantity, availableFrom/availableTo and public; an organization offers as itself, "
                + "an officer or operator names the provider, providerKind (Organization, Enterprise, Venue, VolunteerTeam) and "
                + "regionCode.");
        api.MapPost("/{id:guid}/withdraw", WithdrawResourceAsync).RequireAuthorization(Policies.BackOffice).WithName("WithdrawResource")
            .WithSummary("Withdraw a resource").WithDescription("No longer available; off the public list.");
        api.MapGet("/public", PublicResourcesAsync).AllowAnonymous().WithName("PublicResources").WithSummary("List public resources")
            .WithDescription("Public offers still available, newest first; the same filters.");
        return app;
    }

    private static async Task<Ok<PagedResult<ResourceDto>>> ListResourcesAsync(string? q, string? kind, string? region, int? page,
        int? pageSize, ResourceOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.ListAsync(new ResourceFilter(q, kind, region), PageRequest.Of(page, pageSize), ct));

    private static async Task<Created<ResourceDto>> OfferResourceAsync(ResourceInput input, ResourceOffers offers, CancellationToken ct)
    {
        var offer = await offers.OfferAsync(input, ct);
        return TypedResults.Created($"/api/v1/resources/{offer.Id}", offer);
    }

    private static async Task<Ok<ResourceDto>> WithdrawResourceAsync(Guid id, ResourceOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.WithdrawAsync(id, ct));

    private static async Task<Ok<PagedResult<ResourceDto>>> PublicResourcesAsync(string? q, string? kind, string? region, int? page,
        int? pageSize, ResourceOffers offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.PublicListAsync(new ResourceFilter(q, kind, region), PageRequest.Of(page, pageSize), ct));
}
