using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features.Charity;

/// <param name="Channel">BankTransfer (transactionId: the bank's reference) or Cash (counted by two people); online payments arrive
/// through the provider's notification.</param>
public sealed record DonationInput(
    Guid? CharityProjectId, string? Channel, string? TransactionId, decimal? Amount, string? DonorName, bool? ShowName, string? Message,
    DateTimeOffset? ReceivedAt);

public sealed record RefundInput(decimal? Amount, string? Reason);

public sealed record DonationDto(
    Guid Id, string Number, Guid CharityProjectId, string Channel, string TransactionId, string Kind, string Status, decimal Amount,
    decimal Refunded, decimal Allocated, string? DonorName, bool ShowName, string? Message, DateTimeOffset ReceivedAt,
    DateTimeOffset RecordedAt, string RecordedBy, string? ConfirmedBy, Guid? RefundsId, string? RefundReason);

public sealed record DonationFlagDto(
    Guid Id, Guid DonationId, string Channel, string TransactionId, decimal RecordedAmount, decimal OfferedAmount, DateTimeOffset At);

/// <summary>
/// Donations recorded exactly once by their channel's transaction id — whoever brings it first (the provider's notification,
/// the donor's return, staff entering a statement) records it, the others find it — and refunds as compensating entries.
/// The charity project's row is taken first in each write's transaction: it orders the project's donations, refunds and
/// payments, so <see cref="CharityProject.Raised"/> always equals the sum of what was recorded.
/// </summary>
internal sealed class Donations(FinanceDbContext db, CharityFeed feed, ICurrentUser user, TimeProvider clock,
    IIdempotentRequest idempotency)
{
    private const int Attempts = 4;

    /// <summary>Staff enter a bank transfer from the statement, or a cash count (which a second person confirms).</summary>
    public async Task<DonationDto> EnterAsync(DonationInput input, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user));
        if (idempotency.EffectKey is { } effect
            && await db.Donations.AsNoTracking().FirstOrDefaultAsync(d => d.CreatedByRequest == effect, ct) is { } made)
        {
            return Dto(made);
        }

        if (!Enum.TryParse<DonationChannel>(input.Channel, ignoreCase: true, out var channel) || !Enum.IsDefined(channel)
            || channel == DonationChannel.Online)
        {
            throw InputValidationException.For("channel", FinanceText.Get("Donation_StaffChannel"));
        }

        var project = await OpenProjectAsync(input.CharityProjectId, input.ReceivedAt ?? clock.GetUtcNow(), ct);
        var transaction = channel == DonationChannel.Cash && string.IsNullOrWhiteSpace(input.TransactionId)
            ? "CASH-" + Guid.CreateVersion7().ToString("N")
            : TransactionId(input.TransactionId);
        var donation = New(project, channel, transaction, MoneyInput.Check("amount", input.Amount), input.DonorName, input.ShowName == true,
            input.Message, input.ReceivedAt ?? clock.GetUtcNow());
        donation.Status = channel == DonationChannel.Cash ? DonationStatus.AwaitingSecondCount : DonationStatus.Recorded;
        donation.CreatedByRequest = idempotency.EffectKey;
        return Dto(await RecordOnceAsync(donation, ct));
    }

    /// <summary>An online payment confirmed (by the provider's notification or the donor's return, whichever comes first).</summary>
    public async Task<Donation> RecordPaymentAsync(DonationIntent intent, CharityProject project, string transactionId, decimal amount,
        DateTimeOffset paidAt, CancellationToken ct)
    {
        if (amount != intent.Amount)
        {
            throw FinanceRules.PaymentAmountMismatch.Broken(WarningDetector.Money(amount), WarningDetector.Money(intent.Amount));
        }

        var donation = New(project, DonationChannel.Online, TransactionId(transactionId), amount, intent.DonorName, intent.ShowName,
            intent.Message, paidAt);
        donation.Status = DonationStatus.Recorded;
        return await RecordOnceAsync(donation, ct);
    }

    /// <summary>The second person confirms a cash count; only then does it count.</summary>
    public async Task<DonationDto> ConfirmCountAsync(Guid id, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.KeepsBooks(user));
        var found = await db.Donations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Donation",
            id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(found.CharityProjectId, ct);
        var donation = await db.Donations.FirstAsync(d => d.Id == id, ct);
        if (donation.Status != DonationStatus.AwaitingSecondCount)
        {
            throw FinanceRules.DonationNotAwaitingCount.Broken();
        }

        if (string.Equals(donation.RecordedBy, user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw FinanceRules.SecondCounterSame.Broken();
        }

        (donation.Status, donation.ConfirmedBy, donation.RecordedAt) = (DonationStatus.Recorded, user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await CountAsync(donation, ct);
        await tx.CommitAsync(ct);
        feed.Nudge();
        return Dto(donation);
    }

    /// <summary>A refund: a compensating entry for part or all of what is left of a donation (what expenses drew on stays drawn).</summary>
    public async Task<DonationDto> RefundAsync(Guid id, RefundInput input, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.ApprovesExpenses(user));
        var amount = MoneyInput.Check("amount", input.Amount);
        var reason = MoneyInput.Text("reason", input.Reason, 500);
        var found = await db.Donations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Donation",
            id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(found.CharityProjectId, ct);
        var donation = await db.Donations.FirstAsync(d => d.Id == id, ct);
        if (donation.Kind != DonationKind.Donation || donation.Status != DonationStatus.Recorded)
        {
            throw FinanceRules.DonationNotRefundable.Broken();
        }

        if (amount > donation.Available)
        {
            throw FinanceRules.RefundBeyondAvailable.Broken(WarningDetector.Money(donation.Available));
        }

        var count = await db.Donations.CountAsync(d => d.RefundsId == id, ct);
        var project = await db.CharityProjects.AsNoTracking().FirstAsync(c => c.Id == donation.CharityProjectId, ct);
        var refund = New(project, donation.Channel, $"{donation.TransactionId}-R{count + 1}", -amount, donation.DonorName,
            donation.ShowName,
            null, clock.GetUtcNow());
        (refund.Kind, refund.Status, refund.RefundsId, refund.RefundReason, refund.Open) =
            (DonationKind.Refund, DonationStatus.Recorded, donation.Id, reason, false);
        donation.Refunded += amount;
        donation.Open = donation.Available > 0;
        db.Donations.Add(refund);
        await db.SaveChangesAsync(ct);
        await db.CharityProjects.Where(c => c.Id == donation.CharityProjectId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Raised, c => c.Raised - amount), ct);
        await tx.CommitAsync(ct);
        feed.Nudge();
        return Dto(refund);
    }

    public async Task<DonationDto> GetAsync(Guid id, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        return Dto(await db.Donations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Donation",
            id));
    }

    public async Task<PagedResult<DonationDto>> ListAsync(Guid? charityProjectId, int page, int pageSize, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var query = db.Donations.AsNoTracking();
        if (charityProjectId is { } p)
        {
            query = query.Where(d => d.CharityProjectId == p);
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return new PagedResult<DonationDto>([.. rows.Select(Dto)], total, page, pageSize);
    }

    /// <summary>Cash counts someone else entered that the caller may confirm as the second counter, and the project of the oldest.
    /// </summary>
    public async Task<(int Count, Guid? Project)> CountsForMeAsync(CancellationToken ct)
    {
        if (!FinancePermissions.KeepsBooks(user))
        {
            return (0, null);
        }

        var me = user.UserName ?? "";
        var waiting = db.Donations.AsNoTracking().Where(d => d.Status == DonationStatus.AwaitingSecondCount && d.RecordedBy != me);
        var count = await waiting.CountAsync(ct);
        var project = count == 0 ? null
            : await waiting.OrderBy(d => d.RecordedAt).Select(d => (Guid?)d.CharityProjectId).FirstOrDefaultAsync(ct);
        return (count, project);
    }

    public async Task<IReadOnlyList<DonationFlagDto>> FlagsAsync(Guid charityProjectId, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        return await (from f in db.DonationFlags.AsNoTracking()
                      join d in db.Donations on f.DonationId equals d.Id
                      where d.CharityProjectId == charityProjectId
                      orderby f.At descending
                      select new DonationFlagDto(f.Id, f.DonationId, f.Channel.ToString(), f.TransactionId, f.RecordedAmount,
                          f.OfferedAmount,
                          f.At)).Take(100).ToListAsync(ct);
    }

    public static DonationDto Dto(Donation d) => new(d.Id, d.Number, d.CharityProjectId, d.Channel.ToString(), d.TransactionId,
        d.Kind.ToString(), d.Status.ToString(), d.Amount, d.Refunded, d.Allocated, d.DonorName, d.ShowName, d.Message, d.ReceivedAt,
        d.RecordedAt, d.RecordedBy, d.ConfirmedBy, d.RefundsId, d.RefundReason);

    /// <summary>A receipt number: the day and eight characters nobody can guess (Crockford's alphabet: no I, L, O, U).</summary>
    public static string NewNumber(DateTimeOffset at)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<char> tail = stackalloc char[8];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"JZ{ChinaTime.ToChina(at):yyyyMMdd}{tail}";
    }

    /// <summary>Loads a charity project that takes donations on the day the money arrived.</summary>
    public async Task<CharityProject> OpenProjectAsync(Guid? id, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var project = id is { } p ? await db.CharityProjects.AsNoTracking().FirstOrDefaultAsync(c => c.Id == p, ct) : null;
        if (project is null)
        {
            throw InputValidationException.For("charityProjectId", FinanceText.Get("Donation_ProjectRequired"));
        }

        if (!project.IsOpen(DateOnly.FromDateTime(ChinaTime.ToChina(receivedAt).DateTime)))
        {
            throw FinanceRules.CampaignClosed.Broken(project.Title, project.StartsOn, project.EndsOn);
        }

        return project;
    }

    private Donation New(CharityProject project, DonationChannel channel, string transactionId, decimal amount, string? donorName,
        bool showName, string? message, DateTimeOffset receivedAt)
    {
        var name = MoneyInput.Text("donorName", donorName, 50, required: false);
        var now = clock.GetUtcNow();
        return new Donation
        {
            Id = Guid.CreateVersion7(), Number = NewNumber(now), CharityProjectId = project.Id, OrganizationId = project.OrganizationId,
            RegionCode = project.RegionCode, Channel = channel, TransactionId = transactionId, Kind = DonationKind.Donation,
                Amount = amount,
            Open = amount > 0, DonorName = name.Length == 0 ? null : name, ShowName = showName && name.Length > 0,
            Message = MoneyInput.Text("message", message, 200, required: false) is { Length: > 0 } m ? m : null,
            ReceivedAt = receivedAt, RecordedAt = now, RecordedBy = user.UserName ?? "system",
        };
    }

    private async Task<Donation> RecordOnceAsync(Donation donation, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // The project's row is taken first; a gift that counts at once moves its totals in the same statement (one round
                // trip fewer), which the rollback below undoes when the transaction turns out to be recorded already.
                await (donation.Status == DonationStatus.Recorded ? CountAsync(donation, ct) : LockAsync(donation.CharityProjectId, ct));
                var existing = await db.Donations.AsNoTracking()
                    .FirstOrDefaultAsync(d => d.Channel == donation.Channel && d.TransactionId == donation.TransactionId, ct);
                if (existing is not null)
                {
                    await tx.RollbackAsync(ct);
                    return await SameAsync(existing, donation, ct);
                }

                db.Donations.Add(donation);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                feed.Nudge();
                return donation;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The same transaction id recorded at this moment under another project: look again.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw FinanceRules.TransactionRecorded.Broken(donation.TransactionId);
            }
        }
    }

    /// <summary>The transaction was recorded already: the same gift is answered with it; a different amount (or project) is
    /// refused and flagged, never merged.</summary>
    private async Task<Donation> SameAsync(Donation existing, Donation offered, CancellationToken ct)
    {
        if (existing.Amount == offered.Amount && existing.CharityProjectId == offered.CharityProjectId)
        {
            return existing;
        }

        db.DonationFlags.Add(new DonationFlag
        {
            Id = Guid.CreateVersion7(), DonationId = existing.Id, OrganizationId = existing.OrganizationId,
                RegionCode = existing.RegionCode,
            Channel = existing.Channel, TransactionId = existing.TransactionId, RecordedAmount = existing.Amount,
            OfferedAmount = offered.Amount, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        throw FinanceRules.TransactionAmountDiffers.Broken(existing.TransactionId, WarningDetector.Money(existing.Amount),
            WarningDetector.Money(offered.Amount));
    }

    private Task<int> LockAsync(Guid charityProjectId, CancellationToken ct) =>
        db.CharityProjects.Where(c => c.Id == charityProjectId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DonationCount, c => c.DonationCount), ct);

    private Task<int> CountAsync(Donation donation, CancellationToken ct) =>
        db.CharityProjects.Where(c => c.Id == donation.CharityProjectId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Raised, c => c.Raised + donation.Amount)
            .SetProperty(c => c.DonationCount, c => c.DonationCount + 1), ct);

    private static string TransactionId(string? value)
    {
        var id = value?.Trim() ?? "";
        if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw InputValidationException.For("transactionId", FinanceText.Get("Donation_BadTransactionId"));
        }

        return id;
    }
}
