using System.Reflection;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Platform.Contracts;

/// <summary>The module an endpoint belongs to; the API document groups its tags by it.</summary>
public sealed record ModuleMetadata(string Name);

/// <summary>An operation kept for earlier clients; the document marks it deprecated (docs/api.md).</summary>
public sealed record DeprecatedMetadata(string UseInstead);

/// <summary>
/// The one way a module maps its HTTP endpoints (docs/modules.md): <c>app.MapModule("Volunteers")</c>, then each
/// feature's <c>Map…Endpoints()</c>. Every API operation under it declares the problem responses it can answer.
/// </summary>
public static class ModuleApi
{
    public static RouteGroupBuilder MapModule(this IEndpointRouteBuilder app, string module)
    {
        var group = app.MapGroup("");
        group.WithMetadata(new ModuleMetadata(module));
        ((IEndpointConventionBuilder)group).Finally(ProblemResponses.Declare);
        group.AddEndpointFilterFactory(DefinedEnums.Filter);
        return group;
    }

    public const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Declares a file download: 200 with the file's media type (a typed file result carries no schema of its own).</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, string contentType) =>
        endpoint.Produces<Stream>(StatusCodes.Status200OK, contentType);

    /// <summary>Marks an operation deprecated in the API document, naming the route to use instead.</summary>
    public static RouteHandlerBuilder Deprecated(this RouteHandlerBuilder endpoint, string useInstead) =>
        endpoint.WithMetadata(new DeprecatedMetadata(useInstead));
}

/// <summary>
/// Declares, for each API operation, the <c>application/problem+json</c> answers the host's error handler gives it
/// (docs/api.md): 400 when it binds input, 401 and 403 when it needs a signed-in caller, 404 when its route names a
/// record, 409 and 422 when it writes (a rule or a conflict), 413 and 415 when it takes a file.
/// </summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static void Declare(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) != true
            || endpoint.Metadata.OfType<IExcludeFromDescriptionMetadata>().Any(m => m.ExcludeFromDescription))
        {
            return;
        }

        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        var writes = methods.Any(m => m is not "GET" and not "HEAD");
        var secured = !endpoint.Metadata.OfType<IAllowAnonymous>().Any() && endpoint.Metadata.OfType<IAuthorizeData>().Any();
        var namesRecord = route.RoutePattern.Parameters.Count > 0;
        var accepts = endpoint.Metadata.OfType<IAcceptsMetadata>().ToList();
        var takesFile = accepts.Any(a => a.ContentTypes.Any(c => c.StartsWith("multipart/", StringComparison.Ordinal)));
        var handler = endpoint.Metadata.OfType<MethodInfo>().LastOrDefault();
        var bindsInput = namesRecord || accepts.Count > 0 || writes || handler?.GetParameters().Any(Bindable) == true;

        Add(endpoint, StatusCodes.Status400BadRequest, bindsInput, typeof(HttpValidationProblemDetails));
        Add(endpoint, StatusCodes.Status401Unauthorized, secured);
        Add(endpoint, StatusCodes.Status403Forbidden, secured);
        Add(endpoint, StatusCodes.Status404NotFound, namesRecord);
        Add(endpoint, StatusCodes.Status409Conflict, writes);
        Add(endpoint, StatusCodes.Status422UnprocessableEntity, writes);
        Add(endpoint, StatusCodes.Status413PayloadTooLarge, takesFile);
        Add(endpoint, StatusCodes.Status415UnsupportedMediaType, takesFile);
    }

    private static void Add(EndpointBuilder endpoint, int status, bool applies, Type? type = null)
    {
        if (applies && !endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, type ?? typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [ContentType]));
        }
    }

    /// <summary>A parameter the request binds (route, query or header value), as opposed to a service or the cancellation token.</summary>
    private static bool Bindable(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        type = type.IsArray ? type.GetElementType()! : type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly)
            || parameter.GetCustomAttributes().Any(a => a.GetType().Name is "AsParametersAttribute" or "FromQueryAttribute" or "FromBodyAttribute" or "FromFormAttribute");
    }
}
