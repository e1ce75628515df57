using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Activities.Features;

/// <summary>The HTTP endpoints of CalendarQueries: its API operations and its pages' form posts, each a named handler.</summary>
internal static class CalendarQueriesEndpoints
{
    public static IEndpointRouteBuilder MapCalendarQueriesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Activities");
        var activities = feature.MapGroup("/api/v1/activities").RequireAuthorization(Policies.BackOffice);
        activities.MapGet("/{id:guid}", GetActivityAsync)
            .WithName("GetActivity").WithSummary("Get an activity")
            .WithDescription("One activity with its occurrences, venue and staff.");
        feature.MapGet("/api/v1/calendar", CalendarEventsAsync)
            .WithName("CalendarEvents").WithSummary("List calendar events").RequireAuthorization(Policies.BackOffice)
            .WithDescription("Occurrences in a window (at most 62 days): the caller's in full, other bookings of the shown venues without titles.");
        return app;
    }

    private static async Task<Ok<ActivityDto>> GetActivityAsync(Guid id, CalendarQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<CalendarEntry>>> CalendarEventsAsync(
        [AsParameters] CalendarQuery q, CalendarQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.EventsAsync(q, ct));
}
