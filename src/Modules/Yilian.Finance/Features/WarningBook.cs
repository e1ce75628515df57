using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

/// <summary>
/// Runs the warning rules over an organization's books and keeps its warnings in step (decision 026): a finding raises a
/// warning or updates the records behind the one already raised; an open warning nothing finds any more closes by itself.
/// A draft is checked for its author without storing anything; warnings are stored from submission on.
/// </summary>
internal sealed class WarningBook(FinanceDbContext db, IServiceScopeFactory scopes, IOptions<WarningOptions> options,
    RatioParameters ratios, TimeProvider clock)
{
    /// <summary>What the rules find over the organization's counted expenses, with <paramref name="drafting"/> counted too.</summary>
    public async Task<List<Finding>> DetectAsync(Guid organizationId, Guid? drafting, CancellationToken ct)
    {
        var budgets = await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines)
            .Where(b => b.OrganizationId == organizationId).ToListAsync(ct);
        var expenses = await db.Expenses.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && (e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.Approved
                || e.Status == ExpenseStatus.Paid || e.Id == drafting))
            .Select(e => new BookExpense(e.Id, e.BudgetId, e.ProjectId, e.LineCode, e.Category, e.Date, e.Amount, e.Payee,
                e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
            .ToListAsync(ct);
        var books = budgets.Select(b => new BookBudget(b.Id, b.ProjectId, b.ProjectName, b.PeriodStart, b.PeriodEnd,
            [.. Budgets.InForce(b).Lines.Select(l => new BookLine(l.Code, l.Category, l.Name,
                l.Amount) { Quarters = l.Quarters })])).ToList();
        var findings = WarningDetector.Detect(books, expenses, options.Value, drafting).ToList();
        findings.AddRange(await DuplicateReceiptsAsync([.. expenses.Select(e => e.Id)], budgets.ToDictionary(b => b.Id), ct));
        findings.AddRange(await RatioFindingsAsync(organizationId, expenses, ct));
        return findings;
    }

    /// <summary>The 2016 ratios over the years the organization reported; a management-cost finding lists that year's management
    /// expenses in the books.</summary>
    private async Task<IEnumerable<Finding>> RatioFindingsAsync(Guid organizationId, List<BookExpense> expenses, CancellationToken ct)
    {
        var years = (await db.AnnualFigures.AsNoTracking().Where(f => f.OrganizationId == organizationId).ToListAsync(ct))
            .Select(f => f.Figures).ToList();
        return years.SelectMany(y => SpendingRatios.Check(SpendingRatios.For(ratios.Sets, y.Year), y, years))
            .Where(c => !c.Met)
            .Select(c => new Finding(c.Rule, $"{c.Rule}:{c.Year}", 2, null, "",
                c.Rule == SpendingRatios.Management
                    ? [.. expenses.Where(e => e.Counts && e.Category == "management" && e.Date.Year == c.Year).Select(e => e.Id).Take(500)]
                    : [],
                c.Figures));
    }

    /// <summary>
    /// Re-evaluates the organization's warnings and saves them. Two steps taken at once in one organization (two people
    /// submitting) may both raise the same new warning or link: the later save meets the unique key and is done again over what
    /// the earlier wrote (a few times at most).
    /// </summary>
    public async Task ReconcileAsync(Guid organizationId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReconcileOnceAsync(organizationId, ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task ReconcileOnceAsync(Guid organizationId, CancellationToken ct)
    {
        var findings = await DetectAsync(organizationId, null, ct);
        var regionCode = await db.Expenses.Where(e => e.OrganizationId == organizationId).Select(e => e.RegionCode).FirstOrDefaultAsync(ct)
            ?? await db.Budgets.Where(b => b.OrganizationId == organizationId).Select(b => b.RegionCode).FirstOrDefaultAsync(ct)
            ?? await db.AnnualFigures.Where(f => f.OrganizationId == organizationId).Select(f =>
                f.RegionCode).FirstOrDefaultAsync(ct) ?? "";
        var stored = await db.Warnings.Include(w => w.Expenses).Where(w => w.OrganizationId == organizationId).ToDictionaryAsync(w =>
            w.Key, ct);
        var now = clock.GetUtcNow();
        foreach (var finding in findings.DistinctBy(f => f.Key))
        {
            var figures = JsonSerializer.Serialize(finding.Figures);
            if (!stored.TryGetValue(finding.Key, out var warning))
            {
                warning = new FinanceWarning
                {
                    Id = Guid.CreateVersion7(), Rule = finding.Rule, Key = finding.Key, OrganizationId = organizationId,
                        RegionCode = regionCode,
                    ProjectId = finding.ProjectId, ProjectName = finding.ProjectName, Severity = finding.Severity,
                        Status = WarningStatus.Open,
                    RaisedAt = now, LastSeenAt = now, Figures = figures,
                };
                warning.Expenses.AddRange(finding.ExpenseIds.Distinct().Select(id => new WarningExpense { WarningId = warning.Id,
                    ExpenseId = id }));
                db.Warnings.Add(warning);
                continue;
            }

            warning.LastSeenAt = now;
            if (warning.Status is WarningStatus.Closed && warning.ClosedAt is not null && warning.DecidedBy is null)
            {
                // Closed by itself earlier (it no longer applied) and found again: open once more.
                warning.Status = WarningStatus.Open;
                warning.ClosedAt = null;
            }

            warning.Figures = figures;
            var ids = finding.ExpenseIds.ToHashSet();
            warning.Expenses.RemoveAll(e => !ids.Contains(e.ExpenseId));
            warning.Expenses.AddRange(ids.Where(id => warning.Expenses.All(e => e.ExpenseId != id))
                .Select(id => new WarningExpense { WarningId = warning.Id, ExpenseId = id }));
        }

        var found = findings.Select(f => f.Key).ToHashSet();
        foreach (var gone in stored.Values.Where(w => w.Status == WarningStatus.Open && !found.Contains(w.Key)))
        {
            gone.Status = WarningStatus.Closed;
            gone.ClosedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Receipts of these expenses whose file (same SHA-256) or invoice (same number and amount) appears on another expense anywhere
    /// in the district. Looked up across every organization as system work; the finding names the expenses on both sides (an
    /// organization's staff see only their own through their scope; the regulator sees both).
    /// </summary>
    private async Task<List<Finding>> DuplicateReceiptsAsync(List<Guid> expenseIds, Dictionary<Guid, Budget> budgets, CancellationToken ct)
    {
        var mine = await db.Receipts.AsNoTracking().Where(r => expenseIds.Contains(r.ExpenseId))
            .Select(r => new { r.ExpenseId, r.Sha256, r.InvoiceNumber, r.InvoiceAmount }).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return [];
        }

        var hashes = mine.Select(r => r.Sha256).Distinct().ToList();
        var invoices = mine.Where(r => r.InvoiceNumber is not null).Select(r => r.InvoiceNumber!).Distinct().ToList();
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var matches = await all.Receipts.AsNoTracking()
            .Where(r => hashes.Contains(r.Sha256) || (r.InvoiceNumber != null && invoices.Contains(r.InvoiceNumber)))
            .Join(all.Expenses.Where(e => e.Status != ExpenseStatus.Rejected), r => r.ExpenseId, e => e.Id,
                (r, e) => new { r.ExpenseId, r.Sha256, r.InvoiceNumber, r.InvoiceAmount, e.ProjectId, e.BudgetId, e.ReversesId,
                    e.ReversedById })
            .ToListAsync(ct);
        // A reversed expense and its reversal carry the same receipt by design: they are not duplicates of each other.
        matches = [.. matches.Where(m => m.ReversesId is null && m.ReversedById is null)];
        var findings = new List<Finding>();
        foreach (var group in matches.GroupBy(m => "file:" + m.Sha256)
            .Concat(matches.Where(m => m.InvoiceNumber is not null).GroupBy(m => $"invoice:{m.InvoiceNumber}:{m.InvoiceAmount}")))
        {
            var ids = group.Select(m => m.ExpenseId).Distinct().ToList();
            var own = ids.Where(expenseIds.Contains).ToList();
            if (ids.Count < 2 || own.Count == 0)
            {
                continue;
            }

            var first = group.First(m => own.Contains(m.ExpenseId));
            var project = budgets.GetValueOrDefault(first.BudgetId)?.ProjectName ?? "";
            var kind = group.Key.StartsWith("file:", StringComparison.Ordinal) ? "file" : "invoice";
            findings.Add(new Finding(WarningRuleNames.DuplicateReceipt, $"{WarningRuleNames.DuplicateReceipt}:{group.Key}", 3,
                first.ProjectId, project,
                ids, new Dictionary<string, string>
                {
                    ["kind"] = kind, ["count"] = ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["elsewhere"] = (ids.Count - own.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["invoice"] = first.InvoiceNumber ?? "",
                }));
        }

        return findings;
    }
}
