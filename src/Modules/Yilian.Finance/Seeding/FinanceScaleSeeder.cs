using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Features.Charity;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Finance.Seeding;

/// <summary>
/// Scale data for the finance benchmark (docs/benchmarks.md): organizations' approved budgets with paid and pending expenses
/// (their ordinary spread of amounts, a few far above it), and charity projects with their donations, the expenses paid from
/// them drawn first in, first out. Generated test data written in bulk, not user writes: no audit entries, no warnings (the
/// nightly re-evaluation raises them, and is what the benchmark times). Organizations are synthetic ids placed in the
/// district's communities; the books do not need the Organizations module's rows.
/// </summary>
public sealed class FinanceScaleSeeder
{
    private readonly FinanceDbContext _db;

    internal FinanceScaleSeeder(FinanceDbContext db) => _db = db;

    public sealed record Written(int Organizations, int Expenses, int CharityProjects, int Donations, int Allocations);

    public async Task<Written> RunAsync(IReadOnlyList<string> communities, int organizations, int expenses, int charityProjects,
        int donations, int seed, CancellationToken ct)
    {
        if (await _db.CharityProjects.CountAsync(ct) >= charityProjects)
        {
            return new Written(0, 0, 0, 0, 0);
        }

        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var start = today.AddDays(-330);
        var now = DateTimeOffset.UtcNow;
        var budgets = new List<Budget>();
        var versions = new List<BudgetVersion>();
        var lines = new List<BudgetLine>();
        var funds = new List<Fund>();
        var charities = new List<CharityProject>();
        var books = new List<(Guid Organization, string Region, Budget Budget, Fund Fund, CharityProject? Charity)>();
        for (var o = 0; o < organizations; o++)
        {
            var organization = FakeChinese.Id(random);
            var region = communities[random.Next(communities.Count)];
            var budget = new Budget
            {
                Id = FakeChinese.Id(random), ProjectId = FakeChinese.Id(random), ProjectName = $"社区服务项目 {o + 1:00000}",
                OrganizationId = organization, RegionCode = region, PeriodStart = start, PeriodEnd = today.AddDays(35), ApprovedVersion = 1,
            };
            var version = new BudgetVersion
            {
                Id = FakeChinese.Id(random), BudgetId = budget.Id, Version = 1, Status = BudgetStatus.Approved, CreatedBy = "bench",
                CreatedAt = now.AddDays(-330), SubmittedAt = now.AddDays(-330), DecidedBy = "bench", DecidedAt = now.AddDays(-329),
            };
            foreach (var (code, category, amount) in new[]
            {
                ("personnel-1", "personnel", 400_000m), ("activities-1", "activities", 300_000m), ("materials-1", "materials", 120_000m),
                ("management-1", "management", 50_000m),
            })
            {
                lines.Add(new BudgetLine { Id = FakeChinese.Id(random), VersionId = version.Id, Code = code, Category = category,
                    Name = code, Amount = amount });
            }

            var charity = o < charityProjects;
            var fund = new Fund
            {
                Id = FakeChinese.Id(random), OrganizationId = organization, RegionCode = region, ProjectId = budget.ProjectId,
                Kind = charity ? FundKind.Donations : FundKind.Grant, Name = charity ? "募捐款" : "资助", Amount = charity ? 0 : 900_000m,
            };
            CharityProject? project = null;
            if (charity)
            {
                project = new CharityProject
                {
                    Id = FakeChinese.Id(random), OrganizationId = organization, OrganizationName = $"机构 {o + 1:00000}", RegionCode = region,
                    ProjectId = budget.ProjectId, FundId = fund.Id, Title = $"公益项目 {o + 1:0000}", RecordNumber = $"BENCH-{o + 1:00000}",
                    Target = 5_000_000m, StartsOn = start, EndsOn = today.AddDays(60), CreatedBy = "bench", CreatedAt = now.AddDays(-330),
                };
                charities.Add(project);
            }

            budgets.Add(budget);
            versions.Add(version);
            funds.Add(fund);
            books.Add((organization, region, budget, fund, project));
        }

        // Donations: spread over the campaigns and the months, amounts as people give (mostly small, a few large).
        var gifts = new List<Donation>(donations);
        for (var i = 0; i < donations && charities.Count > 0; i++)
        {
            var project = charities[i % charities.Count];
            var received = now.AddMinutes(-random.Next(1, 330 * 24 * 60));
            var amount = new[] { 10m, 20m, 50m, 66.6m, 100m, 200m, 500m, 1_000m }[random.Next(8)] * (random.Next(50) == 0 ? 20 : 1);
            gifts.Add(new Donation
            {
                Id = FakeChinese.Id(random), Number = Donations.NewNumber(received), CharityProjectId = project.Id,
                OrganizationId = project.OrganizationId, RegionCode = project.RegionCode, Channel = DonationChannel.Online,
                TransactionId = "BENCH" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture), Kind = DonationKind.Donation,
                Status = DonationStatus.Recorded, Amount = amount, Open = true, DonorName = random.Next(3) == 0 ? null : "捐赠人" + (i % 997),
                ReceivedAt = received, RecordedAt = received, RecordedBy = "bench",
            });
        }

        foreach (var g in gifts.GroupBy(g => g.CharityProjectId))
        {
            var p = charities.First(c => c.Id == g.Key);
            p.Raised = g.Sum(d => d.Amount);
            p.DonationCount = g.Count();
        }

        // Expenses: per organization, an ordinary spread per category; about one in fifty far above it; most paid.
        var spent = new List<Expense>(expenses);
        var allocations = new List<DonationAllocation>();
        var perOrganization = Math.Max(1, expenses / Math.Max(1, organizations));
        var open = gifts.GroupBy(g => g.CharityProjectId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.ReceivedAt).ToList());
        foreach (var (organization, region, budget, fund, project) in books)
        {
            for (var e = 0; e < perOrganization && spent.Count < expenses; e++)
            {
                var (code, category, typical) = new[]
                {
                    ("personnel-1", "personnel", 3_000m), ("activities-1", "activities", 1_500m), ("materials-1", "materials", 600m),
                    ("management-1", "management", 300m),
                }[random.Next(4)];
                var amount = decimal.Round(typical * (decimal)(0.6 + random.NextDouble() * 0.8) * (random.Next(50) == 0 ? 12 : 1), 2);
                var status = random.Next(10) == 0 ? ExpenseStatus.Submitted : ExpenseStatus.Paid;
                var date = start.AddDays(random.Next(1, 320));
                var expense = new Expense
                {
                    Id = FakeChinese.Id(random), Number = $"{date.Year}-{e + 1:00000}", OrganizationId = organization, RegionCode = region,
                    ProjectId = budget.ProjectId, ProjectName = budget.ProjectName, BudgetId = budget.Id, LineCode = code,
                        Category = category,
                    FundId = fund.Id, Date = date, Amount = amount, Payee = $"供应商 {random.Next(40):00}", Description = "日常支出",
                    Status = status, CreatedBy = "bench", CreatedAt = now.AddDays(-10),
                    PaidBy = status == ExpenseStatus.Paid ? "bench" : null, PaidAt = status == ExpenseStatus.Paid ? now.AddDays(-5) : null,
                };
                if (project is not null && status == ExpenseStatus.Paid)
                {
                    var parts = Fifo.Draw(open[project.Id].Select(d => (d.Id, d.Available)), amount);
                    if (parts is null)
                    {
                        expense.Status = ExpenseStatus.Submitted;
                    }
                    else
                    {
                        var byId = open[project.Id].ToDictionary(d => d.Id);
                        foreach (var (donationId, take) in parts)
                        {
                            byId[donationId].Allocated += take;
                            byId[donationId].Open = byId[donationId].Available > 0;
                            allocations.Add(new DonationAllocation
                            {
                                Id = FakeChinese.Id(random), DonationId = donationId, ExpenseId = expense.Id, CharityProjectId = project.Id,
                                OrganizationId = organization, RegionCode = region, Amount = take, At = expense.PaidAt!.Value,
                            });
                        }

                        project.Spent += amount;
                        open[project.Id].RemoveAll(d => !d.Open);
                    }
                }

                spent.Add(expense);
            }
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        await BulkWriter.InsertAsync(_db, budgets, ct);
        await BulkWriter.InsertAsync(_db, versions, ct);
        await BulkWriter.InsertAsync(_db, lines, ct);
        await BulkWriter.InsertAsync(_db, funds, ct);
        await BulkWriter.InsertAsync(_db, charities, ct);
        await BulkWriter.InsertAsync(_db, gifts, ct);
        await BulkWriter.InsertAsync(_db, spent, ct);
        await BulkWriter.InsertAsync(_db, allocations, ct);
        await transaction.CommitAsync(ct);
        return new Written(organizations, spent.Count, charities.Count, gifts.Count, allocations.Count);
    }
}
