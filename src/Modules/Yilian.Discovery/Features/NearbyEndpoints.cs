using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Discovery.Features;

/// <summary>The HTTP endpoint of the charity map.</summary>
internal static class NearbyEndpoints
{
    public static IEndpointRouteBuilder MapNearbyEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Search");
        feature.MapGet("/api/v1/nearby", FindAsync).AllowAnonymous().WithName("Nearby").WithSummary("What is near a place")
            .WithDescription("The activities, services and organizations nearest to lat/lng (GCJ-02, as Chinese maps use; not kept) "
                + "or to a community's centre (community=its region code), nearest first, equal distances newest first, within 50 km. "
                + "kind: activity, service or organization, comma-separated; category: a service category; when: today, week or "
                + "month (the window an activity must start in; other kinds are not filtered by it); limit 1–50, default 20.");
        return app;
    }

    private static async Task<Ok<NearbyAnswer>> FindAsync(string? lat, string? lng, string? community, string? kind, string? category,
        string? when, string? limit, Nearby nearby, CancellationToken ct) =>
        TypedResults.Ok(await nearby.FindAsync(new NearbyQuery(lat, lng, community, kind, category, when, limit), ct));
}
