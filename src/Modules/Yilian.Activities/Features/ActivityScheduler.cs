using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using Yilian.Activities.Contracts;
using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.Activities.Scheduling;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Activities.Features;

public sealed class ScheduleActivityRequest
{
    [RequiredField, SafeText(100), Label(typeof(ActivityText), "Activity_Title")]
    public string? Title { get; set; }

    [SafeText(32), Label(typeof(ActivityText), "Activity_Type")]
    public string? Type { get; set; }

    [SafeText(4000, Multiline = true), Label(typeof(ActivityText), "Activity_Description")]
    public string? Description { get; set; }

    [SafeText(100), Label(typeof(ActivityText), "Activity_TargetGroup")]
    public string? TargetGroup { get; set; }

    public Guid? ProjectId { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>The community where it happens; taken from the venue when there is one.</summary>
    [RegionCode, Label(typeof(ActivityText), "Activity_Region")]
    public string? RegionCode { get; set; }

    /// <summary>ISO 8601 with an offset, such as <c>2026-12-01T09:00+08:00</c>.</summary>
    [RequiredField, Label(typeof(ActivityText), "Activity_Start")]
    public string? Start { get; set; }

    [RequiredField, Label(typeof(ActivityText), "Activity_End")]
    public string? End { get; set; }

    [SafeText(500), Label(typeof(ActivityText), "Activity_Rrule")]
    public string? RecurrenceRule { get; set; }

    public Guid? VenueId { get; set; }

    public bool Online { get; set; }

    [Range(0, 100_000), Label(typeof(ActivityText), "Activity_Expected")]
    public int ExpectedParticipants { get; set; }

    public List<Guid>? StaffIds { get; set; }

    public Dictionary<string, int>? VolunteerNeeds { get; set; }

    [Range(0, 100), Label(typeof(ActivityText), "Activity_MinimumAge")]
    public int MinimumVolunteerAge { get; set; }
}

public sealed class MoveRequest
{
    [RequiredField, Label(typeof(ActivityText), "Activity_Start")]
    public string? Start { get; set; }

    [RequiredField, Label(typeof(ActivityText), "Activity_End")]
    public string? End { get; set; }

    /// <summary>Another venue, or null to stay.</summary>
    public Guid? VenueId { get; set; }
}

public sealed record ConflictDto(string Kind, DateTimeOffset OccurrenceStart, DateTimeOffset OccurrenceEnd, Guid? OtherActivityId, Guid? OtherBookingId,
    DateTimeOffset? OtherStart, DateTimeOffset? OtherEnd, string? Person, string Reason);

public sealed record SlotDto(Guid VenueId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Books activities through the one conflict engine. Check and write happen in one transaction: on SQLite a
/// write transaction (BEGIN IMMEDIATE) serializes every booking; on PostgreSQL the exclusion constraints
/// refuse whatever slips between check and insert, and the answer is recomputed from the winner's rows.
/// </summary>
internal sealed partial class ActivityScheduler(
    ActivitiesDbContext db, Venues venues, IOrganizationLookup organizations, IOrganizationProjects projects, IDictionaries dictionaries,
    IDataScopeProvider scope, ICurrentUser user, ReminderPlanner reminders, IProjectTimeline timeline, IEnumerable<IActivityListener> listeners,
    ILogger<ActivityScheduler> log, TimeProvider clock)
{
    private readonly List<(Guid Id, DateTimeOffset Start)> _booked = [];
    private readonly List<Guid> _released = [];

    public const int SuggestionCount = 5;

    private static readonly TimeSpan LongestBooking = TimeSpan.FromDays(1);

    public async Task<Guid> ScheduleAsync(ScheduleActivityRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        RequireScheduler();
        var first = ParseInterval(request.Start, request.End);
        var venue = request.VenueId is { } venueId ? await KnownVenueAsync(venueId, ct) : null;
        if (venue is null && !request.Online)
        {
            throw InputValidationException.For("venueId", ActivityText.Get("Activity_VenueOrOnline"));
        }

        CheckLength(first, venue);
        var occurrences = Recurrence.Expand(first, request.RecurrenceRule);
        var (organizationId, region) = await OwnerAsync(request, venue, ct);
        var staff = await StaffKeysAsync(organizationId, request.StaffIds, ct);
        var type = await TypeAsync(request.Type, ct);
        var needs = Needs(request.VolunteerNeeds);
        if (venue is not null && !venues.MayBook(venue, region, organizationId))
        {
            throw new ForbiddenException(ActivityText.Get("Venue_PolicyForbids"));
        }

        var activity = new Activity
        {
            Id = Guid.CreateVersion7(), ProjectId = request.ProjectId, OrganizationId = organizationId, RegionCode = region, Title = request.Title!.Trim(), Type = type,
            Description = request.Description?.Trim(), TargetGroup = request.TargetGroup?.Trim(), Start = first.Start, End = first.End,
            RecurrenceRule = string.IsNullOrWhiteSpace(request.RecurrenceRule) ? null : request.RecurrenceRule.Trim(), VenueId = venue?.Id, Online = venue is null,
            ExpectedParticipants = request.ExpectedParticipants, MinimumVolunteerAge = request.MinimumVolunteerAge, StaffIds = string.Join(',', staff.Select(s => s[6..])), VolunteerNeeds = needs,
            CreatedBy = user.UserName ?? "system", CreatedAt = clock.GetUtcNow(),
        };
        var check = new ScheduleCheck(occurrences, venue is null ? null : Venues.Rules(venue), staff, request.ExpectedParticipants);
        await BookAsync(check, () =>
        {
            db.Activities.Add(activity);
            foreach (var o in occurrences)
            {
                AddOccurrence(activity, Guid.CreateVersion7(), o, venue, staff);
            }
        }, ct);
        if (activity.ProjectId is { } projectId)
        {
            var when = Yilian.SharedKernel.ChinaTime.ToChina(activity.Start).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            await timeline.RecordAsync(projectId, "activity", ActivityText.Get("Timeline_Scheduled", activity.Title, when, occurrences.Count, venue?.Name ?? ActivityText.Get("Activity_Online")), ct);
        }

        return activity.Id;
    }

    /// <summary>Moves one occurrence (a drag in the calendar), optionally to another venue; the same rules apply.</summary>
    public async Task MoveAsync(Guid activityId, Guid occurrenceId, MoveRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        RequireScheduler();
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException("Activity", activityId);
        var occurrence = await db.Occurrences.FirstOrDefaultAsync(o => o.Id == occurrenceId && o.ActivityId == activityId, ct)
            ?? throw new NotFoundException("Occurrence", occurrenceId);
        if (activity.Status is ActivityStatus.Cancelled or ActivityStatus.Done)
        {
            throw ActivityRules.ActivityClosed.Broken();
        }

        var slot = ParseInterval(request.Start, request.End);
        var venue = (request.VenueId ?? occurrence.VenueId) is { } venueId ? await venues.LoadAsync(venueId, ct) : null;
        CheckLength(slot, venue);
        if (venue is not null && venue.Id != occurrence.VenueId && !venues.MayBook(venue, activity.RegionCode, activity.OrganizationId))
        {
            throw new ForbiddenException(ActivityText.Get("Venue_PolicyForbids"));
        }

        // Everyone the occurrence holds moves with it: its staff and the volunteers whose sign-ups hold them.
        var staff = activity.StaffIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => "staff:" + s)
            .Union(await db.PersonBookings.Where(p => p.OccurrenceId == occurrenceId).Select(p => p.PersonKey).ToListAsync(ct)).ToList();
        var check = new ScheduleCheck([slot], venue is null ? null : Venues.Rules(venue), staff, activity.ExpectedParticipants) { IgnoreOccurrenceId = occurrenceId };
        await BookAsync(check, () =>
        {
            db.PersonBookings.RemoveRange(db.PersonBookings.Where(p => p.OccurrenceId == occurrenceId));
            db.Occurrences.Remove(occurrence);
            _released.Add(occurrenceId);
            AddOccurrence(activity, Guid.CreateVersion7(), slot, venue, staff);
            if (activity.RecurrenceRule is null)
            {
                activity.Start = slot.Start;
                activity.End = slot.End;
                activity.VenueId = venue?.Id;
            }
        }, ct);
    }

    /// <summary>Conflicts of a proposal without booking anything (the calendar asks before it saves).</summary>
    public async Task<IReadOnlyList<ConflictDto>> CheckAsync(ScheduleActivityRequest request, CancellationToken ct)
    {
        var first = ParseInterval(request.Start, request.End);
        var venue = request.VenueId is { } venueId ? await venues.LoadAsync(venueId, ct) : null;
        CheckLength(first, venue);
        var occurrences = Recurrence.Expand(first, request.RecurrenceRule);
        var staff = (request.StaffIds ?? []).Distinct().Select(s => "staff:" + s).ToList();
        var check = new ScheduleCheck(occurrences, venue is null ? null : Venues.Rules(venue), staff, request.ExpectedParticipants);
        return [.. ConflictEngine.Check(check, await OccupancyAsync(check, ct), HolidayCalendar.Embedded).Select(ToDto)];
    }

    public async Task CancelAsync(Guid activityId, CancellationToken ct)
    {
        RequireScheduler();
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException("Activity", activityId);
        if (activity.Status == ActivityStatus.Cancelled)
        {
            return;
        }

        var wasPublished = activity.Status == ActivityStatus.Published;
        activity.Status = ActivityStatus.Cancelled;
        var occurrences = await db.Occurrences.Where(o => o.ActivityId == activityId).ToListAsync(ct);
        db.Occurrences.RemoveRange(occurrences);
        await db.SaveChangesAsync(ct);
        await reminders.UnplanAsync(occurrences.Select(o => o.Id), ct);
        if (wasPublished)
        {
            // After the save: the people who signed up hear of it from the modules that hold them.
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.CancelledAsync(activity.Id, activity.Title, activity.Start, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ListenerFailed(log, listener.GetType().Name, activity.Id, e);
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "{Listener} failed on the cancellation of activity {ActivityId}; the cancellation stands")]
    private static partial void ListenerFailed(ILogger logger, string listener, Guid activityId, Exception e);

    public async Task CompleteAsync(Guid activityId, CancellationToken ct)
    {
        RequireScheduler();
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException("Activity", activityId);
        if (activity.Status is ActivityStatus.Cancelled or ActivityStatus.Done)
        {
            throw ActivityRules.ActivityClosed.Broken();
        }

        var now = clock.GetUtcNow();
        if (await db.Occurrences.AnyAsync(o => o.ActivityId == activityId && o.End > now, ct))
        {
            throw ActivityRules.NotEnded.Broken();
        }

        activity.Status = ActivityStatus.Done;
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(Guid activityId, CancellationToken ct)
    {
        RequireScheduler();
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException("Activity", activityId);
        if (activity.Status != ActivityStatus.Draft)
        {
            throw ActivityRules.NotDraft.Broken();
        }

        activity.Status = ActivityStatus.Published;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The earliest free slots of a venue for a duration in a window, every rule and person included.</summary>
    public async Task<IReadOnlyList<SlotDto>> FreeSlotsAsync(Guid venueId, string? duration, string? from, string? to, IReadOnlyList<Guid>? staffIds, int max, CancellationToken ct)
    {
        var venue = await venues.LoadAsync(venueId, ct);
        return await FreeSlotsAsync([venue], duration, from, to, staffIds, max, ct);
    }

    public async Task<IReadOnlyList<SlotDto>> FreeSlotsAsync(IReadOnlyList<Venue> candidates, string? duration, string? from, string? to, IReadOnlyList<Guid>? staffIds, int max, CancellationToken ct)
    {
        var length = ParseDuration(duration);
        var window = ParseInterval(from, to, "from", "to");
        if (window.Length > TimeSpan.FromDays(62))
        {
            throw InputValidationException.For("to", ActivityText.Get("Slots_WindowTooLong", 62));
        }

        var people = (staffIds ?? []).Distinct().Select(s => "staff:" + s).ToList();
        var all = new List<SlotDto>();
        foreach (var venue in candidates)
        {
            if (length < TimeSpan.FromMinutes(venue.MinMinutes) || length > TimeSpan.FromMinutes(venue.MaxMinutes))
            {
                continue;
            }

            var rules = Venues.Rules(venue);
            var occupancy = await OccupancyAsync(new ScheduleCheck([window], rules, people, 0), ct);
            all.AddRange(FreeSlotFinder.Find(rules, length, window, people, occupancy, HolidayCalendar.Embedded, Math.Clamp(max, 1, 50))
                .Select(s => new SlotDto(venue.Id, s.Start, s.End)));
        }

        return [.. all.OrderBy(s => s.Start).ThenBy(s => s.VenueId).Take(Math.Clamp(max, 1, 50))];
    }

    private async Task BookAsync(ScheduleCheck check, Action write, CancellationToken ct)
    {
        var calendar = HolidayCalendar.Embedded;
        try
        {
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var conflicts = ConflictEngine.Check(check, await OccupancyAsync(check, ct), calendar);
                if (conflicts.Count > 0)
                {
                    await tx.RollbackAsync(ct);
                    throw await ConflictAsync(check, conflicts, ct);
                }

                write();
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            // After commit: reminders follow the bookings that now exist.
            await reminders.UnplanAsync(_released, ct);
            await reminders.PlanAsync(_booked, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is DbException { SqlState: "23P01" })
        {
            // PostgreSQL's exclusion constraint caught a booking made between our check and our insert.
            db.ChangeTracker.Clear();
            var conflicts = ConflictEngine.Check(check, await OccupancyAsync(check, ct), calendar);
            throw await ConflictAsync(check, conflicts, ct);
        }
    }

    private async Task<BusinessRuleException> ConflictAsync(ScheduleCheck check, IReadOnlyList<Conflict> conflicts, CancellationToken ct)
    {
        IReadOnlyList<SlotDto> suggestions = [];
        if (check.Venue is { } rules && conflicts.Count > 0 && conflicts[0] is var first)
        {
            var length = first.OccurrenceEnd - first.OccurrenceStart;
            var window = new Interval(first.OccurrenceStart - TimeSpan.FromHours(first.OccurrenceStart.Hour), first.OccurrenceStart + TimeSpan.FromDays(14));
            window = new Interval(window.Start < clock.GetUtcNow() ? clock.GetUtcNow() : window.Start, window.End);
            var occupancy = await OccupancyAsync(new ScheduleCheck([window], rules, check.People, 0), ct);
            suggestions = [.. FreeSlotFinder.Find(rules, length, window, check.People, occupancy, HolidayCalendar.Embedded, SuggestionCount)
                .Select(s => new SlotDto(rules.Id, s.Start, s.End))];
        }

        var list = conflicts.Select(ToDto).ToList();
        var message = ActivityText.Get("Conflict_Summary", list.Count, string.Join("；", list.Select(c => c.Reason).Distinct().Take(5)));
        return ActivityRules.ScheduleConflict.BrokenWith(message,
            new Dictionary<string, object?> { ["conflicts"] = list, ["suggestions"] = suggestions });
    }

    /// <summary>Every booking of the venue and the people near the checked occurrences.</summary>
    private async Task<Occupancy> OccupancyAsync(ScheduleCheck check, CancellationToken ct)
    {
        if (check.Occurrences.Count == 0)
        {
            return Occupancy.None;
        }

        var buffer = check.Venue?.Buffer ?? TimeSpan.Zero;
        var from = check.Occurrences.Min(o => o.Start) - buffer;
        var to = check.Occurrences.Max(o => o.End) + buffer;
        var earliest = from - LongestBooking;
        var venueBusy = new List<(Guid, Busy)>();
        if (check.Venue is { } venue)
        {
            var rows = await db.Occurrences.AsNoTracking()
                .Where(o => o.VenueId == venue.Id && o.Start > earliest && o.Start < to && o.End > from)
                .Select(o => new { o.Id, o.ActivityId, o.Start, o.End }).ToListAsync(ct);
            venueBusy.AddRange(rows.Select(r => (venue.Id, new Busy(r.Id, r.ActivityId, r.Start, r.End))));
        }

        var personBusy = new List<(string, Busy)>();
        if (check.People.Count > 0)
        {
            var keys = check.People.ToList();
            var rows = await db.PersonBookings.AsNoTracking()
                .Where(p => keys.Contains(p.PersonKey) && p.Start > earliest && p.Start < to && p.End > from)
                .Select(p => new { p.PersonKey, p.OccurrenceId, p.ActivityId, p.Start, p.End }).ToListAsync(ct);
            personBusy.AddRange(rows.Select(r => (r.PersonKey, new Busy(r.OccurrenceId, r.ActivityId, r.Start, r.End))));
        }

        return new Occupancy(venueBusy, personBusy);
    }

    private void AddOccurrence(Activity activity, Guid id, Interval slot, Venue? venue, IReadOnlyList<string> staff)
    {
        _booked.Add((id, slot.Start));
        db.Occurrences.Add(new Occurrence
        {
            Id = id, ActivityId = activity.Id, VenueId = venue?.Id, Start = slot.Start, End = slot.End,
            BlockEnd = slot.End + TimeSpan.FromMinutes(venue?.BufferMinutes ?? 0),
        });
        foreach (var person in staff)
        {
            db.PersonBookings.Add(new PersonBooking { Id = Guid.CreateVersion7(), PersonKey = person, OccurrenceId = id, ActivityId = activity.Id, Start = slot.Start, End = slot.End });
        }
    }

    private async Task<Venue> KnownVenueAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return await venues.LoadAsync(id, ct);
        }
        catch (NotFoundException)
        {
            throw InputValidationException.For("venueId", ActivityText.Get("Activity_UnknownVenue"));
        }
    }

    private static ConflictDto ToDto(Conflict c) => new(
        c.Kind.ToString().ToLowerInvariant(), c.OccurrenceStart, c.OccurrenceEnd, c.OtherActivityId, c.OtherOccurrenceId, c.OtherStart, c.OtherEnd, c.Person, c.Reason);

    private void RequireScheduler()
    {
        if (!ActivityPermissions.Schedules(user))
        {
            throw new ForbiddenException(ActivityText.Get("Activity_Forbidden"));
        }
    }

    private async Task<(Guid Organization, string Region)> OwnerAsync(ScheduleActivityRequest request, Venue? venue, CancellationToken ct)
    {
        var own = scope.Current.Organizations;
        var organizationId = request.OrganizationId ?? (own.Count == 1 ? own[0] : Guid.Empty);
        OrganizationRef? org = null;
        if (organizationId != Guid.Empty)
        {
            org = await organizations.FindAsync(organizationId, ct) ?? throw InputValidationException.For("organizationId", ActivityText.Get("Activity_UnknownOrganization"));
        }
        else if (!ActivityPermissions.BooksForAnyone(user))
        {
            throw InputValidationException.For("organizationId", ActivityText.Get("Activity_UnknownOrganization"));
        }

        if (request.ProjectId is { } projectId && (await projects.FindProjectAsync(projectId, ct))?.OrganizationId != organizationId)
        {
            throw InputValidationException.For("projectId", ActivityText.Get("Activity_UnknownProject"));
        }

        var region = venue?.RegionCode ?? request.RegionCode ?? org?.RegionCode;
        if (region is null || RegionCode.LevelOf(region) != RegionLevel.Community)
        {
            throw InputValidationException.For("regionCode", ActivityText.Get("Activity_RegionRequired"));
        }

        if (org is null && !scope.Current.CoversRegion(region))
        {
            throw new ForbiddenException(ActivityText.Get("Activity_Forbidden"));
        }

        return (organizationId, region);
    }

    private async Task<IReadOnlyList<string>> StaffKeysAsync(Guid organizationId, List<Guid>? ids, CancellationToken ct)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        if (wanted.Count > 20)
        {
            throw InputValidationException.For("staffIds", ActivityText.Get("Activity_TooManyStaff", 20));
        }

        var known = organizationId == Guid.Empty ? [] : (await organizations.StaffAsync(organizationId, ct)).Select(s => s.Id).ToHashSet();
        var unknown = wanted.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw InputValidationException.For("staffIds", ActivityText.Get("Activity_UnknownStaff"));
        }

        return [.. wanted.Select(id => "staff:" + id)];
    }

    private async Task<string> TypeAsync(string? type, CancellationToken ct)
    {
        var types = await dictionaries.ListAsync(DictionaryTypes.ActivityType, includeInactive: false, ct);
        if (string.IsNullOrWhiteSpace(type))
        {
            return types.Count > 0 ? types[0].Code : "";
        }

        return types.Any(t => t.Code == type)
            ? type
            : throw InputValidationException.For("type", ActivityText.Get("Activity_UnknownType", string.Join(", ", types.Select(t => t.Code))));
    }

    private static string Needs(Dictionary<string, int>? needs)
    {
        if (needs is null || needs.Count == 0)
        {
            return "{}";
        }

        if (needs.Count > 20 || needs.Any(n => n.Value is < 0 or > 1000 || TextRules.Check(n.Key, 32, multiline: false, allowMarkup: false) is not null))
        {
            throw InputValidationException.For("volunteerNeeds", ActivityText.Get("Activity_Needs"));
        }

        return JsonSerializer.Serialize(needs);
    }

    private static void CheckLength(Interval slot, Venue? venue)
    {
        if (slot.End <= slot.Start)
        {
            throw InputValidationException.For("end", ActivityText.Get("Activity_EndBeforeStart"));
        }

        var min = TimeSpan.FromMinutes(venue?.MinMinutes ?? 5);
        var max = TimeSpan.FromMinutes(venue?.MaxMinutes ?? 1440);
        if (slot.Length < min || slot.Length > max)
        {
            throw InputValidationException.For("end", ActivityText.Get("Activity_Length", (int)min.TotalMinutes, (int)max.TotalMinutes));
        }
    }

    /// <summary>A time must carry its offset: "2026-12-01T09:00+08:00" or "…Z"; a bare local time is refused, never guessed.</summary>
    public static DateTimeOffset ParseTime(string? text, string field)
    {
        if (text is null || !OffsetPattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw InputValidationException.For(field, ActivityText.Get("Time_NeedsOffset", text ?? ""));
        }

        return value.ToUniversalTime();
    }

    private static Interval ParseInterval(string? start, string? end, string startField = "start", string endField = "end")
    {
        var interval = new Interval(ParseTime(start, startField), ParseTime(end, endField));
        return interval.End <= interval.Start ? throw InputValidationException.For(endField, ActivityText.Get("Activity_EndBeforeStart")) : interval;
    }

    /// <summary>Minutes ("90") or an ISO 8601 duration ("PT1H30M").</summary>
    private static TimeSpan ParseDuration(string? text)
    {
        TimeSpan value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            value = TimeSpan.FromMinutes(minutes);
        }
        else
        {
            try
            {
                value = text is { Length: > 1 and < 30 } && text.StartsWith('P') ? System.Xml.XmlConvert.ToTimeSpan(text) : TimeSpan.Zero;
            }
            catch (FormatException)
            {
                value = TimeSpan.Zero;
            }
        }

        return value > TimeSpan.Zero && value <= LongestBooking ? value : throw InputValidationException.For("duration", ActivityText.Get("Slots_Duration"));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();
}
