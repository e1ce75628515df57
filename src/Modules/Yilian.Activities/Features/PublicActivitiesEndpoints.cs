using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Activities.Features;

/// <summary>The HTTP endpoints of PublicActivities: its API operations and its pages' form posts, each a named handler.</summary>
internal static class PublicActivitiesEndpoints
{
    public static IEndpointRouteBuilder MapPublicActivitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Public activities");
        feature.MapGet("/api/v1/public/activities", PublicActivitiesAsync)
            .WithName("PublicActivities").WithSummary("List public activities").AllowAnonymous()
            .WithDescription("Published activities in the coming days (at most 62), optionally in one community or street.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PublicActivity>>> PublicActivitiesAsync(
        string? community, int? days, PublicActivities p, CancellationToken ct) =>
        TypedResults.Ok(await p.UpcomingAsync(community, days ?? 30, ct));
}
