using Yilian.SharedKernel.Data;

namespace Yilian.Finance.Domain;

/// <summary>A project's budget: one per project, revised in numbered versions; the approved version in force is what expenses count
/// against.</summary>
internal sealed class Budget : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public string ProjectName { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>The budget period (a project's period unless narrowed): expenses outside it are warned about.</summary>
    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The approved version in force; null until the first is approved.</summary>
    public int? ApprovedVersion { get; set; }

    public List<BudgetVersion> Versions { get; set; } = [];
}

internal enum BudgetStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Rejected = 4,
    /// <summary>An approved version a later approved revision replaced.</summary>
    Superseded = 5,
}

/// <summary>One version of a budget: its lines, and who drafted, submitted and decided it.</summary>
[Unscoped("Read and written only through its budget, which is scoped.")]
internal sealed class BudgetVersion
{
    public Guid Id { get; set; }

    public Guid BudgetId { get; set; }

    public int Version { get; set; }

    public BudgetStatus Status { get; set; }

    /// <summary>Why this revision was made (required from the second version on).</summary>
    public string? Reason { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    public List<BudgetLine> Lines { get; set; } = [];
}

/// <summary>A line of a budget version. Its code stays the same across versions, so expenses keep pointing at it.</summary>
[Unscoped("Read and written only through its budget, which is scoped.")]
internal sealed class BudgetLine
{
    public Guid Id { get; set; }

    public Guid VersionId { get; set; }

    public string Code { get; set; } = "";

    /// <summary>personnel, activities, materials, management, other (<see cref="BudgetCategories"/>).</summary>
    public string Category { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Amount { get; set; }

    /// <summary>How the amount is spread over the quarters of the budget period (分季度预算), keyed <c>2026Q1</c>; empty: not phased.
    /// The quarters' amounts add up to <see cref="Amount"/>.</summary>
    public Dictionary<string, decimal> Quarters { get; set; } = [];
}

/// <summary>Calendar quarters, the periods a budget line's amount is phased over, named <c>2026Q1</c>.</summary>
internal static class Quarters
{
    public static DateOnly StartOf(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);

    public static DateOnly EndOf(DateOnly quarterStart) => quarterStart.AddMonths(3).AddDays(-1);

    public static string Label(DateOnly day) => $"{day.Year}Q{((day.Month - 1) / 3) + 1}";

    /// <summary>The quarters a period touches, first to last.</summary>
    public static IReadOnlyList<DateOnly> Of(DateOnly start, DateOnly end)
    {
        var quarters = new List<DateOnly>();
        for (var q = StartOf(start); q <= end && quarters.Count < 200; q = q.AddMonths(3))
        {
            quarters.Add(q);
        }

        return quarters;
    }
}

/// <summary>The categories of budget lines (management costs count towards the ratio rules).</summary>
internal static class BudgetCategories
{
    public static readonly IReadOnlyList<string> All = ["personnel", "activities", "materials", "management", "other"];
}

/// <summary>Where the money comes from: restricted to a purpose (a grant, a charity project's donations, a purchase contract) or
/// not.</summary>
internal sealed class Fund : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public FundKind Kind { get; set; }

    /// <summary>The project a restricted fund is for, when it is for one.</summary>
    public Guid? ProjectId { get; set; }

    public decimal Amount { get; set; }

    public bool Restricted => Kind != FundKind.Unrestricted;
}

internal enum FundKind
{
    Unrestricted = 1,
    Grant = 2,
    Donations = 3,
    PurchaseContract = 4,
}
