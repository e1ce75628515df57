using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features.Charity;

/// <summary>Online payments (<c>Finance:Payments</c>).</summary>
public sealed class PaymentOptions
{
    /// <summary>The key the simulated provider signs its notifications with; a real provider's adapter has its own.</summary>
    public string SimulatedSecret { get; set; } = "yilian-simulated-payments";
}

/// <summary>
/// What the payment provider tells Yilian when a donor has paid, by its server-to-server notification and again through the
/// donor's browser on return: the donation asked for (<paramref name="IntentId"/>), the provider's transaction id, the
/// amount, when it was paid, and the provider's signature over all of them.
/// </summary>
public sealed record PaymentNotice(Guid IntentId, string TransactionId, decimal Amount, DateTimeOffset PaidAt, string Signature);

/// <summary>
/// An online payment provider, as Yilian sees one: where to send the donor to pay, and whether a notice really comes from it.
/// A real adapter (WeChat Pay, Alipay, UnionPay) verifies the provider's certificate signature and decrypts the notice's
/// resource into a <see cref="PaymentNotice"/>; the simulated one below signs with a shared key.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>The page where the donor pays for the donation asked for.</summary>
    string CheckoutUrl(Guid intentId);

    bool Verify(PaymentNotice notice);
}

/// <summary>The demo's and tests' provider: its checkout is a page of Yilian's own (<c>/charity/pay/{id}</c>); it signs with
/// HMAC-SHA256.</summary>
internal sealed class SimulatedPaymentProvider(IOptions<PaymentOptions> options) : IPaymentProvider
{
    public string Name => "simulated";

    public string CheckoutUrl(Guid intentId) => $"/charity/pay/{intentId}";

    public bool Verify(PaymentNotice notice) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(notice.IntentId, notice.TransactionId, notice.Amount,
            notice.PaidAt)), Encoding.ASCII.GetBytes(notice.Signature ?? ""));

    public string Sign(Guid intentId, string transactionId, decimal amount, DateTimeOffset paidAt)
    {
        var text = string.Join('|', intentId.ToString("N"), transactionId, amount.ToString("0.00", CultureInfo.InvariantCulture),
            paidAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SimulatedSecret),
            Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>"Pays": a new transaction id and the signed notice for it.</summary>
    public PaymentNotice Pay(Guid intentId, decimal amount, DateTimeOffset at)
    {
        var transaction = "SIM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var paidAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        return new PaymentNotice(intentId, transaction, amount, paidAt, Sign(intentId, transaction, amount, paidAt));
    }
}

public sealed record DonationRequest(decimal? Amount, string? DonorName, bool? ShowName, string? Message);

/// <summary>
/// A donor's online gift: asked for on the project's public page (kept as an intent), paid at the provider, and recorded
/// from the provider's notice — the server-to-server notification and the donor's return both bring it, at any moment and on
/// any instance; the donation is recorded once.
/// </summary>
internal sealed class OnlineDonations(IServiceProvider services, IPaymentProvider provider, TimeProvider clock,
    ILogger<OnlineDonations> log)
{
    public async Task<(Guid IntentId, string CheckoutUrl)> AskAsync(Guid charityProjectId, DonationRequest request, CancellationToken ct)
    {
        var amount = MoneyInput.Check("amount", request.Amount);
        if (amount > 1_000_000)
        {
            throw InputValidationException.For("amount", FinanceText.Get("Donation_OnlineLimit"));
        }

        var name = MoneyInput.Text("donorName", request.DonorName, 50, required: false);
        var message = MoneyInput.Text("message", request.Message, 200, required: false);
        await using var scope = SystemScope.Begin(services);
        var donations = scope.ServiceProvider.GetRequiredService<Donations>();
        await donations.OpenProjectAsync(charityProjectId, clock.GetUtcNow(), ct);
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var intent = new DonationIntent
        {
            Id = Guid.NewGuid(), CharityProjectId = charityProjectId, Amount = amount, DonorName = name.Length == 0 ? null : name,
            ShowName = request.ShowName == true && name.Length > 0, Message = message.Length == 0 ? null : message,
            CreatedAt = clock.GetUtcNow(),
        };
        db.DonationIntents.Add(intent);
        await db.SaveChangesAsync(ct);
        return (intent.Id, provider.CheckoutUrl(intent.Id));
    }

    /// <summary>The intent as the checkout shows it (null when there is none).</summary>
    public async Task<(DonationIntent Intent, string ProjectTitle)?> FindAsync(Guid intentId, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var intent = await db.DonationIntents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == intentId, ct);
        if (intent is null)
        {
            return null;
        }

        var title = await db.CharityProjects.Where(c => c.Id == intent.CharityProjectId).Select(c => c.Title).FirstAsync(ct);
        return (intent, title);
    }

    /// <summary>Records the donation a provider's notice confirms (or finds it, recorded by the notice's other arrival); returns its
    /// receipt number.</summary>
    public async Task<string> ConfirmAsync(PaymentNotice notice, CancellationToken ct)
    {
        if (!provider.Verify(notice))
        {
            log.LogWarning("A payment notice for intent {IntentId} failed its signature check", notice.IntentId);
            throw FinanceRules.PaymentNotVerified.Broken();
        }

        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        // The intent with its project, in one query.
        var found = await db.DonationIntents.AsNoTracking().Where(i => i.Id == notice.IntentId)
            .Join(db.CharityProjects.AsNoTracking(), i => i.CharityProjectId, c => c.Id, (i, c) => new { Intent = i, Project = c })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("DonationIntent", notice.IntentId);
        var donation = await scope.ServiceProvider.GetRequiredService<Donations>().RecordPaymentAsync(found.Intent, found.Project,
            notice.TransactionId, notice.Amount, notice.PaidAt, ct);
        return donation.Number;
    }
}
