using System.Linq.Expressions;
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
            .Where(b => b.OrganizationId == organizationId).AsSplitQuery().ToListAsync(ct);
        var expenses = await db.Expenses.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && (e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.Approved
                || e.Status == ExpenseStatus.Paid || e.Id == drafting))
            .Select(e => new BookExpense(e.Id, e.BudgetId, e.ProjectId, e.LineCode, e.Category, e.Date, e.Amount, e.Payee,
                e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
            .ToListAsync(ct);
        var years = (await db.AnnualFigures.AsNoTracking().Where(f => f.OrganizationId == organizationId).ToListAsync(ct))
            .Select(f => f.Figures).ToList();
        var duplicates = await DuplicateGroupsAsync([.. expenses.Select(e => e.Id)], ct);
        return Detect(budgets, expenses, duplicates, years, drafting);
    }

    /// <summary>Every rule over one organization's books, loaded: the budget rules, receipts found twice, the 2016 ratios.</summary>
    private List<Finding> Detect(List<Budget> budgets, List<BookExpense> expenses, IEnumerable<ReceiptGroup> duplicates,
        List<YearFigures> years, Guid? drafting)
    {
        var books = budgets.Select(b => new BookBudget(b.Id, b.ProjectId, b.ProjectName, b.PeriodStart, b.PeriodEnd,
            [.. Budgets.InForce(b).Lines.Select(l => new BookLine(l.Code, l.Category, l.Name, l.Amount) { Quarters = l.Quarters })]))
            .ToList();
        var findings = WarningDetector.Detect(books, expenses, options.Value, drafting).ToList();
        findings.AddRange(DuplicateFindings(duplicates, [.. expenses.Select(e => e.Id)], budgets.ToDictionary(b => b.Id)));
        findings.AddRange(RatioFindings(years, expenses));
        return findings;
    }

    /// <summary>The 2016 ratios over the years the organization reported; a management-cost finding lists that year's management
    /// expenses in the books.</summary>
    private IEnumerable<Finding> RatioFindings(List<YearFigures> years, List<BookExpense> expenses) =>
        years.SelectMany(y => SpendingRatios.Check(SpendingRatios.For(ratios.Sets, y.Year), y, years))
            .Where(c => !c.Met)
            .Select(c => new Finding(c.Rule, $"{c.Rule}:{c.Year}", 2, null, "",
                c.Rule == SpendingRatios.Management
                    ? [.. expenses.Where(e => e.Counts && e.Category == "management" && e.Date.Year == c.Year).Select(e => e.Id).Take(500)]
                    : [],
                c.Figures));

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
        var stored = await db.Warnings.Include(w => w.Expenses).Where(w => w.OrganizationId == organizationId).ToListAsync(ct);
        Apply(organizationId, regionCode, findings, stored, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Every organization's books at once, as the nightly job does (decision 026): each table read in one query (the district's
    /// receipts found twice in one grouped query), the rules run in memory, the changes saved a hundred organizations at a time.
    /// A save that meets a warning someone raised meanwhile is redone organization by organization from there.
    /// </summary>
    public async Task<int> ReconcileAllAsync(CancellationToken ct)
    {
        var budgets = (await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines).AsSplitQuery().ToListAsync(ct))
            .ToLookup(b => b.OrganizationId);
        var expenses = (await db.Expenses.AsNoTracking()
            .Where(e => e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid)
            .Select(e => new { e.OrganizationId, Book = new BookExpense(e.Id, e.BudgetId, e.ProjectId, e.LineCode, e.Category, e.Date,
                e.Amount, e.Payee, true) })
            .ToListAsync(ct)).ToLookup(e => e.OrganizationId, e => e.Book);
        var figures = (await db.AnnualFigures.AsNoTracking().ToListAsync(ct)).ToLookup(f => f.OrganizationId);
        var duplicates = await DuplicateGroupsAsync(null, ct);
        var byExpense = duplicates.SelectMany(g => g.Members.Select(m => (m.ExpenseId, Group: g))).ToLookup(x => x.ExpenseId, x => x.Group);
        var stored = (await db.Warnings.Include(w => w.Expenses).ToListAsync(ct)).ToLookup(w => w.OrganizationId);
        var organizations = budgets.Select(g => g.Key).Union(figures.Select(g => g.Key)).ToList();
        var now = clock.GetUtcNow();
        for (var i = 0; i < organizations.Count; i++)
        {
            var organization = organizations[i];
            var books = budgets[organization].ToList();
            var spent = expenses[organization].ToList();
            var years = figures[organization].ToList();
            var findings = Detect(books, spent, spent.SelectMany(e => byExpense[e.Id]).Distinct(), [.. years.Select(f => f.Figures)], null);
            var region = books.FirstOrDefault()?.RegionCode ?? years.FirstOrDefault()?.RegionCode ?? "";
            Apply(organization, region, findings, [.. stored[organization]], now);
            if (i % 100 != 99 && i != organizations.Count - 1)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                foreach (var again in organizations.Skip(i / 100 * 100))
                {
                    await ReconcileAsync(again, ct);
                    db.ChangeTracker.Clear();
                }

                break;
            }
        }

        db.ChangeTracker.Clear();
        return organizations.Count;
    }

    /// <summary>Raises a warning for each new finding and updates the records behind those already raised; an open warning nothing
    /// finds any more closes by itself, and one that closed by itself opens again when found again.</summary>
    private void Apply(Guid organizationId, string regionCode, List<Finding> findings, List<FinanceWarning> warnings, DateTimeOffset now)
    {
        var stored = warnings.ToDictionary(w => w.Key);
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
    }

    /// <summary>One receipt of a group found twice: its expense and what the finding names.</summary>
    private sealed record ReceiptMatch(Guid ExpenseId, string? InvoiceNumber, Guid ProjectId, Guid BudgetId);

    /// <summary>Receipts with the same file (key <c>file:sha256</c>) or the same invoice number and amount
    /// (<c>invoice:no:amount</c>).</summary>
    private sealed record ReceiptGroup(string Key, IReadOnlyList<ReceiptMatch> Members);

    /// <summary>
    /// The groups of receipts, anywhere in the district, whose file (same SHA-256) or invoice (same number and amount) appears on
    /// more than one expense — only those touching <paramref name="expenseIds"/> when given. Looked up across every organization as
    /// system work; a finding names the expenses on both sides (an organization's staff see only their own through their scope; the
    /// regulator sees both). A reversed expense and its reversal carry the same receipt by design: they are not duplicates.
    /// </summary>
    private async Task<List<ReceiptGroup>> DuplicateGroupsAsync(List<Guid>? expenseIds, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<FinanceDbContext>();
        Expression<Func<Receipt, bool>> wanted;
        if (expenseIds is null)
        {
            var hashes = all.Receipts.GroupBy(r => r.Sha256).Where(g => g.Count() > 1).Select(g => g.Key);
            var invoices = all.Receipts.Where(r => r.InvoiceNumber != null).GroupBy(r => r.InvoiceNumber!).Where(g => g.Count() > 1)
                .Select(g => g.Key);
            wanted = r => hashes.Contains(r.Sha256) || (r.InvoiceNumber != null && invoices.Contains(r.InvoiceNumber));
        }
        else
        {
            var mine = await db.Receipts.AsNoTracking().Where(r => expenseIds.Contains(r.ExpenseId))
                .Select(r => new { r.Sha256, r.InvoiceNumber }).ToListAsync(ct);
            if (mine.Count == 0)
            {
                return [];
            }

            var hashes = mine.Select(r => r.Sha256).Distinct().ToList();
            var invoices = mine.Where(r => r.InvoiceNumber is not null).Select(r => r.InvoiceNumber!).Distinct().ToList();
            wanted = r => hashes.Contains(r.Sha256) || (r.InvoiceNumber != null && invoices.Contains(r.InvoiceNumber));
        }

        var matches = await all.Receipts.AsNoTracking().Where(wanted)
            .Join(all.Expenses.Where(e => e.Status != ExpenseStatus.Rejected && e.ReversesId == null && e.ReversedById == null),
                r => r.ExpenseId, e => e.Id,
                (r, e) => new { r.ExpenseId, r.Sha256, r.InvoiceNumber, r.InvoiceAmount, e.ProjectId, e.BudgetId })
            .ToListAsync(ct);
        return [.. matches.GroupBy(m => "file:" + m.Sha256)
            .Concat(matches.Where(m => m.InvoiceNumber is not null).GroupBy(m => $"invoice:{m.InvoiceNumber}:{m.InvoiceAmount}"))
            .Select(g => new ReceiptGroup(g.Key, [.. g.Select(m => new ReceiptMatch(m.ExpenseId, m.InvoiceNumber, m.ProjectId,
                m.BudgetId))]))
            .Where(g => g.Members.Select(m => m.ExpenseId).Distinct().Count() > 1)];
    }

    /// <summary>A finding for each group that holds one of the organization's expenses and another.</summary>
    private static List<Finding> DuplicateFindings(IEnumerable<ReceiptGroup> groups, HashSet<Guid> own, Dictionary<Guid, Budget> budgets)
    {
        var findings = new List<Finding>();
        foreach (var group in groups)
        {
            var ids = group.Members.Select(m => m.ExpenseId).Distinct().ToList();
            var mine = ids.Where(own.Contains).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var first = group.Members.First(m => own.Contains(m.ExpenseId));
            var project = budgets.GetValueOrDefault(first.BudgetId)?.ProjectName ?? "";
            var kind = group.Key.StartsWith("file:", StringComparison.Ordinal) ? "file" : "invoice";
            findings.Add(new Finding(WarningRuleNames.DuplicateReceipt, $"{WarningRuleNames.DuplicateReceipt}:{group.Key}", 3,
                first.ProjectId, project, ids, new Dictionary<string, string>
                {
                    ["kind"] = kind, ["count"] = ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["elsewhere"] = (ids.Count - mine.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["invoice"] = first.InvoiceNumber ?? "",
                }));
        }

        return findings;
    }
}
