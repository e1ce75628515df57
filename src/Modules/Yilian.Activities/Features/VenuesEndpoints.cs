using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Activities.Features;

/// <summary>The HTTP endpoints of Venues: its API operations and its pages' form posts, each a named handler.</summary>
internal static class VenuesEndpoints
{
    public static IEndpointRouteBuilder MapVenuesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Venues");
        var venues = feature.MapGroup("/api/v1/venues").RequireAuthorization(Policies.BackOffice);
        venues.MapGet("/", ListVenuesAsync)
            .WithName("ListVenues")
            .WithSummary("List venues")
            .WithDescription("Active venues, optionally within a district, street or community.");
        venues.MapGet("/{id:guid}", GetVenueAsync)
            .WithName("GetVenue").WithSummary("Get a venue")
            .WithDescription("One venue with its hours, capacity and closures.");
        venues.MapPost("/", CreateVenueAsync)
            .WithName("CreateVenue").WithSummary("Create a venue").WithIdempotency()
            .WithDescription("A venue with its community, capacity, weekly hours and point on the map.");
        venues.MapPut("/{id:guid}", UpdateVenueAsync)
            .WithName("UpdateVenue").WithSummary("Update a venue")
            .WithDescription("Changes the venue's details; existing bookings are kept.");
        venues.MapPost("/{id:guid}/closures", AddVenueClosureAsync)
            .WithName("AddVenueClosure")
            .WithSummary("Add venue closure")
            .WithDescription("Close the venue on a date (repairs, elections…), besides weekly hours and public holidays.");
        // The same actions for the static pages: forms with antiforgery, then back to the page with the answer.
        feature.MapPost("/admin/venues", VenuesFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/venues/{id:guid}/edit", VenuesEditFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/venues/{id:guid}/closures", VenuesClosuresFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        feature.MapGet("/api/v1/free-slots", FreeSlotsNearPointAsync)
            .WithName("FreeSlotsNearPoint").WithSummary("Find free slots nearby").RequireAuthorization(Policies.BackOffice)
            .WithDescription("The earliest free slots in any venue within radiusKm of a point.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<VenueDto>>> ListVenuesAsync(string? region, Venues v, CancellationToken ct) =>
        TypedResults.Ok(await v.ListAsync(region, ct));

    private static async Task<Ok<VenueDto>> GetVenueAsync(Guid id, Venues v, CancellationToken ct) =>
        TypedResults.Ok(await v.GetAsync(id, ct));

    private static async Task<Created> CreateVenueAsync(VenueRequest request, Venues v, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/venues/{await v.CreateAsync(request, ct)}");

    private static async Task<NoContent> UpdateVenueAsync(Guid id, VenueRequest request, Venues v, CancellationToken ct)
    {
        await v.UpdateAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AddVenueClosureAsync(Guid id, ClosureRequest request, Venues v, CancellationToken ct)
    {
        await v.AddClosureAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> VenuesFormAsync(
        [FromForm] string? name,
        [FromForm] string? regionCode,
        [FromForm] string? address,
        [FromForm] int? capacity,
        [FromForm] int? bufferMinutes,
        [FromForm] int? maxMinutes,
        HttpRequest http,
        Venues v,
        CancellationToken ct) =>
        await PageForms.RunAsync("/admin/venues", () => v.CreateAsync(new VenueRequest
            {
                Name = name, RegionCode = regionCode?.Trim(), Address = address, Capacity = capacity ?? 0, BufferMinutes = bufferMinutes ?? 0, MaxMinutes = maxMinutes ?? 480,
                Facilities = [.. http.Form["facilities"].Where(f => f is not null).Select(f => f!)],
            }, ct));

    private static async Task<IResult> VenuesEditFormAsync(Guid id, HttpRequest http, Venues v, CancellationToken ct) =>
        await PageForms.RunThenAsync($"/admin/venues/{id}", async () =>
            {
                var form = await PageForms.ReadFormAsync(http, ct);
                await v.UpdateAsync(id, await VenueForm.ToRequestAsync(v, id, form, ct), ct);
                return $"/admin/venues/{id}?saved=true";
            });

    private static async Task<IResult> VenuesClosuresFormAsync(
        Guid id, [FromForm] DateOnly? date, [FromForm] string? reason, Venues v, CancellationToken ct) =>
        await PageForms.RunAsync("/admin/venues", () => v.AddClosureAsync(id, new ClosureRequest(date, reason), ct));

    private static async Task<Ok<IReadOnlyList<SlotDto>>> FreeSlotsNearPointAsync(
        double? lat,
        double? lng,
        double? radiusKm,
        string? duration,
        string? from,
        string? to,
        Guid[]? staffIds,
        int? max,
        Venues v,
        ActivityScheduler s,
        CancellationToken ct) =>
        TypedResults.Ok(await s.FreeSlotsAsync(await v.NearAsync(lat, lng, radiusKm, ct), duration, from, to, staffIds, max ?? 5, ct));
}
