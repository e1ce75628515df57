using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Supply.Features.Matching;

/// <summary>The HTTP endpoints of matching: a need's ranked organizations, and an organization's fitting needs.</summary>
internal static class MatchesEndpoints
{
    public static IEndpointRouteBuilder MapMatchesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Matching");
        feature.MapGet("/api/v1/needs/{id:guid}/matches", MatchNeedAsync).RequireAuthorization(Policies.BackOffice).WithName("MatchNeed")
            .WithSummary("Rank organizations for a need")
            .WithDescription("The organizations whose listed service projects could meet the need, best first (top, at most 50), each "
                + "with its best project, score out of 100 and every reason with its weight and points; those left out (not active, "
                + "no room left) with why.");
        feature.MapGet("/api/v1/needs/fitting", FittingNeedsAsync).RequireAuthorization(Policies.BackOffice).WithName("FittingNeeds")
            .WithSummary("Open needs an organization fits")
            .WithDescription("The open public needs that the organization's listed projects fit, best first, with the reasons; "
                + "organizationId may be left out by a person of one organization.");
        return app;
    }

    private static async Task<Ok<NeedMatchesDto>> MatchNeedAsync(Guid id, int? top, Matches matches, CancellationToken ct) =>
        TypedResults.Ok(await matches.ForNeedAsync(id, top ?? 20, ct));

    private static async Task<Ok<FittingNeedsDto>> FittingNeedsAsync(Guid? organizationId, int? top, Matches matches,
        CancellationToken ct) =>
        TypedResults.Ok(await matches.ForOrganizationAsync(organizationId, top ?? 20, ct));
}
