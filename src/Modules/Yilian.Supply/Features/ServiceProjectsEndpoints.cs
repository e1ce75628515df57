using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.Ui;

namespace Yilian.Supply.Features;

/// <summary>The HTTP endpoints of the projects list (品牌项目).</summary>
internal static class ServiceProjectsEndpoints
{
    public static IEndpointRouteBuilder MapServiceProjectsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Service projects");
        var api = feature.MapGroup("/api/v1/service-projects");
        api.MapGet("/", ListServiceProjectsAsync).RequireAuthorization(Policies.BackOffice).WithName("ListServiceProjects")
            .WithSummary("List service projects")
            .WithDescription("The service projects in the caller's scope, listed or withdrawn, newest change first; filter by q, field, "
                + "organizationId and area (a community or street they serve).");
        api.MapPost("/", CreateServiceProjectAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency()
            .WithName("CreateServiceProject").WithSummary("List a service project")
            .WithDescription("An organization lists a service product: name, summary, serviceField, targetGroup, areaCodes (streets or "
                + "communities served; none for its own area), priceFrom/priceTo (yuan), capacity (places at once) and load (served now).");
        api.MapGet("/{id:guid}", GetServiceProjectAsync).AllowAnonymous().WithName("GetServiceProject").WithSummary("Get a service project")
            .WithDescription("A listed project, for anyone; a withdrawn one within the caller's scope.");
        api.MapPut("/{id:guid}", UpdateServiceProjectAsync).RequireAuthorization(Policies.BackOffice).WithName("UpdateServiceProject")
            .WithSummary("Change a service project").WithDescription("The same fields as listing it; only a listed project.");
        api.MapPost("/{id:guid}/withdraw", WithdrawServiceProjectAsync).RequireAuthorization(Policies.BackOffice)
            .WithName("WithdrawServiceProject").WithSummary("Withdraw a service project")
            .WithDescription("Off the list and out of matching; its ratings stay.");
        api.MapGet("/public", PublicServiceProjectsAsync).AllowAnonymous().WithName("PublicServiceProjects")
            .WithSummary("List public service projects").WithDescription("Every listed project, best rated first; the same filters.");
        feature.MapPost("/admin/supply/service-projects/{id:guid}/withdraw", WithdrawServiceProjectFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        return app;
    }

    private static ServiceProjectFilter Filter(string? q, string? field, Guid? organizationId, string? area) =>
        new(q, field, organizationId, area);

    private static async Task<Ok<PagedResult<ServiceProjectDto>>> ListServiceProjectsAsync(string? q, string? field, Guid? organizationId,
        string? area, int? page, int? pageSize, ServiceProjects projects, CancellationToken ct) =>
        TypedResults.Ok(await projects.ListAsync(Filter(q, field, organizationId, area), PageRequest.Of(page, pageSize), ct));

    private static async Task<Created<ServiceProjectDto>> CreateServiceProjectAsync(ServiceProjectInput input, ServiceProjects projects,
        CancellationToken ct)
    {
        var project = await projects.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/service-projects/{project.Id}", project);
    }

    private static async Task<Ok<ServiceProjectDto>> GetServiceProjectAsync(Guid id, ServiceProjects projects, CancellationToken ct) =>
        TypedResults.Ok(await projects.GetAsync(id, ct));

    private static async Task<Ok<ServiceProjectDto>> UpdateServiceProjectAsync(Guid id, ServiceProjectInput input, ServiceProjects projects,
        CancellationToken ct) =>
        TypedResults.Ok(await projects.UpdateAsync(id, input, ct));

    private static async Task<Ok<ServiceProjectDto>> WithdrawServiceProjectAsync(Guid id, ServiceProjects projects, CancellationToken ct) =>
        TypedResults.Ok(await projects.WithdrawAsync(id, ct));

    private static async Task<Ok<PagedResult<ServiceProjectDto>>> PublicServiceProjectsAsync(string? q, string? field, string? area,
        int? page, int? pageSize, ServiceProjects projects, CancellationToken ct) =>
        TypedResults.Ok(await projects.PublicListAsync(Filter(q, field, null, area), PageRequest.Of(page, pageSize), ct));

    private static async Task<IResult> WithdrawServiceProjectFormAsync(Guid id, ServiceProjects projects, CancellationToken ct) =>
        await PageForms.RunThenAsync($"/admin/supply/service-projects/{id}/edit", async () =>
        {
            await projects.WithdrawAsync(id, ct);
            return "/admin/supply/service-projects";
        });
}
