using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features.Charity;

public sealed record PublicCharityProject(
    Guid Id, string Title, string OrganizationName, string RecordNumber, string Summary, decimal Target, DateOnly StartsOn, DateOnly EndsOn,
    decimal Raised, decimal Spent, int DonationCount, bool Open);

public sealed record PublicDonation(Guid Id, string Name, decimal Amount, DateTimeOffset At, string Kind);

public sealed record PublicReceipt(Guid Id, string ContentType);

public sealed record PublicExpense(
    Guid Id, string Number, DateOnly Date, string Payee, string Description, decimal Amount, string Status,
    IReadOnlyList<PublicReceipt> Receipts);

public sealed record PublicLine(string Code, string Name, string Category, decimal Budgeted, decimal Spent,
    IReadOnlyList<PublicExpense> Paid);

/// <summary>A charity project's public disclosure (民政部令第81号 in spirit): raised, spent by budget line expense by expense,
/// pending, what remains, and the newest donations with names masked.</summary>
public sealed record CharityDisclosureDto(
    PublicCharityProject Project, decimal PendingTotal, decimal Remaining, IReadOnlyList<PublicLine> Lines,
        IReadOnlyList<PublicExpense> Pending,
    IReadOnlyList<PublicDonation> Recent);

public sealed record DrawnExpense(string Number, DateOnly Date, string Payee, string LineName, string Description, decimal Drawn);

/// <summary>What a donor finds by their receipt number: their gift, what is left of it, and each expense it paid for.</summary>
public sealed record DonationLookup(
    string Number, Guid ProjectId, string ProjectTitle, string OrganizationName, string Name, decimal Amount, decimal Refunded,
    decimal Allocated, decimal Available, DateTimeOffset ReceivedAt, string Channel, IReadOnlyList<DrawnExpense> Expenses);

public sealed record LiveSnapshot(
    decimal TotalRaised, decimal TotalSpent, int Donations, IReadOnlyList<PublicCharityProject> Projects, IReadOnlyList<LiveEvent> Latest,
    IReadOnlyList<LiveEvent> LatestExpenses);

/// <summary>
/// What anyone may see of charity projects: publishing a fundraising campaign is consenting to disclose it, so these reads cross
/// scopes — in a DbContext made inside the system scope, and shaped into public records (names masked, no receipt numbers
/// except the caller's own) before anything leaves.
/// </summary>
internal sealed class CharityDisclosure(IServiceProvider services, IFileStorage storage, TimeProvider clock)
{
    public Task<IReadOnlyList<PublicCharityProject>> ProjectsAsync(CancellationToken ct) => ReadAsync<IReadOnlyList<PublicCharityProject>>(
        async db =>
        {
            var today = ChinaTime.Today(clock);
            var all = await db.CharityProjects.AsNoTracking().OrderByDescending(c => c.EndsOn).Take(100).ToListAsync(ct);
            return [.. all.Select(c => Public(c, today)).OrderByDescending(c => c.Open)];
        });

    public Task<CharityDisclosureDto> ProjectAsync(Guid id, CancellationToken ct) => ReadAsync(async db =>
    {
        var charity = await db.CharityProjects.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("CharityProject", id);
        var budget = await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines)
            .FirstOrDefaultAsync(b => b.ProjectId == charity.ProjectId, ct);
        var expenses = await db.Expenses.AsNoTracking().Include(e => e.Receipts)
            .Where(e => e.FundId == charity.FundId && e.Status != ExpenseStatus.Draft && e.Status != ExpenseStatus.Rejected)
            .OrderBy(e => e.Date).ThenBy(e => e.Number).Take(1000).ToListAsync(ct);
        var lines = budget is null ? [] : Budgets.InForce(budget).Lines.OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        var paid = expenses.Where(e => e.Status == ExpenseStatus.Paid).ToList();
        var pending = expenses.Where(e => e.Status is ExpenseStatus.Submitted or ExpenseStatus.Approved).ToList();
        var byLine = lines.Select(l => new PublicLine(l.Code, l.Name, Budgets.CategoryName(l.Category), l.Amount,
            paid.Where(e => e.LineCode == l.Code).Sum(e => e.Amount), [.. paid.Where(e => e.LineCode == l.Code).Select(Public)])).ToList();
        var recent = await db.Donations.AsNoTracking().Where(d => d.CharityProjectId == id && d.Status == DonationStatus.Recorded)
            .OrderByDescending(d => d.ReceivedAt).Take(20).ToListAsync(ct);
        var pendingSum = pending.Sum(e => e.Amount);
        return new CharityDisclosureDto(Public(charity, ChinaTime.Today(clock)), pendingSum, charity.Raised - charity.Spent, byLine,
            [.. pending.Select(Public)], [.. recent.Select(Public)]);
    });

    /// <summary>A receipt of an expense paid (or pending) from this project's donations, for its public page.</summary>
    public async Task<(Stream Content, string ContentType)> ReceiptAsync(Guid id, Guid receiptId, CancellationToken ct)
    {
        var receipt = await ReadAsync(db => (from r in db.Receipts.AsNoTracking()
                                              join e in db.Expenses on r.ExpenseId equals e.Id
                                              join c in db.CharityProjects on e.FundId equals c.FundId
                                              where r.Id == receiptId && c.Id == id && e.Status != ExpenseStatus.Draft
                                                  && e.Status != ExpenseStatus.Rejected
                                              select new { r.StorageKey, r.ContentType }).FirstOrDefaultAsync(ct))
            ?? throw new NotFoundException("Receipt", receiptId);
        return (await storage.OpenReadAsync(receipt.StorageKey, ct), receipt.ContentType);
    }

    public Task<DonationLookup?> LookupAsync(string? number, CancellationToken ct) => ReadAsync(async db =>
    {
        if (await ByNumberAsync(db, number, ct) is not { } d)
        {
            return null;
        }

        var c = await db.CharityProjects.AsNoTracking().FirstAsync(x => x.Id == d.CharityProjectId, ct);
        var drawn = await (from a in db.DonationAllocations.AsNoTracking()
                           join e in db.Expenses on a.ExpenseId equals e.Id
                           where a.DonationId == d.Id
                           select new { e.Id, e.Number, e.Date, e.Payee, e.LineCode, e.Description, e.ReversesId, a.Amount, e.BudgetId })
            .ToListAsync(ct);
        var budgetIds = drawn.Select(x => x.BudgetId).Distinct().ToList();
        var names = (await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines).Where(b => budgetIds.Contains(b.Id))
                .ToListAsync(ct))
            .SelectMany(b => Budgets.InForce(b).Lines.Select(l => (b.Id, l.Code, l.Name))).ToDictionary(x => (x.Id, x.Code), x => x.Name);
        var expenses = drawn.OrderBy(x => x.Date).ThenBy(x => x.Number)
            .Select(x => new DrawnExpense(x.Number, x.Date, x.Payee, names.GetValueOrDefault((x.BudgetId, x.LineCode), x.LineCode),
                x.Description, x.Amount)).ToList();
        return new DonationLookup(d.Number, c.Id, c.Title, c.OrganizationName, DonorNames.Public(d.DonorName, d.ShowName), d.Amount,
            d.Refunded, d.Allocated, d.Available, d.ReceivedAt, d.Channel.ToString(), expenses);
    });

    /// <summary>What the donor's PDF prints (null when no donation has that number).</summary>
    public Task<DonorReceipt?> DonorReceiptAsync(string? number, CancellationToken ct) => ReadAsync(async db =>
    {
        var d = await ByNumberAsync(db, number, ct);
        if (d is null || d.Status != DonationStatus.Recorded)
        {
            return null;
        }

        var c = await db.CharityProjects.AsNoTracking().FirstAsync(x => x.Id == d.CharityProjectId, ct);
        return new DonorReceipt(d.Number, c.Title, c.OrganizationName, c.RecordNumber, d.DonorName ?? DonorNames.Public(null, false),
            d.Amount, d.Refunded, d.ReceivedAt, d.Channel.ToString());
    });

    /// <summary>The live screen as it opens; the feed brings what happens next.</summary>
    public Task<LiveSnapshot> LiveAsync(CancellationToken ct) => ReadAsync(async db =>
    {
        var today = ChinaTime.Today(clock);
        var projects = await db.CharityProjects.AsNoTracking().OrderByDescending(c => c.EndsOn).Take(100).ToListAsync(ct);
        var byId = projects.ToDictionary(p => p.Id);
        var (raised, spent) = (projects.Sum(p => p.Raised), projects.Sum(p => p.Spent));
        var latest = await db.Donations.AsNoTracking().Where(d => d.Status == DonationStatus.Recorded && d.Kind == DonationKind.Donation)
            .OrderByDescending(d => d.ReceivedAt).Take(20).ToListAsync(ct);
        var draws = await db.DonationAllocations.AsNoTracking().Where(a => a.Amount > 0).OrderByDescending(a => a.At).Take(60)
            .ToListAsync(ct);
        var expenseIds = draws.Select(a => a.ExpenseId).Distinct().Take(10).ToList();
        var payees = await db.Expenses.AsNoTracking().Where(e => expenseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Payee, ct);
        LiveEvent Event(string kind, Guid id, Guid projectId, string name, decimal amount, DateTimeOffset at)
        {
            var p = byId.GetValueOrDefault(projectId);
            return new LiveEvent(kind, id, projectId, p?.Title ?? "", name, amount, at, p?.Raised ?? 0, p?.Spent ?? 0, p?.Target ?? 0,
                raised,
                spent);
        }

        return new LiveSnapshot(raised, spent, projects.Sum(p => p.DonationCount),
            [.. projects.Select(p => Public(p, today)).OrderByDescending(p => p.Open)],
            [.. latest.Select(d => Event("donation", d.Id, d.CharityProjectId, DonorNames.Public(d.DonorName, d.ShowName), d.Amount,
                d.ReceivedAt))],
            [.. expenseIds.Select(e => draws.Where(a => a.ExpenseId == e).ToList())
                .Select(g => Event("expense", g[0].ExpenseId, g[0].CharityProjectId, payees.GetValueOrDefault(g[0].ExpenseId, ""),
                    g.Sum(a => a.Amount), g.Max(a => a.At)))]);
    });

    private static PublicCharityProject Public(CharityProject c, DateOnly today) => new(c.Id, c.Title, c.OrganizationName, c.RecordNumber,
        c.Summary, c.Target, c.StartsOn, c.EndsOn, c.Raised, c.Spent, c.DonationCount, c.IsOpen(today));

    private static PublicExpense Public(Expense e) => new(e.Id, e.Number, e.Date, e.Payee, e.Description, e.Amount, e.Status.ToString(),
        [.. e.Receipts.Select(r => new PublicReceipt(r.Id, r.ContentType))]);

    private static PublicDonation Public(Donation d) => new(d.Id, DonorNames.Public(d.DonorName, d.ShowName), d.Amount, d.ReceivedAt,
        d.Kind.ToString());

    /// <summary>A gift (not a refund) by its receipt number as a donor types it; null for anything that cannot be one.</summary>
    private static async Task<Donation?> ByNumberAsync(FinanceDbContext db, string? number, CancellationToken ct)
    {
        var key = number?.Trim().ToUpperInvariant() ?? "";
        return key.Length is < 10 or > 20 ? null
            : await db.Donations.AsNoTracking().FirstOrDefaultAsync(x => x.Number == key && x.Kind == DonationKind.Donation, ct);
    }

    private async Task<T> ReadAsync<T>(Func<FinanceDbContext, Task<T>> read)
    {
        await using var scope = SystemScope.Begin(services);
        return await read(scope.ServiceProvider.GetRequiredService<FinanceDbContext>());
    }
}
