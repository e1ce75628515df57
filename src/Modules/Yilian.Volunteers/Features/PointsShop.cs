using System.ComponentModel.DataAnnotations;

using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed class RewardRequest
{
    [RequiredField, SafeText(100), Label(typeof(VolunteerText), "Shop_Name")]
    public string? Name { get; set; }

    [SafeText(500, Multiline = true), Label(typeof(VolunteerText), "Shop_Description")]
    public string? Description { get; set; }

    [Range(1, 100_000), Label(typeof(VolunteerText), "Shop_Points")]
    public int Points { get; set; }

    [Range(0, 100_000), Label(typeof(VolunteerText), "Shop_Stock")]
    public int Stock { get; set; }

    [Range(1, 100), Label(typeof(VolunteerText), "Shop_Limit")]
    public int PerPersonLimit { get; set; } = 1;

    public Guid? OrganizationId { get; set; }
}

public sealed record RewardDto(Guid Id, string Name, string? Description, int Points, int Stock, int PerPersonLimit, bool Active);

public sealed record RedemptionDto(Guid Id, Guid RewardId, string RewardName, string VolunteerName, int Points, RedemptionStatus Status, DateTimeOffset RedeemedAt);

/// <summary>
/// The love-points shop: rewards with a stock and a per-person limit. A redemption takes one item by a
/// conditional update (the stock never goes below zero, and on PostgreSQL the row stays locked until
/// the end, which also serializes the per-person count), spends the points in the same transaction
/// (never below zero) and happens once per <c>Idempotency-Key</c>.
/// </summary>
internal sealed class PointsShop(VolunteersDbContext db, Points points, ActivityAccess access, IOrganizationLookup organizations, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<RewardDto>> CatalogueAsync(CancellationToken ct) =>
        await db.Rewards.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Points).Take(200)
            .Select(r => new RewardDto(r.Id, r.Name, r.Description, r.Points, r.Stock, r.PerPersonLimit, r.Active)).ToListAsync(ct);

    /// <summary>An organizer offers a reward for their organization.</summary>
    public async Task<RewardDto> CreateAsync(RewardRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        InputValidator.ThrowIfInvalid(request);
        var organizationId = request.OrganizationId ?? throw InputValidationException.For("organizationId", VolunteerText.Get("Shop_Organization"));
        var organization = await organizations.FindAsync(organizationId, ct);
        if (organization is null || !await access.OrganizesAsync(organizationId, ct))
        {
            throw new NotFoundException("Organization", organizationId);
        }

        var region = organization.RegionCode;
        var reward = new Reward
        {
            Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), Description = request.Description?.Trim(), Points = request.Points, Stock = request.Stock,
            PerPersonLimit = request.PerPersonLimit, OrganizationId = organizationId, RegionCode = region, CreatedAt = clock.GetUtcNow(),
        };
        db.Rewards.Add(reward);
        await db.SaveChangesAsync(ct);
        return new RewardDto(reward.Id, reward.Name, reward.Description, reward.Points, reward.Stock, reward.PerPersonLimit, reward.Active);
    }

    public async Task<RedemptionDto> RedeemAsync(Guid rewardId, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 80)
        {
            throw InputValidationException.For(IdempotencyEndpointExtensions.Header, VolunteerText.Get("Points_KeyRequired"));
        }

        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct)
            ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        if (await Earlier(volunteer.Id, key, ct) is { } done)
        {
            return done;
        }

        await points.EnsureBalanceAsync(volunteer.Id, ct);
        var reward = await db.Rewards.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rewardId && r.Active, ct) ?? throw new NotFoundException("Reward", rewardId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Take one item: the conditional update is the stock rule and the lock for this reward.
        if (await db.Rewards.Where(r => r.Id == rewardId && r.Active && r.Stock > 0).ExecuteUpdateAsync(s => s.SetProperty(r => r.Stock, r => r.Stock - 1), ct) == 0)
        {
            await tx.RollbackAsync(ct);
            throw VolunteerRules.OutOfStock.Broken();
        }

        var taken = await db.Redemptions.CountAsync(r => r.RewardId == rewardId && r.VolunteerId == volunteer.Id && r.Status != RedemptionStatus.Cancelled, ct);
        if (taken >= reward.PerPersonLimit)
        {
            await tx.RollbackAsync(ct);
            throw VolunteerRules.PerPersonLimit.Broken(reward.PerPersonLimit);
        }

        PointsEntryDto spent;
        try
        {
            spent = await points.SpendAsync(volunteer.Id, reward.Points, VolunteerText.Get("Shop_Reason", reward.Name), "shop:" + key, ct);
        }
        catch (BusinessRuleException)
        {
            await tx.RollbackAsync(ct);
            throw;
        }

        var redemption = new RewardRedemption
        {
            Id = Guid.CreateVersion7(), RewardId = rewardId, RewardName = reward.Name, VolunteerId = volunteer.Id, VolunteerName = volunteer.RealName, OwnerUserId = volunteer.OwnerUserId,
            RegionCode = reward.RegionCode.Length == 12 ? reward.RegionCode : volunteer.RegionCode, OrganizationId = reward.OrganizationId, Points = reward.Points,
            PointsEntryId = spent.Id, IdempotencyKey = key, Status = RedemptionStatus.Redeemed, RedeemedAt = clock.GetUtcNow(),
        };
        db.Redemptions.Add(redemption);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key at the same moment: this attempt rolls back whole; the first one stands.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await Earlier(volunteer.Id, key, ct) is { } first)
            {
                return first;
            }

            throw;
        }

        return ToDto(redemption);
    }

    public async Task<IReadOnlyList<RedemptionDto>> RedemptionsAsync(bool mine, CancellationToken ct)
    {
        var query = db.Redemptions.AsNoTracking();
        if (mine || !access.IsOrganizer)
        {
            query = query.Where(r => r.OwnerUserId == user.UserId);
        }

        return [.. (await query.OrderByDescending(r => r.RedeemedAt).Take(200).ToListAsync(ct)).Select(ToDto)];
    }

    /// <summary>The organizer hands the reward over, or cancels the redemption (the item and the points go back).</summary>
    public async Task<RedemptionDto> SettleAsync(Guid redemptionId, bool fulfilled, CancellationToken ct)
    {
        access.RequireOrganizer();
        var redemption = await db.Redemptions.FirstOrDefaultAsync(r => r.Id == redemptionId, ct) ?? throw new NotFoundException("Redemption", redemptionId);
        if (redemption.Status != RedemptionStatus.Redeemed)
        {
            throw VolunteerRules.AlreadySettled.Broken();
        }

        await points.EnsureBalanceAsync(redemption.VolunteerId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        redemption.Status = fulfilled ? RedemptionStatus.Fulfilled : RedemptionStatus.Cancelled;
        redemption.ChangedAt = clock.GetUtcNow();
        redemption.ChangedBy = user.UserName;
        if (!fulfilled)
        {
            await db.Rewards.Where(r => r.Id == redemption.RewardId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Stock, r => r.Stock + 1), ct);
            await points.CompensateAsync(redemption.PointsEntryId, VolunteerText.Get("Shop_Refund", redemption.RewardName), ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(redemption);
    }

    private async Task<RedemptionDto?> Earlier(Guid volunteerId, string key, CancellationToken ct) =>
        await db.Redemptions.AsNoTracking().FirstOrDefaultAsync(r => r.VolunteerId == volunteerId && r.IdempotencyKey == key, ct) is { } r ? ToDto(r) : null;

    private static RedemptionDto ToDto(RewardRedemption r) => new(r.Id, r.RewardId, r.RewardName, r.VolunteerName, r.Points, r.Status, r.RedeemedAt);
}
