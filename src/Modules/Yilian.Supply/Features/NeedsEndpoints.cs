using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.Supply.Resources;
using Yilian.Ui;

namespace Yilian.Supply.Features;

/// <summary>The HTTP endpoints of the needs list: its API operations and its pages' form posts, each a named handler.</summary>
internal static class NeedsEndpoints
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapNeedsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Needs");
        var api = feature.MapGroup("/api/v1/needs");
        api.MapGet("/", ListNeedsAsync).RequireAuthorization(Policies.BackOffice).WithName("ListNeeds").WithSummary("List needs")
            .WithDescription("The needs in the caller's scope, newest first; filter by q (words), field (service-field code), region "
                + "(a community or street code), status (Open, Closed, Withdrawn) and overdue (open past their answer date).");
        api.MapPost("/", PostNeedAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency().WithName("PostNeed")
            .WithSummary("Post a need")
            .WithDescription("A community or street officer posts a need in their area: title, description, serviceField, targetGroup, "
                + "regionCode, serviceFrom/serviceTo, budget (yuan, 0 for none), answerBy (today or later) and whether it is public.");
        api.MapGet("/{id:guid}", GetNeedAsync).RequireAuthorization(Policies.BackOffice).WithName("GetNeed").WithSummary("Get a need")
            .WithDescription("One need in the caller's scope.");
        api.MapPost("/{id:guid}/close", CloseNeedAsync).RequireAuthorization(Policies.BackOffice).WithName("CloseNeed")
            .WithSummary("Close a need as met").WithDescription("With a note of how it was met; only an open need.");
        api.MapPost("/{id:guid}/withdraw", WithdrawNeedAsync).RequireAuthorization(Policies.BackOffice).WithName("WithdrawNeed")
            .WithSummary("Withdraw a need").WithDescription("No longer wanted, with why; only an open need.");
        api.MapPost("/{id:guid}/merge", MergeNeedAsync).RequireAuthorization(Policies.BackOffice).WithName("MergeNeed")
            .WithSummary("Merge a need into another")
            .WithDescription("An open need without a call is merged into another open need asking for the same (intoId, note): it "
                + "closes as merged, its budget is added to the other's, and the other's thread answers both.");
        api.MapPost("/{id:guid}/split", SplitNeedAsync).RequireAuthorization(Policies.BackOffice).WithName("SplitNeed")
            .WithSummary("Split a need into parts")
            .WithDescription("An open need without a call is split into 2 to 10 parts (title, regionCode, budget; budgets together at "
                + "most the whole), each a new open need linked to it; the original closes as split. All parts or none are written.");
        api.MapGet("/export", ExportNeedsAsync).RequireAuthorization(Policies.BackOffice).WithName("ExportNeeds")
            .WithSummary("Export needs").ProducesFile(ExcelType)
            .WithDescription("The needs list with the list's filters as an Excel sheet (at most 10,000 rows).");
        api.MapGet("/public", PublicNeedsAsync).AllowAnonymous().WithName("PublicNeeds").WithSummary("List public needs")
            .WithDescription("Open needs their posters made public, soonest answer date first, for anyone; the same filters.");
        feature.MapPost("/admin/supply/needs/{id:guid}/close", CloseNeedFormAsync).RequireAuthorization(Policies.BackOffice)
            .ExcludeFromDescription();
        feature.MapPost("/admin/supply/needs/{id:guid}/withdraw", WithdrawNeedFormAsync).RequireAuthorization(Policies.BackOffice)
            .ExcludeFromDescription();
        feature.MapPost("/admin/supply/needs/{id:guid}/merge", MergeNeedFormAsync).RequireAuthorization(Policies.BackOffice)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<NeedDto>> MergeNeedAsync(Guid id, NeedMerge merge, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.MergeAsync(id, merge, ct));

    private static async Task<Ok<NeedDto>> SplitNeedAsync(Guid id, NeedSplit split, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.SplitAsync(id, split, ct));

    private static async Task<IResult> MergeNeedFormAsync(Guid id, [FromForm] Guid? intoId, [FromForm] string? note, Needs needs,
        CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/supply/needs/{id}", () => needs.MergeAsync(id, new NeedMerge(intoId, note), ct));

    private static NeedFilter Filter(string? q, string? field, string? region, string? status, bool? overdue) =>
        new(q, field, region, status, overdue);

    private static async Task<Ok<PagedResult<NeedDto>>> ListNeedsAsync(string? q, string? field, string? region, string? status,
        bool? overdue, int? page, int? pageSize, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.ListAsync(Filter(q, field, region, status, overdue), PageRequest.Of(page, pageSize), ct));

    private static async Task<Created<NeedDto>> PostNeedAsync(NeedInput input, Needs needs, CancellationToken ct)
    {
        var need = await needs.PostAsync(input, ct);
        return TypedResults.Created($"/api/v1/needs/{need.Id}", need);
    }

    private static async Task<Ok<NeedDto>> GetNeedAsync(Guid id, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.GetAsync(id, ct));

    private static async Task<Ok<NeedDto>> CloseNeedAsync(Guid id, NeedClosing closing, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.CloseAsync(id, closing, ct));

    private static async Task<Ok<NeedDto>> WithdrawNeedAsync(Guid id, NeedClosing closing, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.WithdrawAsync(id, closing, ct));

    private static async Task<FileContentHttpResult> ExportNeedsAsync(string? q, string? field, string? region, string? status,
        bool? overdue, Needs needs, CancellationToken ct) =>
        TypedResults.File(await needs.ExportAsync(Filter(q, field, region, status, overdue), ct), ExcelType,
            SupplyText.Get("Need_FileName"));

    private static async Task<Ok<PagedResult<NeedDto>>> PublicNeedsAsync(string? q, string? field, string? region, int? page,
        int? pageSize, Needs needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.PublicListAsync(Filter(q, field, region, null, null), PageRequest.Of(page, pageSize), ct));

    private static async Task<IResult> CloseNeedFormAsync(Guid id, [FromForm] string? note, Needs needs, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/supply/needs/{id}", () => needs.CloseAsync(id, new NeedClosing(note), ct));

    private static async Task<IResult> WithdrawNeedFormAsync(Guid id, [FromForm] string? note, Needs needs, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/supply/needs/{id}", () => needs.WithdrawAsync(id, new NeedClosing(note), ct));
}
