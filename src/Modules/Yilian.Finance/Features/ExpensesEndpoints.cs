using System.Globalization;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
using Yilian.Ui;

namespace Yilian.Finance.Features;

/// <summary>The HTTP endpoints of Expenses: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ExpensesEndpoints
{
    public static IEndpointRouteBuilder MapExpensesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Expenses");
        var api = feature.MapGroup("/api/v1/expenses").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", ListExpensesAsync).WithName("ListExpenses").WithSummary("List expenses")
            .WithDescription("Expenses in the caller's scope, newest first; filter by projectId and status (Draft, Submitted, "
                + "Approved, Paid, Rejected).");
        api.MapGet("/ledger", ExportLedgerAsync).WithName("ExportLedger").WithSummary("Export the expense ledger")
            .ProducesFile(Ledger.ContentType)
            .WithDescription("The expenses in scope as an Excel ledger in the usual layout (date, voucher, project, line, payee, "
                + "description, amount, status, invoice numbers; headers in the reader's language), optionally one project's.");
        api.MapGet("/{id:guid}", GetExpenseAsync).WithName("GetExpense").WithSummary("Get an expense")
            .WithDescription("The expense with its steps, receipts and warnings: for a draft, what the rules would say if it were "
                + "submitted now.");
        api.MapPost("/", DraftExpenseAsync).WithName("DraftExpense").WithSummary("Draft an expense")
            .WithDescription("A draft on a budget line and a fund; the answer carries the warnings it would raise, before anyone "
                + "approves it.");
        api.MapPut("/{id:guid}", UpdateExpenseAsync).WithName("UpdateExpense").WithSummary("Change a draft or rejected expense")
            .WithDescription("Only drafts and rejected expenses change; a rejected one becomes a draft again. Paid expenses are "
                + "corrected by reversal.");
        api.MapPost("/{id:guid}/receipts", AddReceiptAsync).WithName("AddReceipt").WithSummary("Attach a receipt").DisableAntiforgery()
            .WithDescription("multipart/form-data: file (PDF, PNG or JPEG, checked by content, 10 MB), invoiceNumber and "
                + "invoiceAmount for an invoice (fapiao).");
        api.MapGet("/{id:guid}/receipts/{receiptId:guid}", DownloadReceiptAsync).WithName("DownloadReceipt").WithSummary("Open a receipt")
            .ProducesFile("application/octet-stream").WithDescription("The receipt file, as stored.");
        foreach (var (step, name, summary) in new[]
        {
            ("submit", "SubmitExpense", "Submit an expense"), ("approve", "ApproveExpense", "Approve an expense"), ("pay", "PayExpense",
                "Record an expense as paid"),
        })
        {
            api.MapPost("/{id:guid}/" + step, (Guid id, Expenses expenses, CancellationToken ct) => StepAsync(step, id, expenses, ct))
                .WithName(name).WithSummary(summary).WithDescription("Moves the expense one step: draft → submitted → approved → "
                    + "paid; warnings are re-evaluated.");
        }

        api.MapPost("/{id:guid}/reject", RejectExpenseAsync).WithName("RejectExpense").WithSummary("Reject an expense")
            .WithDescription("A submitted or approved expense goes back with the reason; its author may change it and submit again.");
        api.MapPost("/{id:guid}/reverse", ReverseExpenseAsync).WithName("ReverseExpense").WithSummary("Reverse a paid expense")
            .WithDescription("A reversing entry (the negative amount, paid at once, with the reason); the paid expense itself never "
                + "changes.");
        var pages = feature.MapGroup("/admin/finance/expenses").RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        pages.MapPost("/", DraftExpenseFormAsync);
        pages.MapPost("/{id:guid}", UpdateExpenseFormAsync);
        pages.MapPost("/{id:guid}/receipts", AddReceiptFormAsync);
        pages.MapPost("/{id:guid}/step", StepFormAsync);
        return app;
    }

    private static async Task<Ok<PagedResult<ExpenseRow>>> ListExpensesAsync(
        Guid? projectId, string? status, int? page, int? pageSize, Expenses expenses, CancellationToken ct) =>
        TypedResults.Ok(await expenses.ListAsync(projectId, status, page ?? 1, pageSize ?? 50, ct));

    private static async Task<FileContentHttpResult> ExportLedgerAsync(Guid? projectId, Ledger ledger, CancellationToken ct) =>
        TypedResults.File(await ledger.ExportAsync(projectId, ct), Ledger.ContentType, Ledger.FileName);

    private static async Task<Ok<ExpenseDto>> GetExpenseAsync(Guid id, Expenses expenses, CancellationToken ct) =>
        TypedResults.Ok(await expenses.GetAsync(id, ct));

    private static async Task<Created<ExpenseDto>> DraftExpenseAsync(ExpenseDraft draft, Expenses expenses, CancellationToken ct)
    {
        var expense = await expenses.DraftAsync(draft, ct);
        return TypedResults.Created($"/api/v1/expenses/{expense.Id}", expense);
    }

    private static async Task<Ok<ExpenseDto>> UpdateExpenseAsync(Guid id, ExpenseDraft draft, Expenses expenses, CancellationToken ct) =>
        TypedResults.Ok(await expenses.UpdateAsync(id, draft, ct));

    private static async Task<Ok<ExpenseDto>> AddReceiptAsync(
        Guid id, IFormFile? file, [FromForm] string? invoiceNumber, [FromForm] decimal? invoiceAmount, Expenses expenses,
            CancellationToken ct) =>
        TypedResults.Ok(await expenses.AddReceiptAsync(id, file, invoiceNumber, invoiceAmount, ct));

    private static async Task<FileStreamHttpResult> DownloadReceiptAsync(Guid id, Guid receiptId, Expenses expenses, HttpContext http,
        CancellationToken ct)
    {
        var (content, contentType, fileName) = await expenses.ReceiptFileAsync(id, receiptId, ct);
        return StoredFiles.Sandboxed(http, content, contentType, fileName);
    }

    private static async Task<Ok<ExpenseDto>> StepAsync(string step, Guid id, Expenses expenses, CancellationToken ct) =>
        TypedResults.Ok(step switch
    {
        "submit" => await expenses.SubmitAsync(id, ct),
        "approve" => await expenses.ApproveAsync(id, ct),
        _ => await expenses.PayAsync(id, ct),
    });

    private static async Task<Ok<ExpenseDto>> RejectExpenseAsync(Guid id, ExpenseRejection rejection, Expenses expenses,
        CancellationToken ct) =>
        TypedResults.Ok(await expenses.RejectAsync(id, rejection, ct));

    private static async Task<Ok<ExpenseDto>> ReverseExpenseAsync(Guid id, ExpenseRejection why, Expenses expenses, CancellationToken ct) =>
        TypedResults.Ok(await expenses.ReverseAsync(id, why, ct));

    private static async Task<IResult> DraftExpenseFormAsync(HttpRequest http, Expenses expenses, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        var draft = Draft(form);
        return await PageForms.RunThenAsync($"/admin/finance/expenses/new?budget={draft.BudgetId}",
            async () => $"/admin/finance/expenses/{(await expenses.DraftAsync(draft, ct)).Id}");
    }

    private static async Task<IResult> UpdateExpenseFormAsync(Guid id, HttpRequest http, Expenses expenses, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        return await PageForms.RunAsync($"/admin/finance/expenses/{id}", () => expenses.UpdateAsync(id, Draft(form), ct));
    }

    private static async Task<IResult> AddReceiptFormAsync(Guid id, HttpRequest http, Expenses expenses, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        decimal? amount = decimal.TryParse(form["invoiceAmount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
        return await PageForms.RunAsync($"/admin/finance/expenses/{id}",
            () => expenses.AddReceiptAsync(id, form.Files.GetFile("file"), form["invoiceNumber"], amount, ct));
    }

    private static async Task<IResult> StepFormAsync(Guid id, HttpRequest http, Expenses expenses, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        string step = form["step"].ToString();
        return await PageForms.RunThenAsync($"/admin/finance/expenses/{id}", async () => step switch
        {
            "submit" => $"/admin/finance/expenses/{(await expenses.SubmitAsync(id, ct)).Id}",
            "approve" => $"/admin/finance/expenses/{(await expenses.ApproveAsync(id, ct)).Id}",
            "pay" => $"/admin/finance/expenses/{(await expenses.PayAsync(id, ct)).Id}",
            "reject" => $"/admin/finance/expenses/{(await expenses.RejectAsync(id, new ExpenseRejection(form["reason"]), ct)).Id}",
            "reverse" => $"/admin/finance/expenses/{(await expenses.ReverseAsync(id, new ExpenseRejection(form["reason"]), ct)).Id}",
            _ => $"/admin/finance/expenses/{id}",
        });
    }

    private static ExpenseDraft Draft(IFormCollection form)
    {
        Guid? G(string key) => Guid.TryParse(form[key], out var g) ? g : null;
        decimal? amount = decimal.TryParse(form["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
        DateOnly? date = DateOnly.TryParse(form["date"], CultureInfo.InvariantCulture, out var d) ? d : null;
        return new ExpenseDraft(G("budgetId"), form["lineCode"], G("fundId"), date, amount, form["payee"], form["description"],
            G("activityId"));
    }
}
