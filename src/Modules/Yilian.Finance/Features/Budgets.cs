using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

/// <summary>A budget line as typed. <paramref name="Quarters"/> phases it (keys <c>2026Q1</c>, each a quarter of the budget period);
/// with quarters the amount may be left out (it is their sum) and, when given, must equal their sum.</summary>
public sealed record BudgetLineInput(string? Code, string? Category, string? Name, decimal? Amount,
    IReadOnlyDictionary<string, decimal?>? Quarters = null);

/// <summary>A budget's first draft (with its project) or a revision (with why).</summary>
public sealed record BudgetDraft(Guid? ProjectId, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? Reason,
    IReadOnlyList<BudgetLineInput>? Lines);

public sealed record BudgetDecision(bool Approve, string? Note);

/// <summary>A quarter of a phased line: what was planned, and what was spent (approved, paid) and is pending in it.</summary>
public sealed record BudgetQuarterDto(string Quarter, decimal Planned, decimal Spent, decimal Pending);

public sealed record BudgetLineDto(string Code, string Category, string CategoryName, string Name, decimal Amount, decimal Spent,
    decimal Pending, IReadOnlyList<BudgetQuarterDto> Quarters);

/// <summary>A line's amount before and after a revision (null: the line was not there); <paramref name="Rephased"/>: its spread over
/// the quarters changed.</summary>
public sealed record BudgetChange(string Code, string Name, decimal? Before, decimal? After, bool Rephased = false);

public sealed record BudgetVersionDto(
    int Version, string Status, string? Reason, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, string? DecidedBy,
    DateTimeOffset? DecidedAt, string? DecisionNote, decimal Total, IReadOnlyList<BudgetLineDto> Lines,
        IReadOnlyList<BudgetChange> Changes);

public sealed record BudgetDto(
    Guid Id, Guid ProjectId, string ProjectName, Guid OrganizationId, DateOnly PeriodStart, DateOnly PeriodEnd, int? ApprovedVersion,
    decimal Total, decimal Spent, decimal Pending, IReadOnlyList<BudgetVersionDto> Versions);

public sealed record BudgetSummary(Guid Id, Guid ProjectId, string ProjectName, int? ApprovedVersion, string LatestStatus, decimal Total,
    decimal Spent);

/// <summary>Answers the project's workflow (its <c>budgetApproved</c> check) and page from the budget book.</summary>
internal sealed class ProjectBudgetsFromBook(Budgets budgets) : IProjectBudgets
{
    public Task<ProjectBudget?> ForProjectAsync(Guid projectId, CancellationToken ct) => budgets.StateAsync(projectId, ct);
}

/// <summary>
/// A project's budget: drafted by the organization, submitted, approved or rejected by the supervisor; a revision is a new
/// version (with its reason) and shows what changed line by line. The approved version in force is what expenses count against.
/// </summary>
internal sealed class Budgets(FinanceDbContext db, IOrganizationProjects projects, IProjectTimeline timeline, ICurrentUser user,
    TimeProvider clock)
{
    public async Task<BudgetDto> CreateAsync(BudgetDraft draft, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user), "Finance_CannotKeepBooks");
        var project = draft.ProjectId is { } id ? await projects.FindProjectAsync(id, ct) : null;
        if (project is null)
        {
            throw InputValidationException.For("projectId", FinanceText.Get("Budget_ProjectRequired"));
        }

        if (await db.Budgets.AnyAsync(b => b.ProjectId == project.Id, ct))
        {
            throw FinanceRules.BudgetExists.Broken(project.Name);
        }

        var (start, end) = Period(draft, project.PeriodStart, project.PeriodEnd);
        var budget = new Budget
        {
            Id = Guid.CreateVersion7(), ProjectId = project.Id, ProjectName = project.Name, OrganizationId = project.OrganizationId,
            RegionCode = project.RegionCode, PeriodStart = start, PeriodEnd = end,
        };
        budget.Versions.Add(NewVersion(budget, 1, null, Lines(draft.Lines, start, end)));
        db.Budgets.Add(budget);
        await db.SaveChangesAsync(ct);
        await timeline.RecordAsync(project.Id, "expense", FinanceText.Get("Timeline_BudgetDrafted", 1), ct);
        return await GetAsync(budget.Id, ct);
    }

    /// <summary>Edits the draft in progress, or starts a new version from the one before (a reason is required).</summary>
    public async Task<BudgetDto> ReviseAsync(Guid budgetId, BudgetDraft draft, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user), "Finance_CannotKeepBooks");
        var budget = await LoadAsync(budgetId, ct);
        var latest = budget.Versions.MaxBy(v => v.Version)!;
        (budget.PeriodStart, budget.PeriodEnd) = Period(draft, budget.PeriodStart, budget.PeriodEnd);
        var lines = Lines(draft.Lines, budget.PeriodStart, budget.PeriodEnd);
        if (latest.Status == BudgetStatus.Submitted)
        {
            throw FinanceRules.BudgetRevisionPending.Broken(latest.Version);
        }

        if (latest.Status == BudgetStatus.Draft)
        {
            db.BudgetLines.RemoveRange(latest.Lines);
            latest.Lines = [.. lines.Select(l => { l.VersionId = latest.Id; return l; })];
            db.BudgetLines.AddRange(latest.Lines);
            latest.Reason = latest.Version > 1 ? MoneyInput.Text("reason", draft.Reason, 500) : MoneyInput.Text("reason", draft.Reason,
                500, required: false);
        }
        else
        {
            var version = NewVersion(budget, latest.Version + 1, MoneyInput.Text("reason", draft.Reason, 500), lines);
            db.BudgetVersions.Add(version);
            await timeline.RecordAsync(budget.ProjectId, "expense", FinanceText.Get("Timeline_BudgetDrafted", version.Version), ct);
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(budgetId, ct);
    }

    public async Task<BudgetDto> SubmitAsync(Guid budgetId, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user), "Finance_CannotKeepBooks");
        var budget = await LoadAsync(budgetId, ct);
        var latest = budget.Versions.MaxBy(v => v.Version)!;
        if (latest.Status != BudgetStatus.Draft)
        {
            throw FinanceRules.BudgetNotAwaiting.Broken(latest.Version);
        }

        latest.Status = BudgetStatus.Submitted;
        latest.SubmittedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await timeline.RecordAsync(budget.ProjectId, "expense", FinanceText.Get("Timeline_BudgetSubmitted", latest.Version), ct);
        return await GetAsync(budgetId, ct);
    }

    public async Task<BudgetDto> DecideAsync(Guid budgetId, BudgetDecision decision, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Supervises(user), "Budget_CannotDecide");

        var budget = await LoadAsync(budgetId, ct);
        var latest = budget.Versions.MaxBy(v => v.Version)!;
        if (latest.Status != BudgetStatus.Submitted)
        {
            throw FinanceRules.BudgetNotAwaiting.Broken(latest.Version);
        }

        latest.DecisionNote = MoneyInput.Text("note", decision.Note, 500, required: !decision.Approve);
        latest.DecidedBy = user.UserName ?? "system";
        latest.DecidedAt = clock.GetUtcNow();
        latest.Status = decision.Approve ? BudgetStatus.Approved : BudgetStatus.Rejected;
        if (decision.Approve)
        {
            foreach (var earlier in budget.Versions.Where(v => v.Status == BudgetStatus.Approved && v != latest))
            {
                earlier.Status = BudgetStatus.Superseded;
            }

            budget.ApprovedVersion = latest.Version;
        }

        await db.SaveChangesAsync(ct);
        await timeline.RecordAsync(budget.ProjectId, "expense",
            FinanceText.Get(decision.Approve ? "Timeline_BudgetApproved" : "Timeline_BudgetRejected", latest.Version,
                latest.DecisionNote), ct);
        return await GetAsync(budgetId, ct);
    }

    public async Task<IReadOnlyList<BudgetSummary>> ListAsync(CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user), "Finance_CannotRead");
        var budgets = await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines).OrderBy(b =>
            b.ProjectName).ToListAsync(ct);
        var spent = await db.Expenses.AsNoTracking().Where(e => e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid)
            .GroupBy(e => e.BudgetId).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        return [.. budgets.Select(b =>
        {
            var latest = b.Versions.MaxBy(v => v.Version)!;
            return new BudgetSummary(b.Id, b.ProjectId, b.ProjectName, b.ApprovedVersion, latest.Status.ToString(),
                InForce(b).Lines.Sum(l => l.Amount),
                spent.GetValueOrDefault(b.Id));
        })];
    }

    public async Task<BudgetDto> GetAsync(Guid budgetId, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user), "Finance_CannotRead");
        var budget = await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines).FirstOrDefaultAsync(b =>
            b.Id == budgetId, ct)
            ?? throw new NotFoundException("Budget", budgetId);
        var expenses = await db.Expenses.AsNoTracking().Where(e => e.BudgetId == budgetId && e.Status != ExpenseStatus.Draft
            && e.Status != ExpenseStatus.Rejected)
            .Select(e => new { e.LineCode, e.Amount, e.Status, e.Date }).ToListAsync(ct);
        decimal Spent(string? code, string? quarter = null) => expenses.Where(e => (code is null || e.LineCode == code)
            && (quarter is null || Quarters.Label(e.Date) == quarter) && e.Status != ExpenseStatus.Submitted).Sum(e => e.Amount);
        decimal Pending(string? code, string? quarter = null) => expenses.Where(e => (code is null || e.LineCode == code)
            && (quarter is null || Quarters.Label(e.Date) == quarter) && e.Status == ExpenseStatus.Submitted).Sum(e => e.Amount);
        var versions = budget.Versions.OrderByDescending(v => v.Version).Select(v =>
        {
            var before = budget.Versions.FirstOrDefault(p => p.Version == v.Version - 1);
            var lines = v.Lines.OrderBy(l => BudgetCategories.All.ToList().IndexOf(l.Category)).ThenBy(l => l.Code)
                .Select(l => new BudgetLineDto(l.Code, l.Category, CategoryName(l.Category), l.Name, l.Amount, Spent(l.Code),
                    Pending(l.Code), [.. l.Quarters.OrderBy(q => q.Key, StringComparer.Ordinal)
                        .Select(q => new BudgetQuarterDto(q.Key, q.Value, Spent(l.Code, q.Key), Pending(l.Code, q.Key)))])).ToList();
            return new BudgetVersionDto(v.Version, v.Status.ToString(), v.Reason, v.CreatedBy, v.CreatedAt, v.SubmittedAt, v.DecidedBy,
                v.DecidedAt,
                v.DecisionNote, v.Lines.Sum(l => l.Amount), lines, before is null ? [] : Changes(before, v));
        }).ToList();
        return new BudgetDto(budget.Id, budget.ProjectId, budget.ProjectName, budget.OrganizationId, budget.PeriodStart, budget.PeriodEnd,
            budget.ApprovedVersion, InForce(budget).Lines.Sum(l => l.Amount), Spent(null), Pending(null), versions);
    }

    public async Task<Guid?> ForProjectAsync(Guid projectId, CancellationToken ct) =>
        await db.Budgets.Where(b => b.ProjectId == projectId).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);

    /// <summary>The project's budget for its gates and page (<see cref="IProjectBudgets"/>), within the caller's scope.</summary>
    public async Task<ProjectBudget?> StateAsync(Guid projectId, CancellationToken ct)
    {
        var budget = await db.Budgets.AsNoTracking().Include(b => b.Versions).ThenInclude(v => v.Lines)
            .FirstOrDefaultAsync(b => b.ProjectId == projectId, ct);
        return budget is null ? null : new ProjectBudget(budget.Id, budget.Versions.MaxBy(v => v.Version)!.Status.ToString(),
            budget.ApprovedVersion, InForce(budget).Lines.Sum(l => l.Amount));
    }

    /// <summary>The version expenses count against: the approved one in force, else the latest (so a draft budget already warns).</summary>
    public static BudgetVersion InForce(Budget budget) =>
        budget.Versions.FirstOrDefault(v => v.Version == budget.ApprovedVersion) ?? budget.Versions.MaxBy(v => v.Version)!;

    public static string CategoryName(string category) => FinanceText.Get("Category_" + category);

    private static List<BudgetChange> Changes(BudgetVersion before, BudgetVersion after)
    {
        var old = before.Lines.ToDictionary(l => l.Code);
        var now = after.Lines.ToDictionary(l => l.Code);
        return [.. old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(code => new BudgetChange(code, now.GetValueOrDefault(code)?.Name ?? old[code].Name, old.GetValueOrDefault(code)?.Amount,
                now.GetValueOrDefault(code)?.Amount, Rephased(old.GetValueOrDefault(code), now.GetValueOrDefault(code))))
            .Where(c => c.Before != c.After || c.Rephased)];

        static bool Rephased(BudgetLine? before, BudgetLine? after) => before is not null && after is not null
            && (before.Quarters.Count != after.Quarters.Count || before.Quarters.Except(after.Quarters).Any());
    }

    private async Task<Budget> LoadAsync(Guid budgetId, CancellationToken ct) =>
        await db.Budgets.Include(b => b.Versions).ThenInclude(v => v.Lines).FirstOrDefaultAsync(b => b.Id == budgetId, ct)
            ?? throw new NotFoundException("Budget", budgetId);

    private BudgetVersion NewVersion(Budget budget, int number, string? reason, List<BudgetLine> lines)
    {
        var version = new BudgetVersion
        {
            Id = Guid.CreateVersion7(), BudgetId = budget.Id, Version = number, Status = BudgetStatus.Draft, Reason = reason,
            CreatedBy = user.UserName ?? "system", CreatedAt = clock.GetUtcNow(),
        };
        foreach (var line in lines)
        {
            line.VersionId = version.Id;
            version.Lines.Add(line);
        }

        return version;
    }

    private static (DateOnly Start, DateOnly End) Period(BudgetDraft draft, DateOnly start, DateOnly end)
    {
        var from = draft.PeriodStart ?? start;
        var to = draft.PeriodEnd ?? end;
        if (to < from)
        {
            throw InputValidationException.For("periodEnd", FinanceText.Get("Budget_PeriodBackwards"));
        }

        return (from, to);
    }

    /// <summary>The lines as typed: at least one, each with a known category, a name and an amount (or quarters that add up to
    /// it); codes made from the category when left out.</summary>
    private static List<BudgetLine> Lines(IReadOnlyList<BudgetLineInput>? input, DateOnly start, DateOnly end)
    {
        if (input is not { Count: > 0 } || input.Count > 100)
        {
            throw InputValidationException.For("lines", FinanceText.Get("Budget_LinesRequired"));
        }

        var quarters = Quarters.Of(start, end).Select(Quarters.Label).ToHashSet();
        var lines = new List<BudgetLine>();
        for (var i = 0; i < input.Count; i++)
        {
            var line = input[i];
            var category = line.Category?.Trim() ?? "";
            if (!BudgetCategories.All.Contains(category))
            {
                throw InputValidationException.For($"lines[{i}].category", FinanceText.Get("Budget_UnknownCategory", string.Join(", ",
                    BudgetCategories.All)));
            }

            var code = string.IsNullOrWhiteSpace(line.Code) ? $"{category}-{lines.Count(l => l.Category == category) + 1}"
                : line.Code.Trim();
            if (code.Length > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || lines.Any(l => l.Code == code))
            {
                throw InputValidationException.For($"lines[{i}].code", FinanceText.Get("Budget_BadCode"));
            }

            var phased = Phasing($"lines[{i}].quarters", line.Quarters, quarters);
            var amount = line.Amount is null && phased.Count > 0 ? phased.Values.Sum() : MoneyInput.Check($"lines[{i}].amount",
                line.Amount);
            if (phased.Count > 0 && phased.Values.Sum() != amount)
            {
                throw InputValidationException.For($"lines[{i}].quarters", FinanceText.Get("Budget_QuartersDontAddUp",
                    phased.Values.Sum().ToString("N2", CultureInfo.CurrentCulture), amount.ToString("N2", CultureInfo.CurrentCulture)));
            }

            lines.Add(new BudgetLine
            {
                Id = Guid.CreateVersion7(), Code = code, Category = category, Name = MoneyInput.Text($"lines[{i}].name", line.Name, 100),
                Amount = MoneyInput.Check($"lines[{i}].amount", amount), Quarters = phased,
            });
        }

        return lines;
    }

    /// <summary>A line's quarters: each a quarter of the budget period, its amount zero or more with two decimals; zero ones left
    /// out.</summary>
    private static Dictionary<string, decimal> Phasing(string field, IReadOnlyDictionary<string, decimal?>? input, HashSet<string> quarters)
    {
        var phased = new Dictionary<string, decimal>();
        foreach (var (key, value) in input ?? new Dictionary<string, decimal?>())
        {
            var quarter = key.Trim().ToUpperInvariant();
            if (!quarters.Contains(quarter))
            {
                throw InputValidationException.For(field, FinanceText.Get("Budget_QuarterOutsidePeriod", key.Length > 20 ? key[..20]
                    : key));
            }

            if (value is { } amount && amount != 0)
            {
                phased[quarter] = MoneyInput.Check($"{field}.{quarter}", amount);
            }
        }

        return phased;
    }
}
