using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Volunteers.Domain;

/// <summary>
/// A registered volunteer: real-name data with the ID number and phone encrypted at rest (blind indexes
/// keep them unique without decrypting). Seen by the volunteer and by the back office of their community.
/// </summary>
internal sealed class Volunteer : IRegionScoped, IUserOwned
{
    public Guid Id { get; set; }

    public string OwnerUserId { get; set; } = "";

    /// <summary>Home community.</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>志愿者编号, issued at registration.</summary>
    public string Number { get; set; } = "";

    public string RealName { get; set; } = "";

    [Encrypted]
    public string IdNumber { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    [Encrypted]
    public string Phone { get; set; } = "";

    [Sensitive]
    public string PhoneIndex { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    /// <summary>Under 18 at registration: flagged for organizers; under 14 needs a guardian's consent.</summary>
    public bool IsMinor { get; set; }

    /// <summary>Skill codes (dictionary), comma-separated.</summary>
    public string Skills { get; set; } = "";

    /// <summary>Free tags the volunteer typed, comma-separated.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Levels per skill (JSON list of <see cref="SkillLevel"/>): self-rated, and verified by an organizer.</summary>
    public string SkillLevels { get; set; } = "[]";

    /// <summary>Languages and dialects spoken, comma-separated (普通话, 吴语, English…).</summary>
    public string Languages { get; set; } = "";

    /// <summary>When the volunteer can usually serve (JSON list of <see cref="WeeklySlot"/>, China time); empty means not said.</summary>
    public string WeeklyAvailability { get; set; } = "[]";

    /// <summary>Dates the volunteer cannot serve (JSON list of <see cref="Unavailability"/>).</summary>
    public string Unavailable { get; set; } = "[]";

    /// <summary>Optional home point, for distance in matching (the community is used otherwise).</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}

/// <param name="Self">1–5 as the volunteer rates it.</param>
/// <param name="Verified">1–5 as an organizer verified it (a certificate seen, service observed), or null.</param>
public sealed record SkillLevel(string Code, int Self, int? Verified = null, string? VerifiedBy = null);

/// <param name="Day">ISO day: 1 Monday … 7 Sunday.</param>
public sealed record WeeklySlot(int Day, TimeOnly From, TimeOnly To);

public sealed record Unavailability(DateOnly From, DateOnly To, string? Reason = null);

public enum ConsentKind
{
    /// <summary>Consent to process sensitive personal information (ID number), separate from the rest (PIPL art. 29).</summary>
    SensitiveData = 1,

    /// <summary>A guardian's consent for a volunteer under 14 (PIPL art. 31).</summary>
    Guardian = 2,
}

/// <summary>A consent given, with the version of the text it was given to; never edited, only added.</summary>
internal sealed class Consent : IRegionScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid VolunteerId { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public ConsentKind Kind { get; set; }

    public string TextVersion { get; set; } = "";

    public string? GuardianName { get; set; }

    [Encrypted]
    public string? GuardianPhone { get; set; }

    public DateTimeOffset GivenAt { get; set; }
}

/// <summary>A one-time phone verification code; only its hash is kept.</summary>
[Unscoped("Verification codes are checked before there is an account; they hold only a hash and an index.")]
internal sealed class VerificationCode
{
    public Guid Id { get; set; }

    [Sensitive]
    public string PhoneIndex { get; set; } = "";

    [Sensitive]
    public string CodeHash { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

public enum SignupStatus
{
    Confirmed = 1,
    Waitlisted = 2,
    Cancelled = 3,
}

/// <summary>A volunteer's sign-up for an activity, numbered in arrival order per activity.</summary>
internal sealed class Signup : IRegionScoped, IOrganizationScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid ActivityId { get; set; }

    public Guid VolunteerId { get; set; }

    /// <summary>The organization running the activity: its staff see the sign-up.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The volunteer's name when they signed up, for the organizer's list (the profile itself stays in the volunteer's scope).</summary>
    public string VolunteerName { get; set; } = "";

    public string OwnerUserId { get; set; } = "";

    /// <summary>The activity's community: its organizers see the sign-up.</summary>
    public string RegionCode { get; set; } = "";

    public long Sequence { get; set; }

    public SignupStatus Status { get; set; }

    public DateTimeOffset SignedUpAt { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }
}

/// <summary>Per-activity counters that serialize sign-ups: places, confirmed, and the next arrival number.</summary>
[Unscoped("Counters only; updating this row is the per-activity lock for sign-ups.")]
internal sealed class ActivityPlaces
{
    public Guid ActivityId { get; set; }

    public int Capacity { get; set; }

    public int Confirmed { get; set; }

    public long NextSequence { get; set; }
}

/// <summary>
/// One movement of love points (爱心积分). The ledger is append-only: a mistake is undone by a
/// compensating row that points at the one it reverses; the idempotency key makes each award or
/// redemption happen exactly once.
/// </summary>
internal sealed class PointsEntry : IRegionScoped, IUserOwned
{
    public Guid Id { get; set; }

    public Guid VolunteerId { get; set; }

    public string OwnerUserId { get; set; } = "";

    public string RegionCode { get; set; } = "";

    /// <summary>Positive for an award, negative for a redemption.</summary>
    public int Delta { get; set; }

    public string Reason { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";

    public Guid? Reverses { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The running balance, updated in the same transaction as each entry; it can never go below zero.</summary>
[Unscoped("A counter per volunteer; read only through the volunteer's own ledger.")]
internal sealed class PointsBalance
{
    public Guid VolunteerId { get; set; }

    public int Balance { get; set; }
}
