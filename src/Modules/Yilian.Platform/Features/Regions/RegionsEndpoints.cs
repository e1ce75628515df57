using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel.Errors;
namespace Yilian.Platform.Features.Regions;

/// <summary>The district's regions: streets and communities.</summary>
internal static class RegionsEndpoints
{
    public static IEndpointRouteBuilder MapRegionsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Regions");
        var regions = feature.MapGroup("/api/v1/regions").RequireAuthorization();
        regions.MapGet("/", ListRegionsAsync).WithName("ListRegions").WithSummary("List regions")
            .WithDescription("The children of a region (the district's streets, a street's communities).");
        regions.MapGet("/{code}", GetRegionAsync).WithName("GetRegion").WithSummary("Get a region")
            .WithDescription("One region by its 12-digit code.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RegionDto>>> ListRegionsAsync(string? parent, RegionQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.ChildrenAsync(parent, ct));

    private static async Task<Ok<RegionDto>> GetRegionAsync(string code, RegionQueries q, CancellationToken ct) =>
        await q.GetAsync(code, ct) is { } region ? TypedResults.Ok(region) : throw new NotFoundException("Region", code);
}
