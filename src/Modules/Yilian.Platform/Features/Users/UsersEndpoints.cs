using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
namespace Yilian.Platform.Features.Users;

/// <summary>Accounts, kept by operators.</summary>
internal static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Users");
        var users = feature.MapGroup("/api/v1/users").RequireAuthorization(Policies.Operator);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers").WithSummary("List accounts")
            .WithDescription("Accounts with roles and scopes, searchable by name.");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser").WithSummary("Create an account").WithIdempotency()
            .WithDescription("A back-office account with a role and a data scope; the password must pass the password policy.");
        users.MapPost("/{id}/unlock", UnlockUserAsync).WithName("UnlockUser").WithSummary("Unlock an account")
            .WithDescription("Clears a lock-out after too many failed sign-ins.");
        feature.MapPost("/admin/users/{id}/unlock", UnlockUserFormAsync).RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<PagedResult<UserDto>>> ListUsersAsync(string? q, int? page, UserAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(q, page, ct));

    private static async Task<Created> CreateUserAsync(CreateUserRequest request, UserAdmin admin, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/users/{await admin.CreateAsync(request, ct)}");

    private static async Task<NoContent> UnlockUserAsync(string id, UserAdmin admin, CancellationToken ct)
    {
        await admin.UnlockAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<RedirectHttpResult> UnlockUserFormAsync(string id, [FromForm] string? reason, UserAdmin admin, CancellationToken ct)
    {
        await admin.UnlockAsync(id, ct);
        return TypedResults.LocalRedirect("/admin/users");
    }
}
