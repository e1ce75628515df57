using System.ComponentModel.DataAnnotations;

using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>
/// The love-points rates (config <c>Volunteers:Points</c>; the first release read them from <c>Volunteers:CheckIn</c>, still honoured):
/// change here how many points an hour of confirmed service or an approved photo earns.
/// </summary>
public sealed class PointsOptions
{
    /// <summary>Love points per confirmed service hour (pro rata by the minute, rounded down).</summary>
    public int PointsPerHour { get; set; } = 10;

    /// <summary>Love points for a photo report once approved (0 turns it off).</summary>
    public int PointsPerApprovedPhoto { get; set; } = 2;
}

public sealed class PointsRequest
{
    public Guid? VolunteerId { get; set; }

    [Range(1, 10_000), Label(typeof(VolunteerText), "Points_Amount")]
    public int Points { get; set; }

    [RequiredField, SafeText(200), Label(typeof(VolunteerText), "Points_Reason")]
    public string? Reason { get; set; }
}

public sealed record PointsEntryDto(Guid Id, int Delta, string Reason, Guid? Reverses, DateTimeOffset RecordedAt);

public sealed record PointsLedger(Guid VolunteerId, int Balance, IReadOnlyList<PointsEntryDto> Entries);

/// <summary>
/// Love points as a ledger: every movement a row, the balance a counter moved in the same transaction
/// by a conditional update (never below zero), each award or redemption exactly once per
/// <c>Idempotency-Key</c>, and corrections only as compensating rows.
/// </summary>
internal sealed class Points(VolunteersDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<PointsLedger> LedgerAsync(Guid? volunteerId, CancellationToken ct)
    {
        var volunteer = await VolunteerAsync(volunteerId, ct);
        var balance = await db.Balances.Where(b => b.VolunteerId == volunteer.Id).Select(b => b.Balance).FirstOrDefaultAsync(ct);
        var entries = await db.Points.AsNoTracking().Where(p => p.VolunteerId == volunteer.Id).OrderByDescending(p => p.RecordedAt).Take(200)
            .Select(p => new PointsEntryDto(p.Id, p.Delta, p.Reason, p.Reverses, p.RecordedAt)).ToListAsync(ct);
        return new PointsLedger(volunteer.Id, balance, entries);
    }

    /// <summary>Organizers award points (confirmed service, rules); 201 once per key, the same entry again on a retry.</summary>
    public async Task<PointsEntryDto> AwardAsync(PointsRequest request, string? key, CancellationToken ct)
    {
        if (!VolunteerPermissions.Organizes(user))
        {
            throw new ForbiddenException(VolunteerText.Get("Points_Forbidden"));
        }

        var volunteerId = request.VolunteerId ?? throw InputValidationException.For("volunteerId", VolunteerText.Get("Points_Volunteer"));
        // Only a volunteer in the caller's scope.
        await VolunteerAsync(volunteerId, ct);
        return await MoveAsync(volunteerId, request, +1, key, null, ct);
    }

    /// <summary>A volunteer spends their own points; refused when the balance does not cover it.</summary>
    public async Task<PointsEntryDto> RedeemAsync(PointsRequest request, string? key, CancellationToken ct)
    {
        var volunteer = await VolunteerAsync(null, ct);
        return await MoveAsync(volunteer.Id, request, -1, key, null, ct);
    }

    /// <summary>Undoes an entry with a compensating one, at most once.</summary>
    public async Task<PointsEntryDto> ReverseAsync(Guid entryId, string? reason, CancellationToken ct)
    {
        if (!VolunteerPermissions.AwardsPoints(user))
        {
            throw new ForbiddenException(VolunteerText.Get("Points_Forbidden"));
        }

        // Only an entry in the caller's scope.
        _ = await db.Points.AsNoTracking().FirstOrDefaultAsync(p => p.Id == entryId, ct) ?? throw new NotFoundException("PointsEntry", entryId);
        return await CompensateAsync(entryId, reason, ct);
    }

    /// <summary>Points for confirmed service, awarded by the hours workflow (its caller checked who may confirm); joins the caller's transaction.</summary>
    internal Task<PointsEntryDto> AwardForServiceAsync(Guid volunteerId, int points, string reason, string key, CancellationToken ct) =>
        MoveAsync(volunteerId, new PointsRequest { Points = points, Reason = reason }, +1, key, null, ct);

    /// <summary>Points spent in the shop, inside the shop's transaction; refused when the balance does not cover them.</summary>
    internal Task<PointsEntryDto> SpendAsync(Guid volunteerId, int amount, string reason, string key, CancellationToken ct) =>
        MoveAsync(volunteerId, new PointsRequest { Points = amount, Reason = reason }, -1, key, null, ct);

    /// <summary>The compensating row for an entry; joins the caller's transaction when there is one.</summary>
    internal async Task<PointsEntryDto> CompensateAsync(Guid entryId, string? reason, CancellationToken ct)
    {
        var entry = await Ledger.FirstOrDefaultAsync(p => p.Id == entryId, ct) ?? throw new NotFoundException("PointsEntry", entryId);
        var request = new PointsRequest { Points = Math.Abs(entry.Delta), Reason = reason ?? VolunteerText.Get("Points_Reversal", entry.Reason) };
        return await MoveAsync(entry.VolunteerId, request, entry.Delta > 0 ? -1 : +1, "reverse:" + entry.Id, entry.Id, ct);
    }

    private async Task<PointsEntryDto> MoveAsync(Guid volunteerId, PointsRequest request, int sign, string? key, Guid? reverses, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
        {
            throw InputValidationException.For(IdempotencyEndpointExtensions.Header, VolunteerText.Get("Points_KeyRequired"));
        }

        // The callers have checked who may move these points; the rules below must see every row of the volunteer's ledger.
        var volunteer = await db.Volunteers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct) ?? throw new NotFoundException("Volunteer", volunteerId);
        var outer = db.Database.CurrentTransaction;
        if (outer is null)
        {
            await EnsureBalanceAsync(volunteerId, ct);
        }

        var delta = sign * request.Points;
        // Inside a caller's transaction (confirming hours) the movement joins it; otherwise it has its own.
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The balance row is the lock; the conditional update is the rule "never below zero".
        var moved = await db.Balances.Where(b => b.VolunteerId == volunteerId && b.Balance + delta >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Balance, b => b.Balance + delta), ct);
        var earlier = await Ledger.FirstOrDefaultAsync(p => p.VolunteerId == volunteerId && p.IdempotencyKey == key, ct);
        if (earlier is not null)
        {
            // A retry: nothing moves twice; answer with the first entry.
            await UndoAsync(own, moved == 1 ? delta : 0);
            return new PointsEntryDto(earlier.Id, earlier.Delta, earlier.Reason, earlier.Reverses, earlier.RecordedAt);
        }

        if (moved == 0)
        {
            await UndoAsync(own, 0);
            throw VolunteerRules.InsufficientPoints.Broken();
        }

        if (reverses is { } reversed && await Ledger.AnyAsync(p => p.Reverses == reversed, ct))
        {
            await UndoAsync(own, delta);
            throw VolunteerRules.AlreadyReversed.Broken();
        }

        var entry = new PointsEntry
        {
            Id = Guid.CreateVersion7(), VolunteerId = volunteerId, OwnerUserId = volunteer.OwnerUserId, RegionCode = volunteer.RegionCode, Delta = delta,
            Reason = request.Reason!.Trim(), IdempotencyKey = key, Reverses = reverses, RecordedBy = user.UserName ?? "system", RecordedAt = clock.GetUtcNow(),
        };
        db.Points.Add(entry);
        await db.SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return new PointsEntryDto(entry.Id, entry.Delta, entry.Reason, entry.Reverses, entry.RecordedAt);

        // Our own transaction rolls back; inside the caller's, the balance moves back by hand.
        async Task UndoAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, int applied)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(ct);
            }
            else if (applied != 0)
            {
                await db.Balances.Where(b => b.VolunteerId == volunteerId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Balance, b => b.Balance - applied), ct);
            }
        }
    }

    /// <summary>Creates the balance row if missing; a caller that moves points inside its own transaction does this first (a failed insert would abort it).</summary>
    internal async Task EnsureBalanceAsync(Guid volunteerId, CancellationToken ct)
    {
        if (await db.Balances.AnyAsync(b => b.VolunteerId == volunteerId, ct))
        {
            return;
        }

        try
        {
            db.Balances.Add(new PointsBalance { VolunteerId = volunteerId });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent request.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Every entry, past the caller's scope: for the exactly-once and reverse-once checks, never shown.</summary>
    private IQueryable<PointsEntry> Ledger => db.Points.IgnoreQueryFilters().AsNoTracking();

    private async Task<Volunteer> VolunteerAsync(Guid? id, CancellationToken ct) =>
        id is { } volunteerId
            ? await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct) ?? throw new NotFoundException("Volunteer", volunteerId)
            : await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct) ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
}
