using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;

namespace Yilian.Finance.Features.Charity;

/// <summary>
/// From donation to expense: an expense paid from a charity project's donations draws on them first in, first out
/// (<see cref="Fifo"/>, decision 027), never beyond what is left of them; a reversal gives back what the expense drew. Runs
/// inside the payment's transaction, after taking the charity project's row, so two payments never draw the same yuan.
/// </summary>
internal sealed class DonationLedger(FinanceDbContext db, CharityFeed feed, TimeProvider clock)
{
    private const int Batch = 500;

    public async Task DrawAsync(Expense expense, CancellationToken ct)
    {
        var charity = await db.CharityProjects.AsNoTracking().FirstOrDefaultAsync(c => c.FundId == expense.FundId, ct);
        if (charity is null || expense.Amount <= 0)
        {
            return;
        }

        await db.CharityProjects.Where(c => c.Id == charity.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Spent, c => c.Spent + expense.Amount), ct);
        var open = db.Donations.Where(d => d.CharityProjectId == charity.Id && d.Open && d.Kind == DonationKind.Donation
                && d.Status == DonationStatus.Recorded)
            .OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id);
        var candidates = new List<(Guid, decimal)>();
        IReadOnlyList<(Guid DonationId, decimal Amount)>? parts = null;
        for (var skip = 0; parts is null; skip += Batch)
        {
            var page = await open.Skip(skip).Take(Batch).Select(d => new { d.Id,
                Left = d.Amount - d.Refunded - d.Allocated }).ToListAsync(ct);
            candidates.AddRange(page.Select(d => (d.Id, d.Left)));
            parts = Fifo.Draw(candidates, expense.Amount);
            if (parts is null && page.Count < Batch)
            {
                throw FinanceRules.DonationsInsufficient.Broken(WarningDetector.Money(candidates.Sum(c => c.Item2)),
                    WarningDetector.Money(expense.Amount));
            }
        }

        var now = clock.GetUtcNow();
        foreach (var (donationId, take) in parts)
        {
            await db.Donations.Where(d => d.Id == donationId).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Allocated, d => d.Allocated + take)
                .SetProperty(d => d.Open, d => d.Amount - d.Refunded - d.Allocated - take > 0), ct);
            db.DonationAllocations.Add(Part(charity, donationId, expense.Id, take, now));
        }

        feed.Nudge();
    }

    public async Task ReleaseAsync(Expense original, Expense reversal, CancellationToken ct)
    {
        var drawn = await db.DonationAllocations.AsNoTracking().Where(a => a.ExpenseId == original.Id).ToListAsync(ct);
        if (drawn.Count == 0)
        {
            return;
        }

        var charity = await db.CharityProjects.AsNoTracking().FirstAsync(c => c.Id == drawn[0].CharityProjectId, ct);
        await db.CharityProjects.Where(c => c.Id == charity.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Spent, c => c.Spent - original.Amount), ct);
        var now = clock.GetUtcNow();
        foreach (var part in drawn)
        {
            await db.Donations.Where(d => d.Id == part.DonationId).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Allocated, d => d.Allocated - part.Amount)
                .SetProperty(d => d.Open, true), ct);
            db.DonationAllocations.Add(Part(charity, part.DonationId, reversal.Id, -part.Amount, now));
        }

        feed.Nudge();
    }

    private static DonationAllocation Part(CharityProject charity, Guid donationId, Guid expenseId, decimal amount, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(), DonationId = donationId, ExpenseId = expenseId, CharityProjectId = charity.Id,
            OrganizationId = charity.OrganizationId, RegionCode = charity.RegionCode, Amount = amount, At = at,
        };
}
