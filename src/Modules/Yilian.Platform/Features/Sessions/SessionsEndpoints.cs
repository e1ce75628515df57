using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
namespace Yilian.Platform.Features.Sessions;

/// <summary>Who is online, and ending a session.</summary>
internal static class SessionsEndpoints
{
    public static IEndpointRouteBuilder MapSessionsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Sessions");
        var sessions = feature.MapGroup("/api/v1/sessions").RequireAuthorization(Policies.Operator);
        sessions.MapGet("/", ListOnlineSessionsAsync).WithName("ListOnlineSessions").WithSummary("List online sessions")
            .WithDescription("Who is signed in, from where, and when they were last seen.");
        sessions.MapDelete("/{id:guid}", EndSessionAsync).WithName("EndSession").WithSummary("End a session")
            .WithDescription("Signs the session out at once.");
        feature.MapPost("/admin/sessions/{id:guid}/end", EndSessionFormAsync)
            .RequireAuthorization(Policies.Operator)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SessionDto>>> ListOnlineSessionsAsync(OnlineSessions s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(ct));

    private static async Task<NoContent> EndSessionAsync(Guid id, OnlineSessions s, HttpContext http, CancellationToken ct) =>
        await s.EndAsync(id, http.User.Identity?.Name ?? "operator", ct) ? TypedResults.NoContent() : throw new NotFoundException("Session", id);

    private static async Task<RedirectHttpResult> EndSessionFormAsync(Guid id, [FromForm] string? reason, OnlineSessions s, HttpContext http, CancellationToken ct)
    {
        await s.EndAsync(id, http.User.Identity?.Name ?? "operator", ct);
        return TypedResults.LocalRedirect("/admin/sessions");
    }
}
