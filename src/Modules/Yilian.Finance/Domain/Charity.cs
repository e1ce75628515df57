using Yilian.SharedKernel.Data;

namespace Yilian.Finance.Domain;

/// <summary>
/// A charity project (公益项目/募捐): a fundraising campaign of an organization, with its filing number, target and period, for
/// one of its projects. Its donations are a restricted fund of that project; what they paid for is traced expense by expense.
/// <see cref="Raised"/> and <see cref="Spent"/> are kept in step with the donations and allocations in the same transaction
/// (the row is also the lock that orders the project's donations, refunds and payments).
/// </summary>
internal sealed class CharityProject : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    /// <summary>The project (Projects) whose budget and expenses the donations pay for.</summary>
    public Guid ProjectId { get; set; }

    /// <summary>The restricted fund of kind Donations that expenses draw on.</summary>
    public Guid FundId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The public fundraising filing number (募捐方案备案编号) from the national charity information platform.</summary>
    public string RecordNumber { get; set; } = "";

    public string Summary { get; set; } = "";

    public decimal Target { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>Donations recorded less refunds.</summary>
    public decimal Raised { get; set; }

    /// <summary>Expenses paid from the donations, less reversals.</summary>
    public decimal Spent { get; set; }

    public int DonationCount { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The idempotency effect key of the request that created it, so a retry finds it.</summary>
    public string? CreatedByRequest { get; set; }

    /// <summary>Whether it takes donations on <paramref name="day"/>.</summary>
    public bool IsOpen(DateOnly day) => day >= StartsOn && day <= EndsOn;
}

internal enum DonationChannel
{
    /// <summary>An online payment, confirmed by the provider's notification or the donor's return.</summary>
    Online = 1,

    /// <summary>A bank transfer, entered by staff from the statement (its transaction id is the bank's reference).</summary>
    BankTransfer = 2,

    /// <summary>A cash box, counted by two people: entered by one, confirmed by another.</summary>
    Cash = 3,
}

internal enum DonationKind
{
    Donation = 1,

    /// <summary>A compensating entry: the negative of part or all of a donation, pointing at it.</summary>
    Refund = 2,
}

internal enum DonationStatus
{
    /// <summary>A cash count waiting for the second person; counts nowhere yet.</summary>
    AwaitingSecondCount = 1,

    Recorded = 2,
}

/// <summary>
/// One donation, recorded exactly once by its channel's transaction id (unique per channel), or a refund of one.
/// A donor looks it up by <see cref="Number"/>, printed on their receipt.
/// </summary>
internal sealed class Donation : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>The receipt number (捐赠票据号): hard to guess, as it is what a donor looks their donation up by.</summary>
    public string Number { get; set; } = "";

    public Guid CharityProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public DonationChannel Channel { get; set; }

    public string TransactionId { get; set; } = "";

    public DonationKind Kind { get; set; }

    public DonationStatus Status { get; set; }

    /// <summary>Positive for a donation, negative for a refund.</summary>
    public decimal Amount { get; set; }

    /// <summary>Of a donation: how much has been refunded.</summary>
    public decimal Refunded { get; set; }

    /// <summary>Of a donation: how much paid expenses have drawn on it.</summary>
    public decimal Allocated { get; set; }

    /// <summary>Whether something of it is left for expenses (kept with <see cref="Allocated"/> and <see cref="Refunded"/>,
    /// so the first-in first-out draw reads an index, not every donation).</summary>
    public bool Open { get; set; }

    /// <summary>Null for an anonymous donation.</summary>
    public string? DonorName { get; set; }

    /// <summary>The donor chose to be named on public pages; otherwise the name is masked there.</summary>
    public bool ShowName { get; set; }

    public string? Message { get; set; }

    /// <summary>When the money arrived (the provider's payment time, the bank's value date, the count).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When Yilian recorded it (the live screen's order).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>For cash: the second person who counted it.</summary>
    public string? ConfirmedBy { get; set; }

    public Guid? RefundsId { get; set; }

    public string? RefundReason { get; set; }

    public string? CreatedByRequest { get; set; }

    public decimal Available => Amount - Refunded - Allocated;
}

/// <summary>A part of a donation drawn by a paid expense (negative when the expense was reversed).</summary>
internal sealed class DonationAllocation : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid DonationId { get; set; }

    public Guid ExpenseId { get; set; }

    public Guid CharityProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A donation asked for on a public page, before the payment: what the donor typed, kept until the provider confirms
/// the payment under the provider's transaction id.
/// </summary>
[Unscoped("Made by anonymous donors before any organization sees it; read only by id (a random GUID) in the system scope.")]
internal sealed class DonationIntent
{
    public Guid Id { get; set; }

    public Guid CharityProjectId { get; set; }

    public decimal Amount { get; set; }

    public string? DonorName { get; set; }

    public bool ShowName { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A transaction id seen again with a different amount: refused, and kept here for the organization to look at.</summary>
internal sealed class DonationFlag : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid DonationId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public DonationChannel Channel { get; set; }

    public string TransactionId { get; set; } = "";

    public decimal RecordedAmount { get; set; }

    public decimal OfferedAmount { get; set; }

    public DateTimeOffset At { get; set; }
}
