using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

using Yilian.Finance.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Data;

internal sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options, IDataScopeProvider scope) : YilianDbContext(options,
    scope)
{
    public const string Module = "Finance";

    protected override string TablePrefix => "fin_";

    public DbSet<Budget> Budgets => Set<Budget>();

    public DbSet<BudgetVersion> BudgetVersions => Set<BudgetVersion>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<Fund> Funds => Set<Fund>();

    public DbSet<Expense> Expenses => Set<Expense>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<FinanceWarning> Warnings => Set<FinanceWarning>();

    public DbSet<WarningExpense> WarningExpenses => Set<WarningExpense>();

    public DbSet<CharityProject> CharityProjects => Set<CharityProject>();

    public DbSet<Donation> Donations => Set<Donation>();

    public DbSet<DonationAllocation> DonationAllocations => Set<DonationAllocation>();

    public DbSet<DonationIntent> DonationIntents => Set<DonationIntent>();

    public DbSet<DonationFlag> DonationFlags => Set<DonationFlag>();

    public DbSet<AnnualFigures> AnnualFigures => Set<AnnualFigures>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Budget>(b =>
        {
            b.ToTable("fin_budgets");
            b.Property(x => x.ProjectName).HasMaxLength(200);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.HasIndex(x => x.ProjectId).IsUnique();
            b.HasIndex(x => x.OrganizationId);
            b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.BudgetId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BudgetVersion>(b =>
        {
            b.ToTable("fin_budget_versions");
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.CreatedBy).HasMaxLength(256);
            b.Property(x => x.DecidedBy).HasMaxLength(256);
            b.Property(x => x.DecisionNote).HasMaxLength(500);
            b.HasIndex(x => new { x.BudgetId, x.Version }).IsUnique();
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BudgetLine>(b =>
        {
            b.ToTable("fin_budget_lines");
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.Property(x => x.Quarters).HasMaxLength(4000).HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                s => JsonSerializer.Deserialize<Dictionary<string, decimal>>(s, JsonSerializerOptions.Default) ?? new Dictionary<string,
                    decimal>(),
                new ValueComparer<Dictionary<string, decimal>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)), v => new Dictionary<string, decimal>(v)));
            b.HasIndex(x => new { x.VersionId, x.Code }).IsUnique();
        });
        modelBuilder.Entity<Fund>(b =>
        {
            b.ToTable("fin_funds");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.HasIndex(x => x.OrganizationId);
        });
        modelBuilder.Entity<Expense>(b =>
        {
            b.ToTable("fin_expenses");
            b.Property(x => x.Number).HasMaxLength(20);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.ProjectName).HasMaxLength(200);
            b.Property(x => x.LineCode).HasMaxLength(40);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.Property(x => x.Payee).HasMaxLength(100);
            b.Property(x => x.Description).HasMaxLength(500);
            b.Property(x => x.RejectReason).HasMaxLength(500);
            foreach (var by in new[] { "CreatedBy", "SubmittedBy", "ApprovedBy", "PaidBy", "RejectedBy" })
            {
                b.Property(by).HasMaxLength(256);
            }

            b.HasIndex(x => new { x.OrganizationId, x.Number }).IsUnique();
            b.HasIndex(x => new { x.BudgetId, x.LineCode });
            b.HasIndex(x => new { x.OrganizationId, x.Payee, x.Date });
            // A charity project's disclosure: the expenses of its donations fund.
            b.HasIndex(x => new { x.FundId, x.Status });
            b.HasIndex(x => x.ActivityId);
            b.HasMany(x => x.Receipts).WithOne().HasForeignKey(r => r.ExpenseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Receipt>(b =>
        {
            b.ToTable("fin_receipts");
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.StorageKey).HasMaxLength(200);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.InvoiceNumber).HasMaxLength(40);
            b.Property(x => x.InvoiceAmount).HasPrecision(14, 2);
            // A duplicate receipt is looked for across the district by either of these.
            b.HasIndex(x => x.Sha256);
            b.HasIndex(x => new { x.InvoiceNumber, x.InvoiceAmount });
        });
        modelBuilder.Entity<FinanceWarning>(b =>
        {
            b.ToTable("fin_warnings");
            b.Property(x => x.Rule).HasMaxLength(40);
            b.Property(x => x.Key).HasMaxLength(200);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.ProjectName).HasMaxLength(200);
            b.Property(x => x.Figures).HasMaxLength(2000);
            b.Property(x => x.Explanation).HasMaxLength(2000);
            b.Property(x => x.ExplainedBy).HasMaxLength(256);
            b.Property(x => x.DecisionNote).HasMaxLength(1000);
            b.Property(x => x.DecidedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.OrganizationId, x.Key }).IsUnique();
            // The regulator's list: the open ones by severity, newest first.
            b.HasIndex(x => new { x.Status, x.Severity, x.RaisedAt });
            b.HasMany(x => x.Expenses).WithOne().HasForeignKey(e => e.WarningId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WarningExpense>(b =>
        {
            b.ToTable("fin_warning_expenses");
            b.HasKey(x => new { x.WarningId, x.ExpenseId });
            b.HasIndex(x => x.ExpenseId);
        });
        ConfigureCharity(modelBuilder);
        modelBuilder.Entity<AnnualFigures>(b =>
        {
            b.ToTable("fin_annual_figures");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.EnteredBy).HasMaxLength(256);
            b.Ignore(x => x.Figures);
            foreach (var money in new[] { "TotalIncome", "NetAssetsYearEnd", "CharitableSpending", "ManagementCost", "TotalSpending" })
            {
                b.Property(money).HasPrecision(16, 2);
            }

            b.HasIndex(x => new { x.OrganizationId, x.Year }).IsUnique();
        });
    }

    private static void ConfigureCharity(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CharityProject>(b =>
        {
            b.ToTable("fin_charity_projects");
            b.Property(x => x.OrganizationName).HasMaxLength(200);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.RecordNumber).HasMaxLength(40);
            b.Property(x => x.Summary).HasMaxLength(2000);
            b.Property(x => x.CreatedBy).HasMaxLength(256);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            foreach (var money in new[] { "Target", "Raised", "Spent" })
            {
                b.Property(money).HasPrecision(16, 2);
            }

            b.HasIndex(x => x.FundId).IsUnique();
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => x.OrganizationId);
        });
        modelBuilder.Entity<Donation>(b =>
        {
            b.ToTable("fin_donations");
            b.Property(x => x.Number).HasMaxLength(20);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.TransactionId).HasMaxLength(80);
            b.Property(x => x.DonorName).HasMaxLength(50);
            b.Property(x => x.Message).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(256);
            b.Property(x => x.ConfirmedBy).HasMaxLength(256);
            b.Property(x => x.RefundReason).HasMaxLength(500);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            foreach (var money in new[] { "Amount", "Refunded", "Allocated" })
            {
                b.Property(money).HasPrecision(14, 2);
            }

            b.Ignore(x => x.Available);
            // Exactly once: a channel's transaction id is recorded one time, whichever instance and arrival comes first.
            b.HasIndex(x => new { x.Channel, x.TransactionId }).IsUnique();
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            // First in, first out: the open donations of a project in the order received.
            b.HasIndex(x => new { x.CharityProjectId, x.Open, x.ReceivedAt });
            // The project's page and the live screen: newest received first; the live feed reads what was recorded since.
            b.HasIndex(x => new { x.CharityProjectId, x.ReceivedAt });
            b.HasIndex(x => x.ReceivedAt);
            b.HasIndex(x => x.RecordedAt);
            b.HasIndex(x => x.RefundsId);
        });
        modelBuilder.Entity<DonationAllocation>(b =>
        {
            b.ToTable("fin_donation_allocations");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.HasIndex(x => x.DonationId);
            b.HasIndex(x => x.ExpenseId);
            b.HasIndex(x => x.At);
        });
        modelBuilder.Entity<DonationIntent>(b =>
        {
            b.ToTable("fin_donation_intents");
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.Property(x => x.DonorName).HasMaxLength(50);
            b.Property(x => x.Message).HasMaxLength(200);
        });
        modelBuilder.Entity<DonationFlag>(b =>
        {
            b.ToTable("fin_donation_flags");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.TransactionId).HasMaxLength(80);
            b.Property(x => x.RecordedAmount).HasPrecision(14, 2);
            b.Property(x => x.OfferedAmount).HasPrecision(14, 2);
            b.HasIndex(x => x.DonationId);
        });
    }
}
