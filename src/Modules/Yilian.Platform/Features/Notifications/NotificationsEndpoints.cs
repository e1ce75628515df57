using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
namespace Yilian.Platform.Features.Notifications;

/// <summary>The signed-in person's in-app notifications.</summary>
internal static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Notifications");
        var notifications = feature.MapGroup("/api/v1/notifications").RequireAuthorization();
        notifications.MapGet("/", MyNotificationsAsync)
            .WithName("MyNotifications")
            .WithSummary("My notifications")
            .WithDescription("Your in-app notifications, newest first.");
        notifications.MapPost("/{id:guid}/read", MarkNotificationReadAsync)
            .WithName("MarkNotificationRead")
            .WithSummary("Mark a notification read")
            .WithDescription("Marks one of your notifications as read.");
        feature.MapPost("/admin/notifications/{id:guid}/read", MarkReadFormAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<NotificationDto>>> MyNotificationsAsync(NotificationOutbox outbox, CancellationToken ct) =>
        TypedResults.Ok(await outbox.MineAsync(ct));

    private static async Task<NoContent> MarkNotificationReadAsync(Guid id, NotificationOutbox outbox, CancellationToken ct)
    {
        await outbox.MarkReadAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<RedirectHttpResult> MarkReadFormAsync(Guid id, [FromForm] string? unused, NotificationOutbox outbox, CancellationToken ct)
    {
        await outbox.MarkReadAsync(id, ct);
        return TypedResults.LocalRedirect("/admin/notifications");
    }
}
