using System.ComponentModel.DataAnnotations;

using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.Activities.Scheduling;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Activities.Features;

public sealed class VenueRequest
{
    [RequiredField, SafeText(100), Label(typeof(ActivityText), "Venue_Name")]
    public string? Name { get; set; }

    public VenueOwnerKind OwnerKind { get; set; } = VenueOwnerKind.Community;

    public Guid? OwnerOrganizationId { get; set; }

    [RequiredField, RegionCode, Label(typeof(ActivityText), "Venue_Region")]
    public string? RegionCode { get; set; }

    [SafeText(200), Label(typeof(ActivityText), "Venue_Address")]
    public string? Address { get; set; }

    [Range(-90, 90), Label(typeof(ActivityText), "Venue_Latitude")]
    public double? Latitude { get; set; }

    [Range(-180, 180), Label(typeof(ActivityText), "Venue_Longitude")]
    public double? Longitude { get; set; }

    [Range(1, 100_000), Label(typeof(ActivityText), "Venue_Capacity")]
    public int Capacity { get; set; }

    public List<string>? Facilities { get; set; }

    public WeeklyHours? OpeningHours { get; set; }

    public bool FollowsWorkCalendar { get; set; } = true;

    [Range(5, 1440), Label(typeof(ActivityText), "Venue_MinMinutes")]
    public int MinMinutes { get; set; } = 30;

    [Range(5, 1440), Label(typeof(ActivityText), "Venue_MaxMinutes")]
    public int MaxMinutes { get; set; } = 480;

    [Range(0, 240), Label(typeof(ActivityText), "Venue_BufferMinutes")]
    public int BufferMinutes { get; set; }

    public BookingPolicy Policy { get; set; } = BookingPolicy.Anyone;
}

public sealed record VenueDto(
    Guid Id, string Name, VenueOwnerKind OwnerKind, Guid? OwnerOrganizationId, string RegionCode, string Address, double? Latitude, double? Longitude,
    int Capacity, string[] Facilities, WeeklyHours OpeningHours, bool FollowsWorkCalendar, int MinMinutes, int MaxMinutes, int BufferMinutes, BookingPolicy Policy,
    IReadOnlyList<ClosureDto> Closures);

public sealed record ClosureDto(DateOnly Date, string Reason);

public sealed record ClosureRequest(DateOnly? Date, string? Reason);

/// <summary>Venues: everyone in the back office reads them; operators, and the owner's community or organization, keep them.</summary>
internal sealed class Venues(ActivitiesDbContext db, ICurrentUser user, IDataScopeProvider scope, IRegionDirectory regions)
{
    public async Task<IReadOnlyList<VenueDto>> ListAsync(string? region, CancellationToken ct)
    {
        var query = db.Venues.AsNoTracking().Include(v => v.Closures).Where(v => v.IsActive);
        if (!string.IsNullOrWhiteSpace(region) && RegionCode.IsWellFormed(region))
        {
            var prefix = RegionCode.LevelOf(region) switch
            {
                RegionLevel.District => region[..6],
                RegionLevel.Street => region[..9],
                _ => region,
            };
            query = query.Where(v => v.RegionCode.StartsWith(prefix));
        }

        return [.. (await query.OrderBy(v => v.RegionCode).ThenBy(v => v.Name).Take(5000).ToListAsync(ct)).Select(ToDto)];
    }

    /// <summary>Active venues within <paramref name="radiusKm"/> of a point (great-circle distance), nearest first.</summary>
    public async Task<IReadOnlyList<Venue>> NearAsync(double? latitude, double? longitude, double? radiusKm, CancellationToken ct)
    {
        if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180) || radiusKm is not (>= 0.1 and <= 20))
        {
            throw InputValidationException.For("radiusKm", ActivityText.Get("Slots_NearPoint"));
        }

        // A bounding box in SQL, the exact distance in memory.
        var dLat = radiusKm.Value / 111.0;
        var dLng = radiusKm.Value / (111.0 * Math.Max(0.1, Math.Cos(latitude.Value * Math.PI / 180)));
        var box = await db.Venues.Include(v => v.Closures).Where(v => v.IsActive && v.Latitude != null && v.Longitude != null
                && v.Latitude >= latitude - dLat && v.Latitude <= latitude + dLat && v.Longitude >= longitude - dLng && v.Longitude <= longitude + dLng)
            .Take(2000).ToListAsync(ct);
        return [.. box.Select(v => (Venue: v, Km: GreatCircle.Kilometres(latitude.Value, longitude.Value, v.Latitude!.Value, v.Longitude!.Value)))
            .Where(x => x.Km <= radiusKm).OrderBy(x => x.Km).Take(50).Select(x => x.Venue)];
    }

    /// <summary>The venues the caller keeps (and so may subscribe to).</summary>
    public async Task<IReadOnlyList<VenueDto>> KeptAsync(CancellationToken ct) =>
        [.. (await db.Venues.AsNoTracking().Include(v => v.Closures).Where(v => v.IsActive).OrderBy(v => v.Name).Take(5000).ToListAsync(ct)).Where(IsKeeper).Take(200).Select(ToDto)];

    public async Task<VenueDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await LoadAsync(id, ct));

    public async Task<Venue> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Venues.Include(v => v.Closures).FirstOrDefaultAsync(v => v.Id == id && v.IsActive, ct) ?? throw new NotFoundException("Venue", id);

    public async Task<Guid> CreateAsync(VenueRequest request, CancellationToken ct)
    {
        await ValidateAsync(request, ct);
        var venue = new Venue { Id = Guid.CreateVersion7() };
        Apply(venue, request);
        RequireKeeper(venue);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        return venue.Id;
    }

    public async Task UpdateAsync(Guid id, VenueRequest request, CancellationToken ct)
    {
        var venue = await LoadAsync(id, ct);
        RequireKeeper(venue);
        await ValidateAsync(request, ct);
        Apply(venue, request);
        RequireKeeper(venue);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddClosureAsync(Guid id, ClosureRequest request, CancellationToken ct)
    {
        var venue = await LoadAsync(id, ct);
        RequireKeeper(venue);
        var reason = request.Reason?.Trim();
        if (request.Date is null)
        {
            throw InputValidationException.For("date", ActivityText.Get("Closure_Date"));
        }

        if (string.IsNullOrEmpty(reason) || TextRules.Check(reason, 100, multiline: false, allowMarkup: false) is not null)
        {
            throw InputValidationException.For("reason", ActivityText.Get("Closure_Reason"));
        }

        if (venue.Closures.All(c => c.Date != request.Date))
        {
            // Added through the set: a new row with its key already set, under a tracked venue, would otherwise be taken for an existing one.
            db.VenueClosures.Add(new VenueClosure { Id = Guid.CreateVersion7(), VenueId = venue.Id, Date = request.Date.Value, Reason = reason });
            await db.SaveChangesAsync(ct);
        }
    }

    public static VenueRules Rules(Venue v) =>
        new(v.Id, v.Capacity, WeeklyHours.Parse(v.OpeningHours), v.FollowsWorkCalendar, v.Closures.ToDictionary(c => c.Date, c => c.Reason), v.BufferMinutes);

    public static VenueDto ToDto(Venue v) => new(
        v.Id, v.Name, v.OwnerKind, v.OwnerOrganizationId, v.RegionCode, v.Address, v.Latitude, v.Longitude, v.Capacity,
        v.Facilities.Split(',', StringSplitOptions.RemoveEmptyEntries), WeeklyHours.Parse(v.OpeningHours), v.FollowsWorkCalendar,
        v.MinMinutes, v.MaxMinutes, v.BufferMinutes, v.Policy, [.. v.Closures.OrderBy(c => c.Date).Select(c => new ClosureDto(c.Date, c.Reason))]);

    /// <summary>Whether the caller may book the venue for an activity in <paramref name="activityRegion"/> run by <paramref name="organizationId"/>.</summary>
    public bool MayBook(Venue venue, string activityRegion, Guid organizationId) => venue.Policy switch
    {
        BookingPolicy.OwnerOnly => IsKeeper(venue) || (venue.OwnerOrganizationId is { } owner && owner == organizationId),
        BookingPolicy.SameStreet => IsKeeper(venue) || RegionCode.StreetOf(activityRegion) == RegionCode.StreetOf(venue.RegionCode),
        _ => true,
    };

    public bool MayKeep(Venue venue) => IsKeeper(venue);

    private bool IsKeeper(Venue venue)
    {
        if (ActivityPermissions.KeepsEverything(user) || SystemScope.IsActive)
        {
            return true;
        }

        var current = scope.Current;
        return venue.OwnerKind == VenueOwnerKind.Organization
            ? venue.OwnerOrganizationId is { } org && ActivityPermissions.KeepsOwnVenues(user) && current.Organizations.Contains(org)
            : ActivityPermissions.KeepsCommunityVenues(user) && current.CoversRegion(venue.RegionCode);
    }

    private void RequireKeeper(Venue venue)
    {
        if (!IsKeeper(venue))
        {
            throw new ForbiddenException(ActivityText.Get("Venue_Forbidden"));
        }
    }

    private async Task ValidateAsync(VenueRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        if (request.MinMinutes > request.MaxMinutes)
        {
            throw InputValidationException.For("minMinutes", ActivityText.Get("Venue_MinMax"));
        }

        if (request.OwnerKind == VenueOwnerKind.Organization && request.OwnerOrganizationId is null)
        {
            throw InputValidationException.For("ownerOrganizationId", ActivityText.Get("Venue_OwnerRequired"));
        }

        if (request.OpeningHours is { } hours && (hours.Days.Count != 7 || hours.Days.Any(d => d is not null && d.Open >= d.Close)))
        {
            throw InputValidationException.For("openingHours", ActivityText.Get("Venue_Hours"));
        }

        if (await regions.FindAsync(request.RegionCode!, ct) is null)
        {
            throw InputValidationException.For("regionCode", ActivityText.Get("Venue_UnknownRegion"));
        }

        foreach (var f in request.Facilities ?? [])
        {
            if (TextRules.Check(f, 32, multiline: false, allowMarkup: false) is not null || f.Contains(','))
            {
                throw InputValidationException.For("facilities", ActivityText.Get("Venue_Facility"));
            }
        }
    }

    private static void Apply(Venue venue, VenueRequest r)
    {
        venue.Name = r.Name!.Trim();
        venue.OwnerKind = r.OwnerKind;
        venue.OwnerOrganizationId = r.OwnerKind == VenueOwnerKind.Organization ? r.OwnerOrganizationId : null;
        venue.RegionCode = r.RegionCode!;
        venue.Address = r.Address?.Trim() ?? "";
        venue.Latitude = r.Latitude;
        venue.Longitude = r.Longitude;
        venue.Capacity = r.Capacity;
        venue.Facilities = string.Join(',', (r.Facilities ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct());
        venue.OpeningHours = (r.OpeningHours ?? WeeklyHours.Default).ToJson();
        venue.FollowsWorkCalendar = r.FollowsWorkCalendar;
        venue.MinMinutes = r.MinMinutes;
        venue.MaxMinutes = r.MaxMinutes;
        venue.BufferMinutes = r.BufferMinutes;
        venue.Policy = r.Policy;
    }
}
