using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Activities.Features;

/// <summary>The HTTP endpoints of ActivityScheduler: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ActivitySchedulerEndpoints
{
    public static IEndpointRouteBuilder MapActivitySchedulerEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Activities");
        var venues = feature.MapGroup("/api/v1/venues").RequireAuthorization(Policies.BackOffice);
        var activities = feature.MapGroup("/api/v1/activities").RequireAuthorization(Policies.BackOffice);
        venues.MapGet("/{id:guid}/free-slots", VenueFreeSlotsAsync)
            .WithName("VenueFreeSlots")
            .WithSummary("Venue free slots")
            .WithDescription("The earliest free slots: duration in minutes or ISO 8601 (PT1H30M); from/to with an offset; optional staffIds who must "
                + "be free.");
        activities.MapPost("/", ScheduleActivityAsync)
            .WithName("ScheduleActivity").WithSummary("Schedule an activity").WithIdempotency()
            .WithDescription("Books every occurrence or nothing: 409 with a conflicts list (venue | person | capacity | hours) and suggested free "
                + "slots.");
        activities.MapPost("/check", CheckActivityAsync)
            .WithName("CheckActivity")
            .WithSummary("Check activity")
            .WithDescription("The conflicts a proposal would meet, without booking.");
        activities.MapPut("/{id:guid}/occurrences/{occurrenceId:guid}", MoveOccurrenceAsync)
            .WithName("MoveOccurrence")
            .WithSummary("Move occurrence")
            .WithDescription("Move or resize one occurrence (a calendar drag); the same rules as booking.");
        activities.MapPost("/{id:guid}/publish", PublishActivityAsync)
            .WithName("PublishActivity").WithSummary("Publish an activity")
            .WithDescription("Makes the activity public and open for sign-up.");
        activities.MapPost("/{id:guid}/cancel", CancelActivityAsync)
            .WithName("CancelActivity").WithSummary("Cancel activity").WithDescription("Cancels and releases the venue and the people.");
        activities.MapPost("/{id:guid}/done", CompleteActivityAsync)
            .WithName("CompleteActivity").WithSummary("Complete activity").WithDescription("Mark as done once every occurrence has ended.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SlotDto>>> VenueFreeSlotsAsync(
        Guid id, string? duration, string? from, string? to, Guid[]? staffIds, int? max, ActivityScheduler s, CancellationToken ct) =>
        TypedResults.Ok(await s.FreeSlotsAsync(id, duration, from, to, staffIds, max ?? 5, ct));

    private static async Task<Created> ScheduleActivityAsync(ScheduleActivityRequest request, ActivityScheduler s, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/activities/{await s.ScheduleAsync(request, ct)}");

    private static async Task<Ok<IReadOnlyList<ConflictDto>>> CheckActivityAsync(
        ScheduleActivityRequest request, ActivityScheduler s, CancellationToken ct) =>
        TypedResults.Ok(await s.CheckAsync(request, ct));

    private static async Task<NoContent> MoveOccurrenceAsync(
        Guid id, Guid occurrenceId, MoveRequest request, ActivityScheduler s, CancellationToken ct)
    {
        await s.MoveAsync(id, occurrenceId, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> PublishActivityAsync(Guid id, ActivityScheduler s, CancellationToken ct)
    {
        await s.PublishAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> CancelActivityAsync(Guid id, ActivityScheduler s, CancellationToken ct)
    {
        await s.CancelAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> CompleteActivityAsync(Guid id, ActivityScheduler s, CancellationToken ct)
    {
        await s.CompleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
