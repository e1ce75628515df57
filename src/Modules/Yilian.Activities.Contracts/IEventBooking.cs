namespace Yilian.Activities.Contracts;

/// <summary>An event another module puts on the calendar for its organizer (a competition's roadshow): in a community, at a venue
/// or online, from start to end.</summary>
public sealed record EventBooking(string Title, string? Description, string RegionCode, Guid? VenueId, DateTimeOffset Start,
    DateTimeOffset End, int ExpectedParticipants);

/// <summary>
/// Implemented by the Activities module: books an event on the calendar with the same rules as any activity (the venue's
/// opening hours and capacity, no double booking), as the signed-in person; a clash is refused with the calendar's own answer.
/// </summary>
public interface IEventBooking
{
    Task<Guid> BookAsync(EventBooking booking, CancellationToken ct);
}
