using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Activities.Data;
using Yilian.Activities.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Activities.Features;

public sealed record PublicActivity(Guid ActivityId, Guid OccurrenceId, string Title, string Type, string? Description, string? TargetGroup, string RegionCode,
    DateTimeOffset Start, DateTimeOffset End, string? VenueName, string? VenueAddress, bool Online);

/// <summary>
/// What residents see: published activities only, from any organization. Publishing is the owner's
/// consent to show it, so this one read crosses scopes — in a DbContext made inside the system scope,
/// and filtered to published rows before anything leaves.
/// </summary>
internal sealed class PublicActivities(IServiceProvider services, TimeProvider clock)
{
    public const int MaxItems = 200;

    public async Task<IReadOnlyList<PublicActivity>> UpcomingAsync(string? community, int days, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<ActivitiesDbContext>();
        var now = clock.GetUtcNow();
        var until = now.AddDays(Math.Clamp(days, 1, 62));
        var activities = db.Activities.AsNoTracking().Where(a => a.Status == ActivityStatus.Published);
        if (community is { Length: 12 } && community.All(char.IsAsciiDigit))
        {
            var prefix = community.EndsWith("000", StringComparison.Ordinal) ? community[..9] : community;
            activities = activities.Where(a => a.RegionCode.StartsWith(prefix));
        }

        var rows = await (
                from a in activities
                join o in db.Occurrences on a.Id equals o.ActivityId
                where o.Start < until && o.End > now
                join v in db.Venues on o.VenueId equals v.Id into venues
                from v in venues.DefaultIfEmpty()
                orderby o.Start
                select new PublicActivity(a.Id, o.Id, a.Title, a.Type, a.Description, a.TargetGroup, a.RegionCode, o.Start, o.End,
                    v == null ? null : v.Name, v == null ? null : v.Address, a.Online))
            .Take(MaxItems).ToListAsync(ct);
        return rows;
    }
}
