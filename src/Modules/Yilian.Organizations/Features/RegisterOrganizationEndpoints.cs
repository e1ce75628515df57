using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Organizations.Features;

/// <summary>The HTTP endpoints of RegisterOrganization: its API operations and its pages' form posts, each a named handler.</summary>
internal static class RegisterOrganizationEndpoints
{
    public static IEndpointRouteBuilder MapRegisterOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Organizations");
        var api = feature.MapGroup("/api/v1/organizations").RequireAuthorization(Policies.BackOffice);
        api.MapPost("/", RegisterOrganizationAsync)
            .WithName("RegisterOrganization")
            .WithSummary("Register an organization")
            .RequireAuthorization(Policies.Operator)
            .WithIdempotency()
            .WithDescription("Register an organization (credit code checked, duplicates refused with 409).");
        return app;
    }

    private static async Task<Created<OrganizationDto>> RegisterOrganizationAsync(RegisterOrganizationRequest request, RegisterOrganization handler, OrganizationQueries queries, CancellationToken ct)
    {
        var id = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}", await queries.GetAsync(id, ct));
    }
}
