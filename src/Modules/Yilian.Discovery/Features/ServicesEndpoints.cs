using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.Ui;

namespace Yilian.Discovery.Features;

/// <summary>The HTTP endpoints of the service catalogue.</summary>
internal static class ServicesEndpoints
{
    public static IEndpointRouteBuilder MapServicesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Services");
        var api = feature.MapGroup("/api/v1/services");
        api.MapGet("/", PublicServicesAsync).AllowAnonymous().WithName("ListServices").WithSummary("List services")
            .WithDescription("Every listed service of the catalogue, for anyone, most recently updated first; filter by category "
                + "(elderly, children, youth, women, disabled, veterans, families, health, legal, employment, environment, community), "
                + "area (a community or street) and organizationId.");
        api.MapGet("/kept", KeptServicesAsync).RequireAuthorization(Policies.BackOffice).WithName("ListKeptServices")
            .WithSummary("List the services in scope")
            .WithDescription("The services in the caller's scope, listed or withdrawn (the back office's list); the same filters.");
        api.MapPost("/", CreateServiceAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency().WithName("CreateService")
            .WithSummary("Add a service")
            .WithDescription("An organization (or the operator for one) adds a service: name, category, summary, regionCode (the "
                + "community where it is), address, hours, howToApply, contact (the service point's public phone), keywords, and "
                + "optionally latitude/longitude (GCJ-02). Found by search within a second.");
        api.MapGet("/{id:guid}", GetServiceAsync).AllowAnonymous().WithName("GetService").WithSummary("Get a service")
            .WithDescription("A listed service, for anyone; a withdrawn one within the caller's scope.");
        api.MapPut("/{id:guid}", UpdateServiceAsync).RequireAuthorization(Policies.BackOffice).WithName("UpdateService")
            .WithSummary("Change a service").WithDescription("The same fields as adding it.");
        api.MapPost("/{id:guid}/withdraw", WithdrawServiceAsync).RequireAuthorization(Policies.BackOffice).WithName("WithdrawService")
            .WithSummary("Withdraw a service").WithDescription("Off the public catalogue and out of search.");
        feature.MapPost("/admin/services/{id:guid}/withdraw", WithdrawServiceFormAsync).RequireAuthorization(Policies.BackOffice)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<PagedResult<ServiceDto>>> PublicServicesAsync(string? category, string? area, Guid? organizationId,
        int? page, int? pageSize, Services services, CancellationToken ct) =>
        TypedResults.Ok(await services.PublicListAsync(new ServiceFilter(category, area, organizationId), PageRequest.Of(page, pageSize),
            ct));

    private static async Task<Ok<PagedResult<ServiceDto>>> KeptServicesAsync(string? category, string? area, Guid? organizationId,
        int? page, int? pageSize, Services services, CancellationToken ct) =>
        TypedResults.Ok(await services.ListAsync(new ServiceFilter(category, area, organizationId), PageRequest.Of(page, pageSize), ct));

    private static async Task<Created<ServiceDto>> CreateServiceAsync(ServiceInput input, Services services, CancellationToken ct)
    {
        var service = await services.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/services/{service.Id}", service);
    }

    private static async Task<Ok<ServiceDto>> GetServiceAsync(Guid id, Services services, CancellationToken ct) =>
        TypedResults.Ok(await services.GetAsync(id, ct));

    private static async Task<Ok<ServiceDto>> UpdateServiceAsync(Guid id, ServiceInput input, Services services, CancellationToken ct) =>
        TypedResults.Ok(await services.UpdateAsync(id, input, ct));

    private static async Task<Ok<ServiceDto>> WithdrawServiceAsync(Guid id, Services services, CancellationToken ct) =>
        TypedResults.Ok(await services.WithdrawAsync(id, ct));

    private static async Task<IResult> WithdrawServiceFormAsync(Guid id, Services services, CancellationToken ct) =>
        await PageForms.RunThenAsync($"/admin/services/{id}/edit", async () =>
        {
            await services.WithdrawAsync(id, ct);
            return "/admin/services";
        });
}
