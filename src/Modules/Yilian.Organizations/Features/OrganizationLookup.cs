using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Organizations.Data;
namespace Yilian.Organizations.Features;

/// <summary>Platform's view of organizations (binding accounts to them), within the caller's scope.</summary>
internal sealed class OrganizationLookup(OrganizationsDbContext db) : IOrganizationLookup
{
    public Task<OrganizationRef?> FindAsync(Guid id, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new OrganizationRef(o.Id, o.Name, o.CreditCode, o.RegionCode, o.ContactPhone)).FirstOrDefaultAsync(ct);

    public Task<OrganizationRef?> FindByCreditCodeAsync(string creditCode, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.CreditCode == creditCode).Select(o => new OrganizationRef(o.Id, o.Name, o.CreditCode, o.RegionCode, o.ContactPhone)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    public async Task<IReadOnlyList<StaffRef>> StaffAsync(Guid organizationId, CancellationToken ct) =>
        [.. (await db.Staff.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.Name).ToListAsync(ct))
            .Select(m => new StaffRef(m.Id, m.OrganizationId, m.Name, m.Phone))];
}
