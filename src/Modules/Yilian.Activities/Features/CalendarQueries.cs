using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;

namespace Yilian.Activities.Features;

public sealed record CalendarQuery(string? From, string? To, Guid? VenueId, Guid? OrganizationId, string? Street, string? Type);

/// <param name="Title">Null for a booking outside the caller's scope: the calendar shows the venue as occupied, nothing more.</param>
public sealed record CalendarEntry(Guid OccurrenceId, Guid ActivityId, string? Title, string? Type, ActivityStatus? Status, Guid? VenueId, DateTimeOffset Start, DateTimeOffset End, bool Editable);

public sealed record ActivityDto(
    Guid Id, Guid? ProjectId, Guid OrganizationId, string RegionCode, string Title, string Type, string? Description, string? TargetGroup, DateTimeOffset Start, DateTimeOffset End,
    string? RecurrenceRule, Guid? VenueId, bool Online, int ExpectedParticipants, Guid[] StaffIds, IReadOnlyDictionary<string, int> VolunteerNeeds, ActivityStatus Status,
    IReadOnlyList<OccurrenceDto> Occurrences);

public sealed record OccurrenceDto(Guid Id, DateTimeOffset Start, DateTimeOffset End, Guid? VenueId);

/// <summary>What the calendar views show: the caller's activities in full, other bookings of the shown venues as "occupied".</summary>
internal sealed class CalendarQueries(ActivitiesDbContext db)
{
    public const int MaxEvents = 20_000;

    public async Task<IReadOnlyList<CalendarEntry>> EventsAsync(CalendarQuery q, CancellationToken ct)
    {
        var from = ActivityScheduler.ParseTime(q.From, "from");
        var to = ActivityScheduler.ParseTime(q.To, "to");
        if (to <= from || to - from > TimeSpan.FromDays(62))
        {
            throw InputValidationException.For("to", ActivityText.Get("Slots_WindowTooLong", 62));
        }

        var venueIds = await VenueFilterAsync(q, ct);
        // Activities in scope (the DbContext filter) with their occurrences in the window.
        var mine = db.Activities.AsNoTracking().Where(a => a.Status != ActivityStatus.Cancelled);
        if (q.OrganizationId is { } org)
        {
            mine = mine.Where(a => a.OrganizationId == org);
        }

        if (!string.IsNullOrWhiteSpace(q.Type))
        {
            mine = mine.Where(a => a.Type == q.Type);
        }

        if (!string.IsNullOrWhiteSpace(q.Street) && RegionCode.IsWellFormed(q.Street))
        {
            var prefix = q.Street[..9];
            mine = mine.Where(a => a.RegionCode.StartsWith(prefix));
        }

        // No booking is longer than a day, so a lower bound on Start lets the (Start, VenueId) index answer the window.
        var earliest = from.AddDays(-1);
        var occurrences = db.Occurrences.AsNoTracking().Where(o => o.Start > earliest && o.Start < to && o.End > from);
        if (venueIds is null)
        {
            // Not a venue view: the caller's own activities only.
            var rows = await mine.Join(occurrences, a => a.Id, o => o.ActivityId, (a, o) => new { o.Id, ActivityId = a.Id, a.Title, a.Type, a.Status, o.VenueId, o.Start, o.End })
                .OrderBy(e => e.Start).Take(MaxEvents).ToListAsync(ct);
            return [.. rows.Select(r => new CalendarEntry(r.Id, r.ActivityId, r.Title, r.Type, r.Status, r.VenueId, r.Start, r.End, true))];
        }

        // A venue view: every booking of the shown venues, with the title only where the activity is the caller's (one query, a left join).
        occurrences = occurrences.Where(o => o.VenueId != null && venueIds.Contains(o.VenueId.Value));
        var booked = await (
                from o in occurrences
                join a in mine on o.ActivityId equals a.Id into visible
                from a in visible.DefaultIfEmpty()
                orderby o.Start
                select new { o.Id, o.ActivityId, Title = a == null ? null : a.Title, Type = a == null ? null : a.Type, Status = a == null ? (ActivityStatus?)null : a.Status, o.VenueId, o.Start, o.End })
            .Take(MaxEvents).ToListAsync(ct);
        return [.. booked.Select(r => new CalendarEntry(r.Id, r.ActivityId, r.Title, r.Type, r.Status, r.VenueId, r.Start, r.End, r.Title is not null))];
    }

    public async Task<ActivityDto> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Activity", id);
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => o.ActivityId == id).OrderBy(o => o.Start)
            .Select(o => new OccurrenceDto(o.Id, o.Start, o.End, o.VenueId)).ToListAsync(ct);
        return new ActivityDto(a.Id, a.ProjectId, a.OrganizationId, a.RegionCode, a.Title, a.Type, a.Description, a.TargetGroup, a.Start, a.End, a.RecurrenceRule, a.VenueId,
            a.Online, a.ExpectedParticipants, [.. a.StaffIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)],
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(a.VolunteerNeeds) ?? [], a.Status, occurrences);
    }

    /// <summary>The venues to show: one, a street's, or null for "not filtered by venue".</summary>
    private async Task<List<Guid>?> VenueFilterAsync(CalendarQuery q, CancellationToken ct)
    {
        if (q.VenueId is { } venue)
        {
            return [venue];
        }

        if (!string.IsNullOrWhiteSpace(q.Street) && RegionCode.IsWellFormed(q.Street))
        {
            var prefix = q.Street[..9];
            return await db.Venues.AsNoTracking().Where(v => v.IsActive && v.RegionCode.StartsWith(prefix)).Select(v => v.Id).ToListAsync(ct);
        }

        return null;
    }
}
