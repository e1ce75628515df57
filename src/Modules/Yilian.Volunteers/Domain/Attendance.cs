using Yilian.SharedKernel.Data;

namespace Yilian.Volunteers.Domain;

public enum AttendanceStatus
{
    /// <summary>Checked in, not yet out.</summary>
    CheckedIn = 1,

    /// <summary>Checked in and out; waiting for the organizer to confirm.</summary>
    CheckedOut = 2,

    /// <summary>Confirmed by the organizer: the hours count (民政部令第67号: whoever organizes records and certifies).</summary>
    Confirmed = 3,

    /// <summary>The organizer refused the record (not there, or not service); nothing counts.</summary>
    Rejected = 4,
}

public enum CheckMethod
{
    /// <summary>The volunteer scanned the signed code shown at the activity.</summary>
    Code = 1,

    /// <summary>The organizer recorded the time.</summary>
    Organizer = 2,
}

/// <summary>
/// One volunteer's attendance at one occurrence of an activity, from which service hours come. At most
/// one per volunteer and occurrence. The times are the volunteer's real ones (an offline phone submits
/// later with the time it scanned); the service minutes are those inside the occurrence.
/// </summary>
internal sealed class Attendance : IRegionScoped, IOrganizationScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid ActivityId { get; set; }

    public Guid OccurrenceId { get; set; }

    public Guid VolunteerId { get; set; }

    public Guid SignupId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string OwnerUserId { get; set; } = "";

    public string VolunteerName { get; set; } = "";

    /// <summary>The activity's title when the record was made: the service content on the certificate.</summary>
    public string ActivityTitle { get; set; } = "";

    public DateTimeOffset OccurrenceStart { get; set; }

    public DateTimeOffset OccurrenceEnd { get; set; }

    public DateTimeOffset? CheckInAt { get; set; }

    public CheckMethod? CheckInMethod { get; set; }

    public DateTimeOffset? CheckOutAt { get; set; }

    public CheckMethod? CheckOutMethod { get; set; }

    /// <summary>When the server received the check-in (later than <see cref="CheckInAt"/> when the phone was offline).</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Metres from the venue when the phone gave its position.</summary>
    public int? DistanceMeters { get; set; }

    public bool Late { get; set; }

    public bool LeftEarly { get; set; }

    public AttendanceStatus Status { get; set; }

    /// <summary>Service minutes: check-in to check-out, within the occurrence.</summary>
    public int Minutes { get; set; }

    /// <summary>The minutes that count after removing overlap with the volunteer's other confirmed records.</summary>
    public int CreditedMinutes { get; set; }

    /// <summary>Points awarded for the credited minutes (undone by a compensating row on a correction).</summary>
    public Guid? PointsEntryId { get; set; }

    /// <summary>Bumped by each confirmation or correction: the idempotency key of its points.</summary>
    public int Version { get; set; }

    /// <summary>The account that confirmed (for the audit trail).</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>That account's name as shown at confirmation: the handler (经办人) printed on the certificate.</summary>
    public string? ConfirmedByName { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The issuing organization as it was at confirmation, for the certificate.</summary>
    public string? OrganizationName { get; set; }

    public string? OrganizationContact { get; set; }
}

/// <summary>A change to an attendance record's times, with the reason; the record keeps the new times, this row the old.</summary>
internal sealed class AttendanceCorrection : IRegionScoped, IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid AttendanceId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public DateTimeOffset? OldCheckInAt { get; set; }

    public DateTimeOffset? OldCheckOutAt { get; set; }

    public DateTimeOffset? NewCheckInAt { get; set; }

    public DateTimeOffset? NewCheckOutAt { get; set; }

    public string Reason { get; set; } = "";

    public string CorrectedBy { get; set; } = "";

    public DateTimeOffset CorrectedAt { get; set; }
}

/// <summary>A volunteer's confirmed service time: the union of their confirmed records. Updating it first is the per-volunteer lock.</summary>
[Unscoped("A counter per volunteer, read through the volunteer's own records.")]
internal sealed class HoursTotal
{
    public Guid VolunteerId { get; set; }

    public int ConfirmedMinutes { get; set; }

    public int Records { get; set; }
}

/// <summary>
/// A volunteer service record certificate (志愿服务记录证明) with the fields the national rules require.
/// Its content is frozen at issue; anyone with the number can verify it on the public page.
/// </summary>
internal sealed class Certificate : IRegionScoped, IUserOwned
{
    public Guid Id { get; set; }

    /// <summary>证明编号: date and random characters, printed and encoded in the QR code.</summary>
    public string Number { get; set; } = "";

    public Guid VolunteerId { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public string VolunteerName { get; set; } = "";

    public string IdType { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    public string VolunteerNumber { get; set; } = "";

    public int Minutes { get; set; }

    public int Records { get; set; }

    public string ServiceContent { get; set; } = "";

    public DateOnly ServiceFrom { get; set; }

    public DateOnly ServiceTo { get; set; }

    public string OrganizationName { get; set; } = "";

    public string HandlerName { get; set; } = "";

    public string HandlerContact { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

public enum InvitationStatus
{
    Sent = 1,
    Accepted = 2,
    Declined = 3,

    /// <summary>The activity was cancelled before the volunteer answered.</summary>
    Cancelled = 4,
}

/// <summary>An organizer's invitation to a volunteer (from the ranked matches or an accepted weekly proposal).</summary>
internal sealed class Invitation : IRegionScoped, IOrganizationScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid ActivityId { get; set; }

    public Guid VolunteerId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The activity's community.</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The volunteer's account: they see their invitations.</summary>
    public string OwnerUserId { get; set; } = "";

    public string ActivityTitle { get; set; } = "";

    /// <summary>Why the volunteer was proposed, as shown to the organizer.</summary>
    public string Reason { get; set; } = "";

    public InvitationStatus Status { get; set; }

    public string InvitedBy { get; set; } = "";

    public DateTimeOffset InvitedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

public enum PhotoStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A photo report (慧拍) with its text and place; the stored image is a re-encoded copy without metadata.</summary>
internal sealed class PhotoReport : IRegionScoped, IOrganizationScoped, IUserOwned
{
    public Guid Id { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    /// <summary>The community it is about (the activity's, or the reporter's).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The activity's organization, or empty for a community report.</summary>
    public Guid OrganizationId { get; set; }

    public Guid? ActivityId { get; set; }

    public string? ActivityTitle { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The place as the reporter described it (never read from the photo's metadata).</summary>
    public string? Place { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string ImageKey { get; set; } = "";

    public string ThumbnailKey { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public int Bytes { get; set; }

    public PhotoStatus Status { get; set; }

    public string? ModerationNote { get; set; }

    public string? ModeratedBy { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A reward in the love-points shop (积分商城), offered by an organization or a community, with a stock and a per-person limit.</summary>
[Unscoped("The shop is a public catalogue; writes check the owner through ActivityAccess, and redemptions are scoped.")]
internal sealed class Reward
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int Points { get; set; }

    /// <summary>Items left; a conditional update takes one, so it never goes below zero.</summary>
    public int Stock { get; set; }

    public int PerPersonLimit { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

public enum RedemptionStatus
{
    Redeemed = 1,
    Fulfilled = 2,
    Cancelled = 3,
}

/// <summary>A reward taken for points: exactly once per Idempotency-Key; cancelling returns the item and the points by compensating rows.</summary>
internal sealed class RewardRedemption : IRegionScoped, IOrganizationScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid RewardId { get; set; }

    public string RewardName { get; set; } = "";

    public Guid VolunteerId { get; set; }

    public string VolunteerName { get; set; } = "";

    public string OwnerUserId { get; set; } = "";

    /// <summary>The reward's community.</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>The reward's organization: its staff hand it over.</summary>
    public Guid OrganizationId { get; set; }

    public int Points { get; set; }

    public Guid PointsEntryId { get; set; }

    public string IdempotencyKey { get; set; } = "";

    public RedemptionStatus Status { get; set; }

    public DateTimeOffset RedeemedAt { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}

/// <summary>A volunteer service team (志愿服务队), such as one of Wujin's eight action teams, run by an organization.</summary>
internal sealed class Team : IRegionScoped, IOrganizationScoped
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Service field or kind of action (a skill code), for finding the team.</summary>
    public string? Focus { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Membership of a team; the volunteer sees their own.</summary>
internal sealed class TeamMember : IRegionScoped, IOrganizationScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public Guid VolunteerId { get; set; }

    public string VolunteerName { get; set; } = "";

    public string OwnerUserId { get; set; } = "";

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public bool IsLeader { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
