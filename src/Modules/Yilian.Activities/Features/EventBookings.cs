using System.Globalization;

using Yilian.Activities.Contracts;

namespace Yilian.Activities.Features;

internal sealed class EventBookings(ActivityScheduler scheduler) : IEventBooking
{
    public Task<Guid> BookAsync(EventBooking booking, CancellationToken ct) => scheduler.ScheduleAsync(new ScheduleActivityRequest
    {
        Title = booking.Title, Description = booking.Description, RegionCode = booking.RegionCode, VenueId = booking.VenueId,
        Online = booking.VenueId is null, Start = booking.Start.ToString("o", CultureInfo.InvariantCulture),
        End = booking.End.ToString("o", CultureInfo.InvariantCulture), ExpectedParticipants = booking.ExpectedParticipants,
    }, ct);
}
