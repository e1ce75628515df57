using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

public sealed record WarningExplanation(string? Text);

public sealed record WarningDecision(string? Decision, string? Note);

public sealed record WarningRow(
    Guid Id, string Rule, string RuleName, int Severity, string SeverityName, string Message, string Status, string StatusName,
        Guid OrganizationId,
    string ProjectName, DateTimeOffset RaisedAt, int Expenses, Guid? FirstExpenseId);

public sealed record WarningExpenseDto(Guid Id, string Number, DateOnly Date, decimal Amount, string Payee, string Status,
    Guid? FirstReceiptId);

public sealed record WarningDto(
    WarningRow Summary, string? Explanation, string? ExplainedBy, DateTimeOffset? ExplainedAt, string? DecisionNote, string? DecidedBy,
    DateTimeOffset? DecidedAt, DateTimeOffset? ClosedAt, IReadOnlyList<WarningExpenseDto> Expenses);

/// <summary>
/// Warnings as their readers work them: the regulator's list in scope (most severe and newest first), each opening on the expenses
/// behind it; the organization explains; the regulator accepts, escalates or closes. Every step is audited.
/// </summary>
internal sealed class FinanceWarnings(FinanceDbContext db, WarningBook book, ICurrentUser user, TimeProvider clock)
{
    public async Task<PagedResult<WarningRow>> ListAsync(string? status, string? rule, int page, int pageSize, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var query = db.Warnings.AsNoTracking();
        if (Enum.TryParse<WarningStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(w => w.Status == s);
        }
        else if (status != "all")
        {
            query = query.Where(w => w.Status != WarningStatus.Closed && w.Status != WarningStatus.Accepted);
        }

        if (!string.IsNullOrEmpty(rule))
        {
            query = query.Where(w => w.Rule == rule);
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(w => w.Severity).ThenByDescending(w =>
            w.RaisedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(w => w.Expenses).ToListAsync(ct);
        return new PagedResult<WarningRow>([.. rows.Select(Row)], total, page, pageSize);
    }

    public async Task<WarningDto> GetAsync(Guid id, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var w = await db.Warnings.AsNoTracking().Include(x => x.Expenses).FirstOrDefaultAsync(x => x.Id == id,
            ct) ?? throw new NotFoundException("Warning", id);
        var ids = w.Expenses.Select(e => e.ExpenseId).ToList();
        // Through the caller's scope: an organization sees its own expenses behind a district-wide duplicate, the regulator all of them.
        var expenses = await db.Expenses.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Date)
            .Select(e => new WarningExpenseDto(e.Id, e.Number, e.Date, e.Amount, e.Payee, e.Status.ToString(),
                e.Receipts.OrderBy(r => r.UploadedAt).Select(r => (Guid?)r.Id).FirstOrDefault()))
            .ToListAsync(ct);
        return new WarningDto(Row(w), w.Explanation, w.ExplainedBy, w.ExplainedAt, w.DecisionNote, w.DecidedBy, w.DecidedAt, w.ClosedAt,
            expenses);
    }

    public async Task<WarningDto> ExplainAsync(Guid id, WarningExplanation explanation, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user));
        var w = await LoadAsync(id, ct);
        if (w.Status is not (WarningStatus.Open or WarningStatus.Escalated or WarningStatus.Explained))
        {
            throw FinanceRules.WarningStep.Broken(WarningText.StatusName(w.Status));
        }

        w.Explanation = MoneyInput.Text("text", explanation.Text, 2000);
        w.ExplainedBy = user.UserName;
        w.ExplainedAt = clock.GetUtcNow();
        w.Status = WarningStatus.Explained;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The regulator's decision: accept (the explanation stands), escalate (to be looked into), or close.</summary>
    public async Task<WarningDto> DecideAsync(Guid id, WarningDecision decision, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Supervises(user));
        var w = await LoadAsync(id, ct);
        var next = decision.Decision?.ToLowerInvariant() switch
        {
            "accept" => WarningStatus.Accepted,
            "escalate" => WarningStatus.Escalated,
            "close" => WarningStatus.Closed,
            _ => throw InputValidationException.For("decision", FinanceText.Get("Warning_UnknownDecision")),
        };
        if (w.Status is WarningStatus.Closed or WarningStatus.Accepted || (next == WarningStatus.Accepted
            && w.Status != WarningStatus.Explained))
        {
            throw FinanceRules.WarningStep.Broken(WarningText.StatusName(w.Status));
        }

        w.DecisionNote = MoneyInput.Text("note", decision.Note, 1000, required: next != WarningStatus.Accepted);
        w.DecidedBy = user.UserName;
        w.DecidedAt = clock.GetUtcNow();
        w.Status = next;
        w.ClosedAt = next is WarningStatus.Closed or WarningStatus.Accepted ? w.DecidedAt : null;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Every organization's books checked again (the nightly job; system work).</summary>
    public Task<int> ReEvaluateAllAsync(CancellationToken ct) => book.ReconcileAllAsync(ct);

    private static WarningRow Row(FinanceWarning w)
    {
        var brief = WarningText.Brief(w);
        return new WarningRow(w.Id, w.Rule, brief.RuleName, w.Severity, WarningText.SeverityName(w.Severity), brief.Message,
            w.Status.ToString(),
            WarningText.StatusName(w.Status), w.OrganizationId, w.ProjectName, w.RaisedAt, w.Expenses.Count,
                w.Expenses.FirstOrDefault()?.ExpenseId);
    }

    private async Task<FinanceWarning> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Warnings.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Warning", id);
}
