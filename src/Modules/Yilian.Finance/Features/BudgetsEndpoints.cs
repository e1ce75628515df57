using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Finance.Features;

/// <summary>The HTTP endpoints of Budgets: its API operations and its pages' form posts, each a named handler.</summary>
internal static class BudgetsEndpoints
{
    public static IEndpointRouteBuilder MapBudgetsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Budgets");
        var api = feature.MapGroup("/api/v1/budgets").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", ListBudgetsAsync).WithName("ListBudgets").WithSummary("List budgets")
            .WithDescription("The budgets in the caller's scope with the approved total and what approved and paid expenses have spent.");
        api.MapGet("/{id:guid}", GetBudgetAsync).WithName("GetBudget").WithSummary("Get a budget")
            .WithDescription("Every version, newest first, with its lines (spent and pending per line) and what changed from the "
                + "version before.");
        api.MapPost("/", CreateBudgetAsync).WithName("CreateBudget").WithSummary("Draft a project's budget")
            .WithDescription("Version 1 of the project's budget as a draft: lines with category (personnel, activities, materials, "
                + "management, "
                + "other), name and amount; the period defaults to the project's.");
        api.MapPut("/{id:guid}", ReviseBudgetAsync).WithName("ReviseBudget").WithSummary("Revise a budget")
            .WithDescription("Edits the draft in progress, or starts the next version from an approved or rejected one (reason required).");
        api.MapPost("/{id:guid}/submit", SubmitBudgetAsync).WithName("SubmitBudget").WithSummary("Submit a budget for approval")
            .WithDescription("The latest draft goes to the supervisor.");
        api.MapPost("/{id:guid}/decision", DecideBudgetAsync).WithName("DecideBudget").WithSummary("Approve or reject a budget")
            .WithDescription("The regulator or operator approves the submitted version (it replaces the one in force) or rejects it "
                + "with a note.");
        feature.MapPost("/admin/finance/budgets/{id:guid}/submit",
            SubmitBudgetFormAsync).RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/finance/budgets/{id:guid}/decision",
            DecideBudgetFormAsync).RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BudgetSummary>>> ListBudgetsAsync(Budgets budgets, CancellationToken ct) =>
        TypedResults.Ok(await budgets.ListAsync(ct));

    private static async Task<Ok<BudgetDto>> GetBudgetAsync(Guid id, Budgets budgets, CancellationToken ct) =>
        TypedResults.Ok(await budgets.GetAsync(id, ct));

    private static async Task<Created<BudgetDto>> CreateBudgetAsync(BudgetDraft draft, Budgets budgets, CancellationToken ct)
    {
        var budget = await budgets.CreateAsync(draft, ct);
        return TypedResults.Created($"/api/v1/budgets/{budget.Id}", budget);
    }

    private static async Task<Ok<BudgetDto>> ReviseBudgetAsync(Guid id, BudgetDraft draft, Budgets budgets, CancellationToken ct) =>
        TypedResults.Ok(await budgets.ReviseAsync(id, draft, ct));

    private static async Task<Ok<BudgetDto>> SubmitBudgetAsync(Guid id, Budgets budgets, CancellationToken ct) =>
        TypedResults.Ok(await budgets.SubmitAsync(id, ct));

    private static async Task<Ok<BudgetDto>> DecideBudgetAsync(Guid id, BudgetDecision decision, Budgets budgets, CancellationToken ct) =>
        TypedResults.Ok(await budgets.DecideAsync(id, decision, ct));

    private static async Task<IResult> SubmitBudgetFormAsync(Guid id, Budgets budgets, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/finance/budgets/{id}", () => budgets.SubmitAsync(id, ct));

    private static async Task<IResult> DecideBudgetFormAsync(Guid id, HttpRequest http, Budgets budgets, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        return await PageForms.RunAsync($"/admin/finance/budgets/{id}",
            () => budgets.DecideAsync(id, new BudgetDecision(form["approve"] == "true", form["note"]), ct));
    }
}
