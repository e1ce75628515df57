using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;

using Yilian.Platform.Contracts;

namespace Yilian.Web.Hosting;

/// <summary>
/// The API document (docs/api.md): one tag per feature, grouped by module (<c>x-tagGroups</c>), the bearer scheme
/// declared and required on every operation that needs a signed-in caller. Problem responses are declared on the
/// endpoints themselves (<see cref="ProblemResponses"/>).
/// </summary>
internal static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddYilianOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, context, _) =>
            {
                doc.Info.Title = "Yilian 益联 API";
                doc.Info.Description = "REST API of Yilian. Authenticate with POST /api/v1/auth/token and send "
                    + "`Authorization: Bearer <accessToken>`. Errors are RFC 9457 problem details (`application/problem+json`) "
                    + "with the message in the caller's language. Conventions: docs/api.md.";
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /api/v1/auth/token; it expires after the idle timeout.",
                };

                var tagGroups = context.DescriptionGroups.SelectMany(g => g.Items)
                    .Select(d => d.ActionDescriptor.EndpointMetadata)
                    .SelectMany(m => m.OfType<ITagsMetadata>().SelectMany(t => t.Tags)
                        .Select(tag => (Module: m.OfType<ModuleMetadata>().LastOrDefault()?.Name ?? "Platform", Tag: tag)))
                    .Distinct()
                    .GroupBy(x => x.Module)
                    .Select(g => new JsonObject
                    {
                        ["name"] = g.Key,
                        ["tags"] = new JsonArray([.. g.Select(x => (JsonNode)JsonValue.Create(x.Tag)).OrderBy(n => n.GetValue<string>(), StringComparer.Ordinal)]),
                    });
                doc.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                doc.Extensions["x-tagGroups"] = new JsonNodeExtension(new JsonArray([.. tagGroups]));
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                }

                if (metadata.OfType<DeprecatedMetadata>().LastOrDefault() is { } deprecated)
                {
                    operation.Deprecated = true;
                    operation.Description += $" Deprecated: use {deprecated.UseInstead}.";
                }

                return Task.CompletedTask;
            });
        });
}
