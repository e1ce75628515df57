using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;

namespace Yilian.Organizations.Features;

public sealed record OrganizationListQuery(string? Q, OrganizationType? Type, OrganizationStatus? Status, string? Street, int? Page, int? PageSize);

public sealed record OrganizationDto(Guid Id, string Name, string CreditCode, OrganizationType Type, OrganizationStatus Status, string RegionCode,
    string? LegalRepresentative, string? Address, string? ContactPhone, DateTimeOffset CreatedAt);

/// <summary>Lists and opens organizations; the DbContext's scope filter decides what exists for the caller.</summary>
internal sealed class OrganizationQueries(OrganizationsDbContext db)
{
    public Task<PagedResult<OrganizationDto>> ListAsync(OrganizationListQuery q, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            query = query.Where(o => o.Name.Contains(term) || o.CreditCode == term.ToUpperInvariant());
        }

        if (q.Type is { } type)
        {
            query = query.Where(o => o.Type == type);
        }

        if (q.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (q.Street is { Length: 12 } street)
        {
            var prefix = street[..9];
            query = query.Where(o => o.RegionCode.StartsWith(prefix));
        }

        return query.OrderBy(o => o.Name).Select(ToDto).ToPagedAsync(PageRequest.Of(q.Page, q.PageSize), ct);
    }

    public async Task<OrganizationDto> GetAsync(Guid id, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(ToDto).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Organization", id);

    private static readonly System.Linq.Expressions.Expression<Func<Organization, OrganizationDto>> ToDto = o =>
        new OrganizationDto(o.Id, o.Name, o.CreditCode, o.Type, o.Status, o.RegionCode, o.LegalRepresentative, o.Address, o.ContactPhone, o.CreatedAt);
}
