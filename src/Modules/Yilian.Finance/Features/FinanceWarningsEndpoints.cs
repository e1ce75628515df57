using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.Ui;

namespace Yilian.Finance.Features;

/// <summary>The HTTP endpoints of FinanceWarnings: its API operations and its pages' form posts, each a named handler.</summary>
internal static class FinanceWarningsEndpoints
{
    public static IEndpointRouteBuilder MapFinanceWarningsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Finance warnings");
        var api = feature.MapGroup("/api/v1/finance-warnings").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", ListFinanceWarningsAsync).WithName("ListFinanceWarnings").WithSummary("List finance warnings")
            .WithDescription("Warnings in the caller's scope, most severe and newest first; by default those still to be worked "
                + "(status=all for every one, or Open, Explained, Accepted, Escalated, Closed); rule filters by the rule's name.");
        api.MapGet("/{id:guid}", GetFinanceWarningAsync).WithName("GetFinanceWarning").WithSummary("Get a finance warning")
            .WithDescription("The warning, its explanation and decision, and the expense records behind it with each one's first receipt.");
        api.MapPost("/{id:guid}/explanation", ExplainFinanceWarningAsync).WithName("ExplainFinanceWarning").WithSummary("Explain a warning")
            .WithDescription("The organization's explanation; the warning waits for the regulator's decision.");
        api.MapPost("/{id:guid}/decision", DecideFinanceWarningAsync).WithName("DecideFinanceWarning").WithSummary("Decide a warning")
            .WithDescription("The regulator accepts an explained warning, escalates it, or closes it (a note is required except to "
                + "accept).");
        var pages = feature.MapGroup("/admin/finance/warnings").RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        pages.MapPost("/{id:guid}/explanation", ExplainFormAsync);
        pages.MapPost("/{id:guid}/decision", DecideFormAsync);
        return app;
    }

    private static async Task<Ok<PagedResult<WarningRow>>> ListFinanceWarningsAsync(
        string? status, string? rule, int? page, int? pageSize, FinanceWarnings warnings, CancellationToken ct) =>
        TypedResults.Ok(await warnings.ListAsync(status, rule, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Ok<WarningDto>> GetFinanceWarningAsync(Guid id, FinanceWarnings warnings, CancellationToken ct) =>
        TypedResults.Ok(await warnings.GetAsync(id, ct));

    private static async Task<Ok<WarningDto>> ExplainFinanceWarningAsync(Guid id, WarningExplanation explanation,
        FinanceWarnings warnings, CancellationToken ct) =>
        TypedResults.Ok(await warnings.ExplainAsync(id, explanation, ct));

    private static async Task<Ok<WarningDto>> DecideFinanceWarningAsync(Guid id, WarningDecision decision, FinanceWarnings warnings,
        CancellationToken ct) =>
        TypedResults.Ok(await warnings.DecideAsync(id, decision, ct));

    private static async Task<IResult> ExplainFormAsync(Guid id, HttpRequest http, FinanceWarnings warnings, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        return await PageForms.RunAsync($"/admin/finance/warnings/{id}", () => warnings.ExplainAsync(id,
            new WarningExplanation(form["text"]), ct));
    }

    private static async Task<IResult> DecideFormAsync(Guid id, HttpRequest http, FinanceWarnings warnings, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        return await PageForms.RunAsync($"/admin/finance/warnings/{id}",
            () => warnings.DecideAsync(id, new WarningDecision(form["decision"], form["note"]), ct));
    }
}
