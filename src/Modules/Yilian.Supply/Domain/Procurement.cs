using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Supply.Domain;

/// <summary>
/// A purchase of services (政府购买服务) for one need, as one thread: the call for proposals, the proposals, their review by a
/// panel, the selection, the contract with its milestones, the delivery and its ratings. Scoped to the need's community; the
/// organizations invited and any organization while the call is public read it through the open calls.
/// </summary>
internal sealed class Procurement : IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>CG, the opening date and a sequence of the day: CG20261204-001.</summary>
    public string Number { get; set; } = "";

    public Guid NeedId { get; set; }

    public Guid PanelId { get; set; }

    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>What the proposals must answer: scope of work, outputs, reporting.</summary>
    public string Requirements { get; set; } = "";

    /// <summary>The most the contract may be, in yuan.</summary>
    public decimal Budget { get; set; }

    /// <summary>Proposals are accepted until this moment, and sealed until it passes: the panel scores after it.</summary>
    public DateTimeOffset ProposalsDue { get; set; }

    /// <summary>On the public open calls (any organization may propose), besides the organizations invited.</summary>
    public bool Public { get; set; }

    /// <summary>Comma-separated ids of the organizations invited: the best matches when the call opened.</summary>
    public string Invited { get; set; } = "";

    public ProcurementStatus Status { get; set; }

    public string OpenedBy { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public Guid? AwardedProposalId { get; set; }

    public Guid? AwardedOrganizationId { get; set; }

    public decimal? ContractAmount { get; set; }

    /// <summary>Why the selection differs from the panel's first place, when it does.</summary>
    public string? AwardNote { get; set; }

    public DateTimeOffset? AwardedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set at delivery: the unguessable part of the one-tap rating link the community sends to the people served.</summary>
    public string? RatingToken { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancelNote { get; set; }

    /// <summary>A third-party evaluator (第三方评估机构) the community engaged: its staff read the thread and rate the delivery.</summary>
    public Guid? EvaluatorOrganizationId { get; set; }

    public string? CreatedByRequest { get; set; }
}

internal enum ProcurementStatus
{
    /// <summary>Taking proposals until the due time, then under review by the panel.</summary>
    Open = 1,

    /// <summary>A proposal selected and contracted: being delivered, milestone by milestone.</summary>
    Contracted = 2,

    /// <summary>Every milestone reported and the delivery accepted: the need is met and can be rated.</summary>
    Delivered = 3,

    Cancelled = 4,
}

/// <summary>An organization's proposal to a call: which of its service projects, the plan, the budget and one document.</summary>
internal sealed class Proposal : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProcurementId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ServiceProjectId { get; set; }

    /// <summary>The call's community: whoever opened the call reads the proposals.</summary>
    public string RegionCode { get; set; } = "";

    public string Plan { get; set; } = "";

    public decimal Budget { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long SizeBytes { get; set; }

    public string? Sha256 { get; set; }

    public string? StorageKey { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>A milestone of a contract: what is delivered by when, for how much, and the organization's report on it, with the
/// activities that delivered it (their volunteers' hours show on the thread).</summary>
internal sealed class Milestone : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProcurementId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public int Sequence { get; set; }

    public string Title { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public decimal Amount { get; set; }

    public string? Report { get; set; }

    /// <summary>Comma-separated ids of the organization's activities that delivered it.</summary>
    public string Activities { get; set; } = "";

    public string? ReportedBy { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }
}

/// <summary>
/// A person the contracted organization served, by mobile number only (with their consent to be asked): after the delivery each
/// is sent their own one-tap rating link by SMS, which rates once without an account. The number is encrypted at rest, found by
/// its keyed hash, and only its masked form is shown.
/// </summary>
internal sealed class ServedPerson : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ProcurementId { get; set; }

    /// <summary>The contracted organization, which listed the person.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The need's community.</summary>
    public string RegionCode { get; set; } = "";

    [Encrypted]
    public string Phone { get; set; } = "";

    [Sensitive]
    public string PhoneIndex { get; set; } = "";

    /// <summary>138****0000, for the lists.</summary>
    public string Masked { get; set; } = "";

    /// <summary>The unguessable part of the person's own rating link.</summary>
    public string Token { get; set; } = "";

    public string AddedBy { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>When the rating link was queued for sending (at the delivery, or when listed after it).</summary>
    public DateTimeOffset? SentAt { get; set; }
}
