using System.Security.Cryptography;
using System.Text;

using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Contracts;
using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Activities.Features;

public sealed record FeedRequest(FeedKind? Kind, Guid? OwnerId);

public sealed record FeedDto(Guid Id, FeedKind Kind, string OwnerKey, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The subscription URL is returned once, at creation; only its hash is kept.</summary>
public sealed record CreatedFeed(Guid Id, FeedKind Kind, string Url);

/// <summary>
/// iCalendar (.ics) subscriptions per venue, organization and person, at a secret URL that a phone's
/// calendar polls. The owner lists and revokes them; a revoked or unknown token answers 404.
/// </summary>
internal sealed class CalendarFeeds(ActivitiesDbContext db, Venues venues, ICurrentUser user, IDataScopeProvider scope, TimeProvider clock) : ICalendarSubscriptions
{
    public const int HorizonDays = 180;

    public async Task<CreatedFeed> CreateAsync(FeedRequest request, string baseUrl, CancellationToken ct)
    {
        var userId = user.UserId ?? throw new ForbiddenException(ActivityText.Get("Feed_Forbidden"));
        var kind = request.Kind ?? throw InputValidationException.For("kind", ActivityText.Get("Feed_Kind"));
        string owner;
        switch (kind)
        {
            case FeedKind.Venue:
                var venue = await venues.LoadAsync(request.OwnerId ?? Guid.Empty, ct);
                if (!venues.MayKeep(venue))
                {
                    throw new ForbiddenException(ActivityText.Get("Feed_Forbidden"));
                }

                owner = venue.Id.ToString();
                break;
            case FeedKind.Organization:
                var org = request.OwnerId ?? Guid.Empty;
                var current = scope.Current;
                if (!(current.IsUnrestricted || current.Organizations.Contains(org) || ActivityPermissions.KeepsEverything(user)))
                {
                    throw new ForbiddenException(ActivityText.Get("Feed_Forbidden"));
                }

                owner = org.ToString();
                break;
            default:
                owner = userId;
                break;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new FeedToken { Id = Guid.CreateVersion7(), TokenHash = Hash(token), Kind = kind, OwnerKey = owner, OwnerUserId = userId, CreatedAt = clock.GetUtcNow() };
        db.FeedTokens.Add(feed);
        await db.SaveChangesAsync(ct);
        return new CreatedFeed(feed.Id, kind, $"{baseUrl.TrimEnd('/')}/ical/{token}.ics");
    }

    public async Task<string> CreatePersonalAsync(string baseUrl, CancellationToken ct) => (await CreateAsync(new FeedRequest(FeedKind.Person, null), baseUrl, ct)).Url;

    /// <summary>The caller's own subscriptions (the scope filter keeps them to their owner).</summary>
    public async Task<IReadOnlyList<FeedDto>> MineAsync(CancellationToken ct) =>
        await db.FeedTokens.AsNoTracking().OrderByDescending(f => f.CreatedAt)
            .Select(f => new FeedDto(f.Id, f.Kind, f.OwnerKey, f.CreatedAt, f.RevokedAt)).ToListAsync(ct);

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var feed = await db.FeedTokens.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("Feed", id);
        feed.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The .ics text for a token, or null when it is unknown or revoked. Called inside the system scope: the token is the permission.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var feed = await db.FeedTokens.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null)
        {
            return null;
        }

        var from = clock.GetUtcNow().AddDays(-30);
        var to = clock.GetUtcNow().AddDays(HorizonDays);
        var occurrences = db.Occurrences.AsNoTracking().Where(o => o.Start < to && o.End > from);
        var activities = db.Activities.AsNoTracking().Where(a => a.Status != ActivityStatus.Cancelled);
        switch (feed.Kind)
        {
            case FeedKind.Venue:
                var venueId = Guid.Parse(feed.OwnerKey);
                occurrences = occurrences.Where(o => o.VenueId == venueId);
                break;
            case FeedKind.Organization:
                var org = Guid.Parse(feed.OwnerKey);
                activities = activities.Where(a => a.OrganizationId == org);
                break;
            default:
                var person = PersonKeys.User(feed.OwnerKey);
                var booked = db.PersonBookings.Where(p => p.PersonKey == person).Select(p => p.OccurrenceId);
                occurrences = occurrences.Where(o => booked.Contains(o.Id));
                break;
        }

        var rows = await activities.Join(occurrences, a => a.Id, o => o.ActivityId, (a, o) => new { o.Id, a.Title, a.Description, o.Start, o.End, a.Status })
            .OrderBy(r => r.Start).Take(5000).ToListAsync(ct);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Yilian//Calendar//ZH" };
        calendar.AddProperty("X-WR-CALNAME", ActivityText.Get("Feed_Name"));
        foreach (var r in rows)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{r.Id}@yilian",
                Summary = r.Title,
                Description = r.Description,
                DtStart = new CalDateTime(r.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(r.End.UtcDateTime, "UTC"),
                Status = r.Status == ActivityStatus.Draft ? "TENTATIVE" : "CONFIRMED",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
