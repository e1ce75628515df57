using System.Text.Json;

using Yilian.SharedKernel.Data;

namespace Yilian.Activities.Domain;

public enum VenueOwnerKind
{
    Organization = 1,
    Community = 2,
    Street = 3,
}

/// <summary>Who may book a venue.</summary>
public enum BookingPolicy
{
    /// <summary>Any organization or community working in the district.</summary>
    Anyone = 1,

    /// <summary>Only the owner (its organization, or the community or street that runs it).</summary>
    OwnerOnly = 2,

    /// <summary>Anyone whose activity is in the venue's street.</summary>
    SameStreet = 3,
}

/// <summary>
/// A room or hall that activities book: community centres, street stations, an organization's own rooms.
/// Everyone who books must see every venue, so venues carry no scope; writes are checked against the owner.
/// </summary>
[Unscoped("Venues are shared places that every booker must see; writes are checked against the owner.")]
internal sealed class Venue : IShownOnPublicPages
{
    bool IShownOnPublicPages.IsShownPublicly => true;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public VenueOwnerKind OwnerKind { get; set; }

    public Guid? OwnerOrganizationId { get; set; }

    /// <summary>The community (or street) the venue lies in.</summary>
    public string RegionCode { get; set; } = "";

    public string Address { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public int Capacity { get; set; }

    /// <summary>Facility codes, comma-separated (projector, kitchen, accessible…).</summary>
    public string Facilities { get; set; } = "";

    /// <summary><see cref="WeeklyHours"/> as JSON.</summary>
    public string OpeningHours { get; set; } = WeeklyHours.Default.ToJson();

    /// <summary>Closed on public holidays and open with weekday hours on adjusted working days (调休).</summary>
    public bool FollowsWorkCalendar { get; set; } = true;

    public int MinMinutes { get; set; } = 30;

    public int MaxMinutes { get; set; } = 480;

    /// <summary>Minutes kept free between two bookings (cleaning, setting up).</summary>
    public int BufferMinutes { get; set; }

    public BookingPolicy Policy { get; set; } = BookingPolicy.Anyone;

    public bool IsActive { get; set; } = true;

    public List<VenueClosure> Closures { get; set; } = [];
}

/// <summary>A day the venue is closed besides its weekly hours and the holiday calendar (repairs, elections…).</summary>
[Unscoped("Part of a venue.")]
internal sealed class VenueClosure
{
    public Guid Id { get; set; }

    public Guid VenueId { get; set; }

    public DateOnly Date { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>Opening hours per day of the week, in China time; a day without hours is closed.</summary>
public sealed record DayHours(TimeOnly Open, TimeOnly Close);

public sealed record WeeklyHours
{
    /// <summary>Indexed by <see cref="DayOfWeek"/> (Sunday = 0).</summary>
    public required IReadOnlyList<DayHours?> Days { get; init; }

    public static readonly WeeklyHours Default = new()
    {
        Days =
        [
            null,
            new(new(8, 30), new(21, 0)), new(new(8, 30), new(21, 0)), new(new(8, 30), new(21, 0)), new(new(8, 30), new(21, 0)), new(new(8, 30), new(21, 0)),
            new(new(9, 0), new(17, 0)),
        ],
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DayHours? For(DayOfWeek day) => Days.Count == 7 ? Days[(int)day] : null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WeeklyHours Parse(string json) => JsonSerializer.Deserialize<WeeklyHours>(json, Json) ?? Default;
}
