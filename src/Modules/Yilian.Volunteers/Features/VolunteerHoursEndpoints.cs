using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of <see cref="VolunteerHours"/>: the caller's own hours, or a volunteer's in the caller's scope.</summary>
internal static class VolunteerHoursEndpoints
{
    public static IEndpointRouteBuilder MapVolunteerHoursEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(CheckInsEndpoints.Tag).RequireAuthorization();
        feature.MapGet("/api/v1/volunteers/me/hours", MyHoursAsync)
            .WithName("MyHours").WithSummary("Get my service hours")
            .WithDescription("The signed-in volunteer's confirmed total (overlaps counted once) and records.");
        feature.MapGet("/api/v1/volunteers/{id:guid}/hours", VolunteerHoursAsync)
            .WithName("VolunteerHours")
            .WithSummary("Volunteer hours")
            .WithDescription("Confirmed total (overlaps counted once) and records.");
        return app;
    }

    private static async Task<Ok<HoursSummary>> MyHoursAsync(VolunteerHours h, CancellationToken ct) =>
        TypedResults.Ok(await h.ForAsync(null, ct));

    private static async Task<Ok<HoursSummary>> VolunteerHoursAsync(Guid id, VolunteerHours h, CancellationToken ct) =>
        TypedResults.Ok(await h.ForAsync(id, ct));
}
