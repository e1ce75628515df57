using Yilian.SharedKernel.Data;

namespace Yilian.Activities.Domain;

public enum ActivityStatus
{
    Draft = 1,
    Published = 2,
    Cancelled = 3,
    Done = 4,
}

/// <summary>
/// An activity of a project (or of a community directly). Scheduling it books its venue and its staff for
/// every occurrence; cancelling releases them. Publishing shows it on public pages.
/// </summary>
internal sealed class Activity : IRegionScoped, IOrganizationScoped, IShownOnPublicPages
{
    bool IShownOnPublicPages.IsShownPublicly => Status == ActivityStatus.Published;

    public Guid Id { get; set; }

    public Guid? ProjectId { get; set; }

    /// <summary><see cref="Guid.Empty"/> when a community runs the activity itself.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The community where it happens.</summary>
    public string RegionCode { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>A code of the activity-type dictionary.</summary>
    public string Type { get; set; } = "";

    public string? Description { get; set; }

    public string? TargetGroup { get; set; }

    /// <summary>The first occurrence (UTC).</summary>
    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    /// <summary>RFC 5545 RRULE, bounded by COUNT or UNTIL; null for a single occurrence.</summary>
    public string? RecurrenceRule { get; set; }

    public Guid? VenueId { get; set; }

    public bool Online { get; set; }

    public int ExpectedParticipants { get; set; }

    /// <summary>Volunteers younger than this cannot sign up (0: no limit).</summary>
    public int MinimumVolunteerAge { get; set; }

    /// <summary>Organizing staff (staff-member ids of the organization), comma-separated.</summary>
    public string StaffIds { get; set; } = "";

    /// <summary>Volunteers needed per skill, as JSON <c>{"first-aid": 2}</c>.</summary>
    public string VolunteerNeeds { get; set; } = "{}";

    public ActivityStatus Status { get; set; } = ActivityStatus.Draft;

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<Occurrence> Occurrences { get; set; } = [];
}

/// <summary>
/// One occurrence of an activity: the venue's occupancy and the key of every conflict check. Carries no
/// title or names, so the engine can see every booking of a venue across organizations without leaking them.
/// </summary>
[Unscoped("Occupancy: the conflict engine must see every booking of a venue and every person; it holds no titles or names.")]
internal sealed class Occurrence
{
    public Guid Id { get; set; }

    public Guid ActivityId { get; set; }

    public Guid? VenueId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    /// <summary>End plus the venue's buffer: the venue is held for [Start, BlockEnd).</summary>
    public DateTimeOffset BlockEnd { get; set; }
}

/// <summary>A person held by an occurrence: a staff member (<c>staff:{id}</c>) or a signed-up volunteer (<c>user:{id}</c>).</summary>
[Unscoped("Occupancy of people, keyed by an opaque person key; no names.")]
internal sealed class PersonBooking
{
    public Guid Id { get; set; }

    public string PersonKey { get; set; } = "";

    public Guid OccurrenceId { get; set; }

    public Guid ActivityId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }
}
