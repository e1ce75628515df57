using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Organizations.Data;
using Yilian.Organizations.Features;
using Yilian.Organizations.Seeding;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Organizations;

public static class OrganizationsModule
{
    public static IHostApplicationBuilder AddOrganizationsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<OrganizationsDbContext>(OrganizationsDbContext.Module);
        builder.Services.AddScoped<OrganizationQueries>();
        builder.Services.AddScoped<RegisterOrganization>();
        builder.Services.AddScoped<IOrganizationLookup, OrganizationLookup>();
        builder.Services.AddScoped<ISeedStep, OrganizationSeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", async ([AsParameters] OrganizationListQuery q, OrganizationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(q, ct)))
            .WithName("ListOrganizations").WithSummary("Organizations in the caller's scope.");
        api.MapGet("/{id:guid}", async (Guid id, OrganizationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetOrganization").WithSummary("One organization; 404 when it does not exist or is outside the caller's scope.");
        api.MapPost("/", Register).WithName("RegisterOrganization").RequireAuthorization(Policies.Operator).WithIdempotency()
            .WithSummary("Register an organization (credit code checked, duplicates refused with 409).");
        return app;
    }

    private static async Task<Created<OrganizationDto>> Register(RegisterOrganizationRequest request, RegisterOrganization handler, OrganizationQueries queries, CancellationToken ct)
    {
        var id = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}", await queries.GetAsync(id, ct));
    }
}
