using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
namespace Yilian.Platform.Features.Workbench;

/// <summary>The signed-in person's to-dos.</summary>
internal static class WorkbenchEndpoints
{
    public static IEndpointRouteBuilder MapWorkbenchEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Workbench");
        feature.MapGet("/api/v1/workbench", GetWorkbenchAsync)
            .WithName("GetWorkbench").WithSummary("Get my to-dos").RequireAuthorization()
            .WithDescription("The signed-in person's to-dos, counted within their data scope, each with the page that lists them.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<WorkItem>>> GetWorkbenchAsync(Workbench workbench, CancellationToken ct) =>
        TypedResults.Ok(await workbench.ItemsAsync(ct));
}
