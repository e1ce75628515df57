using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel.Security;
using Yilian.Ui;

namespace Yilian.Activities.Features;

/// <summary>The HTTP endpoints of CalendarFeeds: its API operations and its pages' form posts, each a named handler.</summary>
internal static class CalendarFeedsEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeedsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Calendar feeds");
        var feeds = feature.MapGroup("/api/v1/feeds").RequireAuthorization();
        feature.MapPost("/admin/calendar/feeds/{id:guid}/revoke", CalendarFeedsRevokeFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feeds.MapGet("/", ListFeedsAsync)
            .WithName("ListFeeds").WithSummary("List my calendar feeds")
            .WithDescription("The .ics subscriptions the caller has made (their secret URLs are not shown again).");
        feeds.MapPost("/", CreateFeedAsync)
            .WithName("CreateFeed")
            .WithSummary("Create feed")
            .WithDescription("A secret .ics subscription URL for a venue, an organization or yourself; shown once.");
        feeds.MapDelete("/{id:guid}", RevokeFeedAsync)
            .WithName("RevokeFeed").WithSummary("Revoke a calendar feed")
            .WithDescription("The feed's URL stops working at once.");
        feature.MapGet("/ical/{token}.ics", IcalAsync)
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CalendarFeedsRevokeFormAsync(
        Guid id, [FromForm] string? unused, CalendarFeeds f, CancellationToken ct) =>
        await PageForms.RunAsync("/admin/calendar/feeds", () => f.RevokeAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<FeedDto>>> ListFeedsAsync(CalendarFeeds f, CancellationToken ct) =>
        TypedResults.Ok(await f.MineAsync(ct));

    private static async Task<Ok<CreatedFeed>> CreateFeedAsync(
        FeedRequest request, CalendarFeeds f, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await f.CreateAsync(request, $"{http.Request.Scheme}://{http.Request.Host}", ct));

    private static async Task<NoContent> RevokeFeedAsync(Guid id, CalendarFeeds f, CancellationToken ct)
    {
        await f.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> IcalAsync(string token, IServiceProvider services, CancellationToken ct)
    {
        // The token is the permission: read across scopes, in a DbContext made inside the system scope.
        return await SystemScope.WithAsync<CalendarFeeds, string?>(services, f => f.RenderAsync(token, ct)) is { } ics
            ? Results.Text(ics, "text/calendar; charset=utf-8")
            : Results.NotFound();
    }
}
