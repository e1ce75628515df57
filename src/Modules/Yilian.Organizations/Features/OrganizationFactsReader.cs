using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Contracts;
using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.SharedKernel.Security;

namespace Yilian.Organizations.Features;

/// <summary>The published facts of organizations, district-wide, for matching (see <see cref="IOrganizationFacts"/>).</summary>
internal sealed class OrganizationFactsReader(IServiceScopeFactory scopes) : IOrganizationFacts
{
    public async Task<IReadOnlyDictionary<Guid, OrganizationFacts>> PublicFactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, OrganizationFacts>();
        }

        // Published facts only (no contacts, no people): read past the caller's scope on purpose (the interface says why).
        await using var system = SystemScope.Begin(scopes);
        var db = system.ServiceProvider.GetRequiredService<OrganizationsDbContext>();
        // One array parameter (json_each on SQLite, an array on PostgreSQL), not thousands of scalar ones.
        var rows = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.RegionCode, o.Status, o.Grade, o.ServiceAreaCodes, o.Latitude, o.Longitude })
            .ToListAsync(ct);
        var statusNames = Enum.GetValues<OrganizationStatus>().ToDictionary(s => s, s => OrgText.Get("Status_" + s));
        return rows.ToDictionary(o => o.Id, o => new OrganizationFacts(
            o.Id, o.Name, o.RegionCode, o.Status == OrganizationStatus.Active, statusNames[o.Status], (int)o.Grade,
            o.ServiceAreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), o.Latitude,
            o.Longitude));
    }

    public async Task<IReadOnlyList<Guid>> MentoredByAsync(string userName, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var db = system.ServiceProvider.GetRequiredService<OrganizationsDbContext>();
        var rows = await db.Incubations.AsNoTracking().Where(i => i.Mentors.Contains(userName)).Select(i => new { i.OrganizationId,
            i.Mentors })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Mentors.Split(',', StringSplitOptions.TrimEntries).Contains(userName)).Select(r => r.OrganizationId)
            .Distinct()];
    }
}
