using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Discovery.Features;

/// <summary>The HTTP endpoint of the one search box.</summary>
internal static class SearchesEndpoints
{
    public static IEndpointRouteBuilder MapSearchesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Search");
        feature.MapGet("/api/v1/search", SearchAsync).AllowAnonymous().WithName("Search").WithSummary("Search everything")
            .WithDescription("Services, public activities, organizations and policies matching q (Chinese of any length, full pinyin "
                + "with or without spaces, initials, mixed, traditional or full-width; at most 50 characters), grouped by kind: exact "
                + "names first, then names that start with the query, then the rest, most recent first. kind limits to one group; "
                + "limit (1–50, default 5) is per group. Signed-in staff also find staff-only content. Highlights are positions in "
                + "each name.");
        return app;
    }

    private static async Task<Ok<SearchAnswer>> SearchAsync(string? q, string? kind, int? limit, Searches searches, CancellationToken ct) =>
        TypedResults.Ok(await searches.SearchAsync(q, kind, limit, ct));
}
