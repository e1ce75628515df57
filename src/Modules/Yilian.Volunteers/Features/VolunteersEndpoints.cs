using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel.Security;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Volunteers: its API operations and its pages' form posts, each a named handler.</summary>
internal static class VolunteersEndpoints
{
    public static IEndpointRouteBuilder MapVolunteersEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Volunteer registration");
        var volunteers = feature.MapGroup("/api/v1/volunteers");
        volunteers.MapGet("/me", MyVolunteerProfileAsync)
            .RequireAuthorization().WithName("MyVolunteerProfile").WithSummary("Get my volunteer record")
            .WithDescription("The signed-in volunteer's registration, ID number and phone masked; 404 when the account has none.");
        volunteers.MapGet("/{id:guid}", GetVolunteerAsync)
            .RequireAuthorization()
            .WithName("GetVolunteer")
            .WithSummary("Get a volunteer")
            .WithDescription("ID number and phone masked; within the caller's scope.");
        return app;
    }

    private static async Task<Ok<VolunteerDto>> MyVolunteerProfileAsync(Registration registration, ICurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await registration.MineAsync(user.UserId, ct));

    private static async Task<Ok<VolunteerDto>> GetVolunteerAsync(Guid id, Registration registration, CancellationToken ct) =>
        TypedResults.Ok(await registration.GetAsync(id, ct));
}
