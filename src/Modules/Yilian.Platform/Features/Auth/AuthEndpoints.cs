using System.Security.Claims;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Identity;
namespace Yilian.Platform.Features.Auth;

/// <summary>Signing in and out, and who the caller is.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Auth");
        var auth = feature.MapGroup("/api/v1/auth");
        auth.MapPost("/token", IssueToken.Handle)
            .WithName("IssueToken")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .WithSummary("Get a bearer token")
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithDescription("Exchange user name, password and optional TOTP code for a bearer token.");
        auth.MapPost("/logout", Logout.Handle)
            .WithName("Logout")
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Sign out")
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithDescription("Ends the caller's session: the token or cookie stops working at once.");
        feature.MapGet("/api/v1/me", Me).WithName("GetMe").WithSummary("Who am I").RequireAuthorization()
            .WithDescription("The signed-in account: id, names, roles and data scopes.");
        feature.MapPost("/account/logout", LogoutFormAsync).ExcludeFromDescription();
        return app;
    }

    private static Ok<MeDto> Me(HttpContext http)
    {
        var user = http.User;
        return TypedResults.Ok(new MeDto(
            user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
            user.Identity?.Name ?? "",
            user.FindFirst(YilianClaims.DisplayName)?.Value ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            [.. user.FindAll(YilianClaims.Scope).Select(c => c.Value)]));
    }

    private static Task<IResult> LogoutFormAsync([FromForm] string? unused, HttpContext http, SessionRegistry sessions, CancellationToken ct) =>
        Logout.Handle(http, sessions, ct);
}

/// <summary>The signed-in account: its id, names, roles and data scopes.</summary>
public sealed record MeDto(string Id, string UserName, string DisplayName, string[] Roles, string[] Scopes);
