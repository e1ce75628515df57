using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
namespace Yilian.Platform.Features.Dictionaries;

/// <summary>Managed dictionaries: anyone reads them, operators keep them.</summary>
internal static class DictionariesEndpoints
{
    public static IEndpointRouteBuilder MapDictionariesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Dictionaries");
        var dictionaries = feature.MapGroup("/api/v1/dictionaries");
        dictionaries.MapGet("/{type}", ListDictionaryAsync)
            .WithName("ListDictionary")
            .WithSummary("List a dictionary")
            .AllowAnonymous()
            .WithDescription("Entries of a managed dictionary (service-field, …) in display order.");
        dictionaries.MapPut("/{type}/{code}", SaveDictionaryEntryAsync)
            .WithName("SaveDictionaryEntry")
            .WithSummary("Save a dictionary entry")
            .RequireAuthorization(Policies.Operator)
            .WithDescription("Adds an entry or changes its names, order and status.");
        feature.MapPost("/admin/dictionaries/{type}", SaveEntryFormAsync).RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DictionaryEntry>>> ListDictionaryAsync(string type, bool? includeInactive, IDictionaries d, CancellationToken ct) =>
        TypedResults.Ok(await d.ListAsync(type, includeInactive ?? false, ct));

    private static async Task<Ok<DictionaryEntry>> SaveDictionaryEntryAsync(
        string type, string code, DictionaryItemRequest request, DictionaryAdmin admin, CancellationToken ct)
    {
        request.Code = code;
        return TypedResults.Ok(await admin.SaveAsync(type, request, ct));
    }

    private static async Task<IResult> SaveEntryFormAsync(
        string type, [FromForm] string? code, [FromForm] string? nameZh, [FromForm] string? nameEn, [FromForm] int? sort, [FromForm] string? active,
        DictionaryAdmin admin, CancellationToken ct)
    {
        var back = $"/admin/dictionaries?type={Uri.EscapeDataString(type)}";
        try
        {
            var entry = new DictionaryItemRequest { Code = code, NameZh = nameZh, NameEn = nameEn, Sort = sort ?? 0, IsActive = active is "on" or "true" };
            await admin.SaveAsync(type, entry, ct);
            return Results.LocalRedirect(back + "&saved=" + Uri.EscapeDataString(code ?? ""));
        }
        catch (Exception e) when (e is InputValidationException or ForbiddenException)
        {
            return Results.LocalRedirect(back + "&error=" + Uri.EscapeDataString(ErrorText.Of(e)));
        }
    }
}
