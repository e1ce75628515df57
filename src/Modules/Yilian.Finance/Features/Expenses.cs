using System.Globalization;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Features.Charity;
using Yilian.Finance.Resources;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

public sealed record ExpenseDraft(
    Guid? BudgetId, string? LineCode, Guid? FundId, DateOnly? Date, decimal? Amount, string? Payee, string? Description, Guid? ActivityId);

public sealed record ExpenseRejection(string? Reason);

public sealed record ReceiptDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string? InvoiceNumber,
    decimal? InvoiceAmount);

/// <summary>A warning as its reader sees it: the rule's name and message in their language, and the expense records behind it.</summary>
public sealed record WarningBrief(
    Guid? Id, string Rule, string RuleName, int Severity, string Message, string? Status, string? StatusName,
        IReadOnlyList<Guid> ExpenseIds);

public sealed record ExpenseDto(
    Guid Id, string Number, Guid ProjectId, string ProjectName, Guid BudgetId, string LineCode, string LineName, string Category,
        Guid FundId,
    string FundName, DateOnly Date, decimal Amount, string Payee, string Description, Guid? ActivityId, string Status, string? RejectReason,
    Guid? ReversesId, Guid? ReversedById, string CreatedBy, DateTimeOffset CreatedAt, string? SubmittedBy, DateTimeOffset? SubmittedAt,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, string? PaidBy, DateTimeOffset? PaidAt, string? RejectedBy, DateTimeOffset? RejectedAt,
    IReadOnlyList<ReceiptDto> Receipts, IReadOnlyList<WarningBrief> Warnings);

public sealed record ExpenseRow(
    Guid Id, string Number, string ProjectName, string LineCode, DateOnly Date, decimal Amount, string Payee, string Status, int Receipts);

/// <summary>
/// Expenses from draft to paid: drafted with the warnings they would raise shown at once, submitted, approved or rejected with a
/// reason, paid; a paid expense is corrected only by a reversing entry. Each step is on the project's timeline and audited.
/// </summary>
internal sealed class Expenses(
    FinanceDbContext db, WarningBook book, DonationLedger donations, IFileStorage storage, IProjectTimeline timeline, ICurrentUser user,
    TimeProvider clock)
{
    public const long MaxReceiptBytes = 10 * 1024 * 1024;

    /// <summary>What a receipt may be: a scan (PDF) or a photo.</summary>
    private static readonly FileKind[] ReceiptKinds = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg];

    public async Task<ExpenseDto> DraftAsync(ExpenseDraft draft, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user));
        var (budget, line, fund) = await ResolveAsync(draft, ct);
        var expense = new Expense
        {
            Id = Guid.CreateVersion7(), OrganizationId = budget.OrganizationId, RegionCode = budget.RegionCode,
                ProjectId = budget.ProjectId,
            ProjectName = budget.ProjectName, BudgetId = budget.Id, Status = ExpenseStatus.Draft, CreatedBy = user.UserName ?? "system",
            CreatedAt = clock.GetUtcNow(), Number = await NextNumberAsync(budget.OrganizationId, ct),
        };
        Apply(expense, draft, line, fund);
        db.Expenses.Add(expense);
        await db.SaveChangesAsync(ct);
        return await GetAsync(expense.Id, ct);
    }

    public async Task<ExpenseDto> UpdateAsync(Guid id, ExpenseDraft draft, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user));
        var expense = await LoadAsync(id, ct);
        Step(expense, ExpenseStatus.Draft, ExpenseStatus.Rejected);
        var (_, line, fund) = await ResolveAsync(draft with { BudgetId = expense.BudgetId }, ct);
        Apply(expense, draft, line, fund);
        expense.Status = ExpenseStatus.Draft;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ExpenseDto> AddReceiptAsync(Guid id, IFormFile? file, string? invoiceNumber, decimal? invoiceAmount,
        CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user));
        var expense = await LoadAsync(id, ct);
        Step(expense, ExpenseStatus.Draft, ExpenseStatus.Submitted, ExpenseStatus.Rejected);
        if (file is null || file.Length == 0)
        {
            throw InputValidationException.For("file", FinanceText.Get("Receipt_Missing"));
        }

        if (file.Length > MaxReceiptBytes)
        {
            throw new FileTooLargeException(FinanceText.Get("Receipt_TooLarge", MaxReceiptBytes / 1024 / 1024));
        }

        var number = string.IsNullOrWhiteSpace(invoiceNumber) ? null : invoiceNumber.Trim();
        if (number is not null && (number.Length > 40 || !number.All(char.IsAsciiLetterOrDigit)))
        {
            throw InputValidationException.For("invoiceNumber", FinanceText.Get("Receipt_BadInvoiceNumber"));
        }

        var amount = invoiceAmount is null ? (decimal?)null : MoneyInput.Check("invoiceAmount", invoiceAmount);
        var stored = await CheckedUploads.StoreAsync(file, ReceiptKinds, storage, ct)
            ?? throw new UnsupportedFileException(FinanceText.Get("Receipt_BadContent"));
        db.Receipts.Add(new Receipt
        {
            Id = Guid.CreateVersion7(), ExpenseId = expense.Id, OrganizationId = expense.OrganizationId, RegionCode = expense.RegionCode,
            FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
            StorageKey = stored.StorageKey,
            InvoiceNumber = number, InvoiceAmount = amount, UploadedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        if (expense.Counts)
        {
            await book.ReconcileAsync(expense.OrganizationId, ct);
        }

        return await GetAsync(id, ct);
    }

    public async Task<(Stream Content, string ContentType, string FileName)> ReceiptFileAsync(Guid id, Guid receiptId, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var receipt = await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == receiptId && r.ExpenseId == id, ct)
            ?? throw new NotFoundException("Receipt", receiptId);
        return (await storage.OpenReadAsync(receipt.StorageKey, ct), receipt.ContentType, receipt.FileName);
    }

    public Task<ExpenseDto> SubmitAsync(Guid id, CancellationToken ct) => MoveAsync(id, FinancePermissions.KeepsBooks(user), e =>
    {
        Step(e, ExpenseStatus.Draft);
        (e.Status, e.SubmittedBy, e.SubmittedAt) = (ExpenseStatus.Submitted, user.UserName, clock.GetUtcNow());
        return "Timeline_ExpenseSubmitted";
    }, ct);

    public Task<ExpenseDto> ApproveAsync(Guid id, CancellationToken ct) => MoveAsync(id, FinancePermissions.ApprovesExpenses(user), e =>
    {
        Step(e, ExpenseStatus.Submitted);
        (e.Status, e.ApprovedBy, e.ApprovedAt) = (ExpenseStatus.Approved, user.UserName, clock.GetUtcNow());
        return "Timeline_ExpenseApproved";
    }, ct);

    public Task<ExpenseDto> PayAsync(Guid id, CancellationToken ct) => MoveAsync(id, FinancePermissions.ApprovesExpenses(user), e =>
    {
        Step(e, ExpenseStatus.Approved);
        (e.Status, e.PaidBy, e.PaidAt) = (ExpenseStatus.Paid, user.UserName, clock.GetUtcNow());
        return "Timeline_ExpensePaid";
    }, ct, donations.DrawAsync);

    public Task<ExpenseDto> RejectAsync(Guid id, ExpenseRejection rejection, CancellationToken ct) =>
        MoveAsync(id, FinancePermissions.ApprovesExpenses(user), e =>
        {
            Step(e, ExpenseStatus.Submitted, ExpenseStatus.Approved);
            e.RejectReason = MoneyInput.Text("reason", rejection.Reason, 500);
            (e.Status, e.RejectedBy, e.RejectedAt) = (ExpenseStatus.Rejected, user.UserName, clock.GetUtcNow());
            return "Timeline_ExpenseRejected";
        }, ct);

    /// <summary>Corrects a paid expense by a reversing entry (its negative, paid at once, with the reason); the original stays as it
    /// was.</summary>
    public async Task<ExpenseDto> ReverseAsync(Guid id, ExpenseRejection why, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.ApprovesExpenses(user));
        var original = await LoadAsync(id, ct);
        if (original.Status != ExpenseStatus.Paid || original.ReversesId is not null || original.ReversedById is not null)
        {
            throw FinanceRules.ExpenseStep.Broken(StatusName(original.Status));
        }

        var now = clock.GetUtcNow();
        var reversal = new Expense
        {
            Id = Guid.CreateVersion7(), Number = await NextNumberAsync(original.OrganizationId, ct),
                OrganizationId = original.OrganizationId,
            RegionCode = original.RegionCode, ProjectId = original.ProjectId, ProjectName = original.ProjectName,
                BudgetId = original.BudgetId,
            LineCode = original.LineCode, Category = original.Category, FundId = original.FundId, Date = ChinaTime.Today(clock),
                Amount = -original.Amount,
            Payee = original.Payee, Description = MoneyInput.Text("reason", why.Reason, 500), ReversesId = original.Id,
                Status = ExpenseStatus.Paid,
            CreatedBy = user.UserName ?? "system", CreatedAt = now, ApprovedBy = user.UserName, ApprovedAt = now, PaidBy = user.UserName,
                PaidAt = now,
        };
        original.ReversedById = reversal.Id;
        db.Expenses.Add(reversal);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await donations.ReleaseAsync(original, reversal, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await timeline.RecordAsync(original.ProjectId, "expense", FinanceText.Get("Timeline_ExpenseReversed", original.Number,
            reversal.Number,
            WarningDetector.Money(original.Amount), reversal.Description), ct);
        await book.ReconcileAsync(original.OrganizationId, ct);
        return await GetAsync(reversal.Id, ct);
    }

    public async Task<ExpenseDto> GetAsync(Guid id, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var e = await db.Expenses.AsNoTracking().Include(x => x.Receipts).FirstOrDefaultAsync(x => x.Id == id,
            ct) ?? throw new NotFoundException("Expense", id);
        var budget = await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines).FirstAsync(b =>
            b.Id == e.BudgetId, ct);
        var fund = await db.Funds.AsNoTracking().Where(f => f.Id == e.FundId).Select(f => f.Name).FirstOrDefaultAsync(ct) ?? "";
        var lineName = Budgets.InForce(budget).Lines.FirstOrDefault(l => l.Code == e.LineCode)?.Name ?? e.LineCode;
        List<WarningBrief> warnings;
        if (e.Status == ExpenseStatus.Draft)
        {
            // Before the approval chain: what the rules would say if it were submitted now, shown to its author, stored nowhere.
            warnings = [.. (await book.DetectAsync(e.OrganizationId, e.Id, ct)).Where(f => f.ExpenseIds.Contains(e.Id))
                .Select(f => new WarningBrief(null, f.Rule, WarningText.RuleName(f.Rule), f.Severity, WarningText.Message(f.Rule,
                    f.Figures), null, null, f.ExpenseIds))];
        }
        else
        {
            var stored = await db.Warnings.AsNoTracking().Include(w => w.Expenses).Where(w => w.Expenses.Any(x =>
                x.ExpenseId == id)).ToListAsync(ct);
            warnings = [.. stored.Select(WarningText.Brief)];
        }

        return new ExpenseDto(e.Id, e.Number, e.ProjectId, e.ProjectName, e.BudgetId, e.LineCode, lineName, e.Category, e.FundId, fund,
            e.Date, e.Amount,
            e.Payee, e.Description, e.ActivityId, e.Status.ToString(), e.RejectReason, e.ReversesId, e.ReversedById, e.CreatedBy,
                e.CreatedAt,
            e.SubmittedBy, e.SubmittedAt, e.ApprovedBy, e.ApprovedAt, e.PaidBy, e.PaidAt, e.RejectedBy, e.RejectedAt,
            [.. e.Receipts.OrderBy(r => r.UploadedAt).Select(r => new ReceiptDto(r.Id, r.FileName, r.ContentType, r.Size, r.Sha256,
                r.InvoiceNumber, r.InvoiceAmount))],
            warnings);
    }

    public async Task<PagedResult<ExpenseRow>> ListAsync(Guid? projectId, string? status, int page, int pageSize, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var query = db.Expenses.AsNoTracking();
        if (!FinancePermissions.KeepsBooks(user))
        {
            query = query.Where(e => e.Status != ExpenseStatus.Draft); // a draft is its organization's work in progress
        }

        if (projectId is { } p)
        {
            query = query.Where(e => e.ProjectId == p);
        }

        if (Enum.TryParse<ExpenseStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(e => e.Status == s);
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Number).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new ExpenseRow(e.Id, e.Number, e.ProjectName, e.LineCode, e.Date, e.Amount, e.Payee, e.Status.ToString(),
                e.Receipts.Count))
            .ToListAsync(ct);
        return new PagedResult<ExpenseRow>(rows, total, page, pageSize);
    }

    public static string StatusName(ExpenseStatus status) => FinanceText.Get("ExpenseStatus_" + status);

    /// <summary>Takes a step; <paramref name="alongside"/> (drawing on donations when paying) runs in the same transaction.</summary>
    private async Task<ExpenseDto> MoveAsync(Guid id, bool allowed, Func<Expense, string> step, CancellationToken ct,
        Func<Expense, CancellationToken, Task>? alongside = null)
    {
        FinancePermissions.Require(allowed);
        var expense = await LoadAsync(id, ct);
        var text = step(expense);
        if (alongside is null)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await alongside(expense, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await timeline.RecordAsync(expense.ProjectId, "expense", FinanceText.Get(text, expense.Number,
            WarningDetector.Money(expense.Amount),
            expense.Payee, expense.RejectReason), ct);
        await book.ReconcileAsync(expense.OrganizationId, ct);
        return await GetAsync(id, ct);
    }

    private async Task<(Budget Budget, BudgetLine Line, Fund Fund)> ResolveAsync(ExpenseDraft draft, CancellationToken ct)
    {
        var budget = draft.BudgetId is { } b
            ? await db.Budgets.Include(x => x.Versions).ThenInclude(v => v.Lines).FirstOrDefaultAsync(x => x.Id == b, ct)
            : null;
        if (budget is null)
        {
            throw InputValidationException.For("budgetId", FinanceText.Get("Expense_BudgetRequired"));
        }

        var lines = Budgets.InForce(budget).Lines;
        var line = lines.FirstOrDefault(l => l.Code == draft.LineCode?.Trim())
            ?? throw InputValidationException.For("lineCode", FinanceText.Get("Expense_UnknownLine", string.Join(", ", lines.Select(l =>
                $"{l.Code}（{l.Name}）"))));
        var fund = draft.FundId is { } f ? await db.Funds.FirstOrDefaultAsync(x => x.Id == f && x.OrganizationId == budget.OrganizationId,
            ct) : null;
        if (fund is null)
        {
            throw InputValidationException.For("fundId", FinanceText.Get("Expense_FundRequired"));
        }

        if (fund.ProjectId is { } only && only != budget.ProjectId)
        {
            throw InputValidationException.For("fundId", FinanceText.Get("Expense_FundOtherProject", fund.Name));
        }

        return (budget, line, fund);
    }

    private void Apply(Expense expense, ExpenseDraft draft, BudgetLine line, Fund fund)
    {
        var date = draft.Date ?? throw InputValidationException.For("date", FinanceText.Get("Expense_DateRequired"));
        var today = ChinaTime.Today(clock);
        if (date > today)
        {
            throw InputValidationException.For("date", FinanceText.Get("Expense_FutureDate"));
        }

        // The books of a year are closed once its annual report is due (the end of the following May): no new expense goes in them.
        if (new DateOnly(date.Year + 1, 5, 31) < today)
        {
            throw FinanceRules.ExpenseInClosedPeriod.Broken(date.Year);
        }

        expense.LineCode = line.Code;
        expense.Category = line.Category;
        expense.FundId = fund.Id;
        expense.Date = date;
        expense.Amount = MoneyInput.Check("amount", draft.Amount);
        expense.Payee = MoneyInput.Text("payee", draft.Payee, 100);
        expense.Description = MoneyInput.Text("description", draft.Description, 500);
        expense.ActivityId = draft.ActivityId;
    }

    private async Task<string> NextNumberAsync(Guid organizationId, CancellationToken ct)
    {
        var year = ChinaTime.Today(clock).Year;
        var prefix = $"{year}-";
        var last = await db.Expenses.Where(e => e.OrganizationId == organizationId && e.Number.StartsWith(prefix))
            .OrderByDescending(e => e.Number).Select(e => e.Number).FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{next:D5}";
    }

    private async Task<Expense> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Expenses.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Expense", id);

    private static void Step(Expense expense, params ExpenseStatus[] allowed)
    {
        if (expense.Status == ExpenseStatus.Paid && !allowed.Contains(ExpenseStatus.Paid))
        {
            throw FinanceRules.PaidExpenseFixed.Broken(expense.Number);
        }

        if (!allowed.Contains(expense.Status))
        {
            throw FinanceRules.ExpenseStep.Broken(StatusName(expense.Status));
        }
    }

}
