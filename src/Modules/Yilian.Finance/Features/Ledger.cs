using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

/// <summary>The expense ledger in the usual layout (one row per voucher, reversals as negative rows), as an Excel file.</summary>
internal sealed class Ledger(FinanceDbContext db, ICurrentUser user)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName => FinanceText.Get("Ledger_FileName");

    public async Task<byte[]> ExportAsync(Guid? projectId, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));

        var query = db.Expenses.AsNoTracking().Where(e => e.Status != ExpenseStatus.Draft);
        if (projectId is { } p)
        {
            query = query.Where(e => e.ProjectId == p);
        }

        var expenses = await query.OrderBy(e => e.Date).ThenBy(e => e.Number).Include(e => e.Receipts).ToListAsync(ct);
        static string T(string key) => FinanceText.Get(key);
        var rows = expenses.Select(e => new Dictionary<string, object?>
        {
            [T("Ledger_Date")] = e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [T("Ledger_Number")] = e.Number,
            [T("Ledger_Project")] = e.ProjectName,
            [T("Ledger_Line")] = e.LineCode,
            [T("Ledger_Category")] = Budgets.CategoryName(e.Category),
            [T("Ledger_Payee")] = e.Payee,
            [T("Ledger_Description")] = e.Description,
            [T("Ledger_Amount")] = e.Amount,
            [T("Ledger_Status")] = Expenses.StatusName(e.Status),
            [T("Ledger_Invoices")] = string.Join(" ", e.Receipts.Where(r => r.InvoiceNumber != null).Select(r => r.InvoiceNumber)),
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows.Count > 0 ? rows : [new Dictionary<string, object?> { [T("Ledger_Date")] = "" }],
            cancellationToken: ct);
        return stream.ToArray();
    }
}
