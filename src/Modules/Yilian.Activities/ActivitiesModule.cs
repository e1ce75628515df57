using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Activities.Data;
using Yilian.Activities.Features;
using Yilian.Activities.Seeding;
using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Ui;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Activities;

public static class ActivitiesModule
{
    public static IHostApplicationBuilder AddActivitiesModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<ActivitiesDbContext>(ActivitiesDbContext.Module);
        builder.Services.AddScoped<Venues>();
        builder.Services.AddScoped<ActivityScheduler>();
        builder.Services.AddScoped<CalendarQueries>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddScoped<ICalendarSubscriptions>(sp => sp.GetRequiredService<CalendarFeeds>());
        builder.Services.AddScoped<ReminderPlanner>();
        builder.Services.AddScoped<PublicActivities>();
        builder.Services.AddScoped<IActivityCatalog, ActivityCatalog>();
        builder.Services.AddScoped<IPersonCalendar, PersonCalendar>();
        builder.Services.AddScoped<ActivityReminderJob>();
        builder.Services.AddScoped<ISeedStep, ActivitySeedStep>();
        builder.Services.AddScoped(sp => new CalendarScaleSeeder(sp.GetRequiredService<ActivitiesDbContext>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var venues = app.MapGroup("/api/v1/venues").WithTags("Venues").RequireAuthorization(Policies.BackOffice);
        venues.MapGet("/", async (string? region, Venues v, CancellationToken ct) => TypedResults.Ok(await v.ListAsync(region, ct)))
            .WithName("ListVenues").WithSummary("Active venues, optionally within a district, street or community.");
        venues.MapGet("/{id:guid}", async (Guid id, Venues v, CancellationToken ct) => TypedResults.Ok(await v.GetAsync(id, ct))).WithName("GetVenue");
        venues.MapPost("/", async (VenueRequest request, Venues v, CancellationToken ct) => TypedResults.Created($"/api/v1/venues/{await v.CreateAsync(request, ct)}"))
            .WithName("CreateVenue").WithIdempotency();
        venues.MapPut("/{id:guid}", async (Guid id, VenueRequest request, Venues v, CancellationToken ct) =>
            {
                await v.UpdateAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateVenue");
        venues.MapPost("/{id:guid}/closures", async (Guid id, ClosureRequest request, Venues v, CancellationToken ct) =>
            {
                await v.AddClosureAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("AddVenueClosure").WithSummary("Close the venue on a date (repairs, elections…), besides weekly hours and public holidays.");
        venues.MapGet("/{id:guid}/free-slots", async (Guid id, string? duration, string? from, string? to, Guid[]? staffIds, int? max, ActivityScheduler s, CancellationToken ct) =>
                TypedResults.Ok(await s.FreeSlotsAsync(id, duration, from, to, staffIds, max ?? 5, ct)))
            .WithName("VenueFreeSlots").WithSummary("The earliest free slots: duration in minutes or ISO 8601 (PT1H30M); from/to with an offset; optional staffIds who must be free.");

        // The same actions for the static pages: forms with antiforgery, then back to the page with the answer.
        app.MapPost("/admin/venues", async ([FromForm] string? name, [FromForm] string? regionCode, [FromForm] string? address, [FromForm] int? capacity,
                [FromForm] int? bufferMinutes, [FromForm] int? maxMinutes, HttpRequest http, Venues v, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/venues", () => v.CreateAsync(new VenueRequest
                {
                    Name = name, RegionCode = regionCode?.Trim(), Address = address, Capacity = capacity ?? 0, BufferMinutes = bufferMinutes ?? 0, MaxMinutes = maxMinutes ?? 480,
                    Facilities = [.. http.Form["facilities"].Where(f => f is not null).Select(f => f!)],
                }, ct)))
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/venues/{id:guid}/edit", async (Guid id, HttpRequest http, Venues v, CancellationToken ct) =>
                await PageForms.RunThenAsync($"/admin/venues/{id}", async () =>
                {
                    var form = await http.ReadFormAsync(ct);
                    await v.UpdateAsync(id, await VenueForm.ToRequestAsync(v, id, form, ct), ct);
                    return $"/admin/venues/{id}?saved=true";
                }))
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/venues/{id:guid}/closures", async (Guid id, [FromForm] DateOnly? date, [FromForm] string? reason, Venues v, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/venues", () => v.AddClosureAsync(id, new ClosureRequest(date, reason), ct)))
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();

        app.MapPost("/admin/calendar/feeds/{id:guid}/revoke", async (Guid id, [FromForm] string? unused, CalendarFeeds f, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/calendar/feeds", () => f.RevokeAsync(id, ct)))
            .RequireAuthorization().ExcludeFromDescription();

        var activities = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization(Policies.BackOffice);
        activities.MapPost("/", async (ScheduleActivityRequest request, ActivityScheduler s, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/activities/{await s.ScheduleAsync(request, ct)}"))
            .WithName("ScheduleActivity").WithIdempotency()
            .WithSummary("Books every occurrence or nothing: 409 with a conflicts list (venue | person | capacity | hours) and suggested free slots.");
        activities.MapPost("/check", async (ScheduleActivityRequest request, ActivityScheduler s, CancellationToken ct) => TypedResults.Ok(await s.CheckAsync(request, ct)))
            .WithName("CheckActivity").WithSummary("The conflicts a proposal would meet, without booking.");
        activities.MapGet("/{id:guid}", async (Guid id, CalendarQueries q, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(id, ct))).WithName("GetActivity");
        activities.MapPut("/{id:guid}/occurrences/{occurrenceId:guid}", async (Guid id, Guid occurrenceId, MoveRequest request, ActivityScheduler s, CancellationToken ct) =>
            {
                await s.MoveAsync(id, occurrenceId, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("MoveOccurrence").WithSummary("Move or resize one occurrence (a calendar drag); the same rules as booking.");
        activities.MapPost("/{id:guid}/publish", async (Guid id, ActivityScheduler s, CancellationToken ct) =>
            {
                await s.PublishAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("PublishActivity");
        activities.MapPost("/{id:guid}/cancel", async (Guid id, ActivityScheduler s, CancellationToken ct) =>
            {
                await s.CancelAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelActivity").WithSummary("Cancels and releases the venue and the people.");

        app.MapGet("/api/v1/public/activities", async (string? community, int? days, PublicActivities p, CancellationToken ct) =>
                TypedResults.Ok(await p.UpcomingAsync(community, days ?? 30, ct)))
            .WithTags("Public").WithName("PublicActivities").AllowAnonymous()
            .WithSummary("Published activities in the coming days (at most 62), optionally in one community or street.");
        app.MapGet("/api/v1/free-slots", async (double? lat, double? lng, double? radiusKm, string? duration, string? from, string? to, Guid[]? staffIds, int? max,
                Venues v, ActivityScheduler s, CancellationToken ct) =>
                TypedResults.Ok(await s.FreeSlotsAsync(await v.NearAsync(lat, lng, radiusKm, ct), duration, from, to, staffIds, max ?? 5, ct)))
            .WithTags("Venues").WithName("FreeSlotsNearPoint").RequireAuthorization(Policies.BackOffice)
            .WithSummary("The earliest free slots in any venue within radiusKm of a point.");
        activities.MapPost("/{id:guid}/done", async (Guid id, ActivityScheduler s, CancellationToken ct) =>
            {
                await s.CompleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("CompleteActivity").WithSummary("Mark as done once every occurrence has ended.");
        app.MapGet("/api/v1/calendar", async ([AsParameters] CalendarQuery q, CalendarQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.EventsAsync(q, ct)))
            .WithTags("Activities").WithName("CalendarEvents").RequireAuthorization(Policies.BackOffice)
            .WithSummary("Occurrences in a window (at most 62 days): the caller's in full, other bookings of the shown venues without titles.");

        var feeds = app.MapGroup("/api/v1/feeds").WithTags("Calendar feeds").RequireAuthorization();
        feeds.MapGet("/", async (CalendarFeeds f, CancellationToken ct) => TypedResults.Ok(await f.MineAsync(ct))).WithName("ListFeeds");
        feeds.MapPost("/", async (FeedRequest request, CalendarFeeds f, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await f.CreateAsync(request, $"{http.Request.Scheme}://{http.Request.Host}", ct)))
            .WithName("CreateFeed").WithSummary("A secret .ics subscription URL for a venue, an organization or yourself; shown once.");
        feeds.MapDelete("/{id:guid}", async (Guid id, CalendarFeeds f, CancellationToken ct) =>
            {
                await f.RevokeAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeFeed");
        app.MapGet("/ical/{token}.ics", async (string token, IServiceProvider services, CancellationToken ct) =>
            {
                // The token is the permission: read across scopes, in a DbContext made inside the system scope.
                return await SystemScope.WithAsync<CalendarFeeds, string?>(services, f => f.RenderAsync(token, ct)) is { } ics
                    ? Results.Text(ics, "text/calendar; charset=utf-8")
                    : Results.NotFound();
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
