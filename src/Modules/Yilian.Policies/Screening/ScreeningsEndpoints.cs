using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Policies.Domain;
using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Screening;

/// <summary>The HTTP endpoints of Screenings: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ScreeningsEndpoints
{
    public static IEndpointRouteBuilder MapScreeningsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Screenings");
        var screenings = feature.MapGroup("/api/v1/screenings");
        screenings.MapPost("/", StartScreeningAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery().WithName("StartScreening").WithSummary("Start a screening")
            .WithDescription("Starts a screening (full, or incremental over the households changed since the last one); poll its status.");
        screenings.MapGet("/", ScreeningRunsAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ScreeningRuns").WithSummary("List screening runs")
            .WithDescription("Recent screening runs with their status and counts.");
        screenings.MapGet("/{id:guid}", ScreeningRunAsync)
            .RequireAuthorization(AuthPolicies.BackOffice)
            .WithName("ScreeningRun")
            .WithSummary("Screening run")
            .WithDescription("Status, counts, timings, policy versions and parameter dates of one run.");
        feature.MapPost("/admin/relief/screen", ReliefScreenFormAsync)
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        return app;
    }

    private static async Task<Accepted<RunView>> StartScreeningAsync(StartScreening? request, Screenings s, CancellationToken ct)
    {
        var run = await s.StartAsync(request ?? new StartScreening(null, null), ct);
        return TypedResults.Accepted($"/api/v1/screenings/{run.Id}", run);
    }

    private static async Task<Ok<IReadOnlyList<RunView>>> ScreeningRunsAsync(Screenings s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(ct));

    private static async Task<Ok<RunView>> ScreeningRunAsync(Guid id, Screenings s, CancellationToken ct) =>
        TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<IResult> ReliefScreenFormAsync(Screenings screenings, CancellationToken ct) =>
        await PageForms.RunAsync("/admin/relief", () => screenings.StartAsync(new StartScreening(RunKind.Full, null), ct));
}
