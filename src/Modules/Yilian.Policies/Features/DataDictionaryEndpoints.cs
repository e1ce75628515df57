using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Policies.Imports;
using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies;

/// <summary>
/// The HTTP endpoints of the data dictionary and of departments' file layouts: API operations and the policies page's form posts.
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
        dictionary.MapPost("/mappings/suggest", SuggestMappingAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery()
            .Accepts<MappingSampleUpload>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(ResidentImport.MaxMegabytes * 1024L * 1024L + 1024 * 1024))
            .WithName("SuggestDepartmentMapping").WithSummary("Suggest a file layout")
            .WithDescription("Reads the first rows of a department's file as it comes and suggests what each column means (with the "
                + "reason), which values need re-wording, and what the sample would still be refused for.");
        dictionary.MapPut("/mappings/{department}", SaveMappingAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery()
            .WithName("SaveDepartmentMapping").WithSummary("Save a file layout")
            .WithDescription("Saves a department's file layout (headers to facts, value words, keyed by person or household; a new "
                + "department with its name) into the data dictionary as a new version, the rest of the dictionary unchanged.");
        feature.MapPost("/admin/policies/dictionary", DictionaryFormAsync)
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

    private static async Task<Ok<MappingProposal>> SuggestMappingAsync(HttpRequest http, DepartmentMappings mappings, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct,
            new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                MultipartBodyLengthLimit = (ResidentImport.MaxMegabytes + 1) * 1024L * 1024L,
            });
        var file = form.Files.GetFile("file");
        await using var stream = file?.OpenReadStream();
        var sample = await DepartmentMappings.SampleAsync(stream, ct);
        return TypedResults.Ok(await mappings.SuggestAsync(form["department"], sample, ct));
    }

    private static async Task<Ok<DataDictionaryView>> SaveMappingAsync(
        string department, MappingRequest body, DepartmentMappings mappings, CancellationToken ct) =>
        TypedResults.Ok(await mappings.SaveAsync(department, body, ct));

    private static async Task<IResult> DictionaryFormAsync([FromForm] string? text, DataDictionaryPublishing dictionary,
        CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/policies", async () =>
            {
                var view = await dictionary.PublishAsync(text, ct);
                return "/admin/policies?published=" + Uri.EscapeDataString(Resources.PolicyText.Get("Dictionary_Published", view.Version));
            });
}

/// <summary>The form a file is sent in for layout suggestions (read by hand, for the API document).</summary>
public sealed record MappingSampleUpload(string Department, IFormFile File);
