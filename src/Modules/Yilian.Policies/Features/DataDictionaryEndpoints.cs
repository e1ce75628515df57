using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies;

/// <summary>
/// The HTTP endpoints of the data dictionary and of retiring policies: API operations and the policies page's form posts.
/// </summary>
internal static class DataDictionaryEndpoints
{
    public static IEndpointRouteBuilder MapDataDictionaryEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Policies");
        var dictionary = feature.MapGroup("/api/v1/data-dictionary").RequireAuthorization(AuthPolicies.BackOffice);
        dictionary.MapGet("/", DataDictionaryAsync)
            .WithName("DataDictionary").WithSummary("Data dictionary")
            .WithDescription("Every fact policies may use — built in and declared by the district — "
                + "with the dictionary's text and version.");
        dictionary.MapPost("/validate", ValidateDataDictionaryAsync)
            .DisableAntiforgery().WithName("ValidateDataDictionary").WithSummary("Validate data dictionary")
            .WithDescription("Checks a data dictionary: every problem with its line and column, and every policy in force it would break.");
        dictionary.MapPut("/", PublishDataDictionaryAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery()
            .WithName("PublishDataDictionary").WithSummary("Publish data dictionary")
            .WithDescription("Publishes a new version of the district's data dictionary; its facts are at once available to "
                + "policies, imports and the self-check.");
        feature.MapPost("/api/v1/policies/{id}/retire", RetirePolicyAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery().WithName("RetirePolicy").WithSummary("Retire a policy")
            .WithDescription("Takes a policy out of force by recording a version that retires it; earlier versions and results stay. "
                + "Publishing a higher version brings it back.");
        feature.MapPost("/admin/policies/dictionary", DictionaryFormAsync)
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        feature.MapPost("/admin/policies/{id}/retire", RetireFormAsync)
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<DataDictionaryView>> DataDictionaryAsync(DataDictionaryPublishing dictionary, CancellationToken ct) =>
        TypedResults.Ok(await dictionary.GetAsync(ct));

    private static async Task<Ok<ValidationAnswer>> ValidateDataDictionaryAsync(DictionaryFile body, DataDictionaryPublishing dictionary,
        CancellationToken ct)
    {
        var problems = await dictionary.CheckAsync(body.Text, ct);
        return TypedResults.Ok(new ValidationAnswer(problems.Count == 0, problems));
    }

    private static async Task<Ok<DataDictionaryView>> PublishDataDictionaryAsync(
        DictionaryFile body, DataDictionaryPublishing dictionary, CancellationToken ct) =>
        TypedResults.Ok(await dictionary.PublishAsync(body.Text, ct));

    private static async Task<Ok<PolicyVersionInfo>> RetirePolicyAsync(
        string id, RetireRequest body, PolicyRetirement retirement, CancellationToken ct) =>
        TypedResults.Ok(await retirement.RetireAsync(id, body.Note, ct));

    private static async Task<IResult> DictionaryFormAsync([FromForm] string? text, DataDictionaryPublishing dictionary,
        CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/policies", async () =>
            {
                var view = await dictionary.PublishAsync(text, ct);
                return "/admin/policies?published=" + Uri.EscapeDataString(Resources.PolicyText.Get("Dictionary_Published", view.Version));
            });

    private static async Task<IResult> RetireFormAsync(string id, [FromForm] string? note, PolicyRetirement retirement,
        CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/policies", async () =>
            {
                var retired = await retirement.RetireAsync(id, note, ct);
                return "/admin/policies?published=" + Uri.EscapeDataString(Resources.PolicyText.Get("Retire_Done", retired.Name,
                    retired.Version));
            });
}
