using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Yilian.Platform.Contracts;

public static class IdempotencyEndpointExtensions
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// The endpoint honours an optional <c>Idempotency-Key</c> header: a retry with the same key and body
    /// gets the first response again (nothing is created twice); the same key with another body is refused.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.RequestServices.GetRequiredService<IIdempotencyFilter>().InvokeAsync(context, next));
}

public interface IIdempotencyFilter
{
    ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next);
}

/// <summary>
/// The idempotency key of the request being handled, for the effect it guards. A handler behind
/// <see cref="IdempotencyEndpointExtensions.WithIdempotency"/> stores <see cref="EffectKey"/> on what it creates, in the
/// same transaction, and first looks for an effect already stored under it: a retry after a crash between commit and
/// response then finds the first effect and answers with it instead of making a second.
/// </summary>
public interface IIdempotentRequest
{
    /// <summary>A 64-character digest of the caller and the key; null when the request carries no key.</summary>
    string? EffectKey { get; }
}
