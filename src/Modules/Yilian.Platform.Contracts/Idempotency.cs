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
