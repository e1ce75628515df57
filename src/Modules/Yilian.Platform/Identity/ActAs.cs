using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Platform.Contracts;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

/// <summary>
/// Runs work as an account: the claims a sign-in would give it (roles, scopes), set on a request context of its
/// own, so <see cref="ICurrentUser"/>, the data scope and the audit see that person. Used by demo seeding only.
/// </summary>
internal sealed class ActAs(IServiceScopeFactory scopes, IHttpContextAccessor accessor) : IActAs
{
    public async Task<T> RunAsync<T>(string userName, Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        // Only system work may act as someone else: never from inside a request, whoever is signed in.
        if (!SystemScope.IsActive || accessor.HttpContext is not null)
        {
            throw new InvalidOperationException("Acting as an account is for system work such as demo seeding, never within a request.");
        }

        System.Security.Claims.ClaimsPrincipal principal;
        await using (var lookup = SystemScope.Begin(scopes))
        {
            var users = lookup.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account '{userName}' to act as.");
            principal = await lookup.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        }

        var previous = accessor.HttpContext;
        using var person = SystemScope.Leave();
        await using var scope = scopes.CreateAsyncScope();
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider, RequestAborted = ct };
        try
        {
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }
}
