using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;

namespace Yilian.Organizations.Features;

public sealed record OrganizationListQuery(string? Q, OrganizationType? Type, OrganizationStatus? Status, string? Street, string? Field, EvaluationGrade? Grade, int? Page, int? PageSize,
    OrganizationAttention? Attention = null);

/// <summary>What the regulator follows up (the workbench links here): see <see cref="AttentionRules"/>.</summary>
public enum OrganizationAttention
{
    /// <summary>Active, registered before last year ended, and no annual report (年报) for last year.</summary>
    AnnualReportMissing = 1,

    /// <summary>An evaluation grade that has expired or expires within 90 days.</summary>
    GradeExpiring = 2,
}

public sealed record OrganizationDto(Guid Id, string Name, string CreditCode, OrganizationType Type, OrganizationStatus Status, string RegionCode,
    string? LegalRepresentative, string? Address, string? ContactPhone, DateTimeOffset CreatedAt,
    bool IsCharity, bool HasPublicFundraising, string? RegistrationAuthority, DateOnly? RegisteredOn, string[] ServiceFields,
    EvaluationGrade Grade, DateOnly? GradeAwardedOn, DateOnly? GradeValidUntil, string[] ServiceAreas, double? Latitude, double? Longitude);

public sealed record AnnualReportDto(int Year, AnnualResult Result);

public sealed record OrganizationProfile(OrganizationDto Organization, IReadOnlyList<AnnualReportDto> AnnualReports, IReadOnlyList<ChangeDto> Changes, IReadOnlyList<StaffDto> Staff, OrganizationProjects Projects);

/// <summary>Lists and opens organizations; the DbContext's scope filter decides what exists for the caller.</summary>
internal sealed class OrganizationQueries(OrganizationsDbContext db, IOrganizationProjects projects, TimeProvider clock)
{
    public async Task<PagedResult<OrganizationDto>> ListAsync(OrganizationListQuery q, CancellationToken ct)
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

        if (q.Field is { Length: > 0 } field)
        {
            var pattern = field.Trim();
            query = query.Where(o => ("," + o.ServiceFieldCodes + ",").Contains("," + pattern + ","));
        }

        if (q.Grade is { } grade)
        {
            query = query.Where(o => o.Grade == grade);
        }

        if (q.Street is { Length: 12 } street)
        {
            var prefix = street[..9];
            query = query.Where(o => o.RegionCode.StartsWith(prefix));
        }

        if (q.Attention is { } attention)
        {
            query = query.Where(AttentionRules.For(attention, ChinaTime.Today(clock)));
        }

        var page = await query.OrderBy(o => o.Name).Select(ToRow).ToPagedAsync(PageRequest.Of(q.Page, q.PageSize), ct);
        return new PagedResult<OrganizationDto>([.. page.Items.Select(ToDto)], page.Total, page.Page, page.PageSize);
    }

    public async Task<OrganizationProfile> ProfileAsync(Guid id, UpdateOrganization changes, CancellationToken ct)
    {
        var organization = await GetAsync(id, ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.OrganizationId == id).OrderByDescending(r => r.Year)
            .Select(r => new AnnualReportDto(r.Year, r.Result)).ToListAsync(ct);
        var pending = (await changes.ChangesAsync(null, ct)).Where(c => c.OrganizationId == id).ToList();
        var staff = await db.Staff.AsNoTracking().Where(m => m.OrganizationId == id).OrderByDescending(m => m.Certificate).ThenBy(m => m.Name).ToListAsync(ct);
        return new OrganizationProfile(organization, reports, pending,
            [.. staff.Select(m => new StaffDto(m.Id, m.Name, m.Title, m.Certificate, m.CertificateNumber, Yilian.SharedKernel.Identifiers.MobileNumber.Mask(m.Phone)))],
            await projects.ForOrganizationAsync(id, ct));
    }

    /// <summary>Every organization in scope matching the filter, for export (at most 100,000 rows).</summary>
    public async Task<IReadOnlyList<OrganizationDto>> AllAsync(OrganizationListQuery q, CancellationToken ct)
    {
        var all = new List<OrganizationDto>();
        for (var number = 1; all.Count < 100_000; number++)
        {
            var page = await ListAsync(q with { Page = number, PageSize = PageRequest.MaxPageSize }, ct);
            all.AddRange(page.Items);
            if (page.Items.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }

        return all;
    }

    public async Task<OrganizationDto> GetAsync(Guid id, CancellationToken ct) =>
        ToDto(await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(ToRow).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Organization", id));

    private static readonly System.Linq.Expressions.Expression<Func<Organization, Organization>> ToRow = o => new Organization
    {
        Id = o.Id, Name = o.Name, CreditCode = o.CreditCode, Type = o.Type, Status = o.Status, RegionCode = o.RegionCode, LegalRepresentative = o.LegalRepresentative,
        Address = o.Address, ContactPhone = o.ContactPhone, CreatedAt = o.CreatedAt, IsCharity = o.IsCharity, HasPublicFundraising = o.HasPublicFundraising,
        RegistrationAuthority = o.RegistrationAuthority, RegisteredOn = o.RegisteredOn, ServiceFieldCodes = o.ServiceFieldCodes, Grade = o.Grade, GradeAwardedOn = o.GradeAwardedOn,
        ServiceAreaCodes = o.ServiceAreaCodes, Latitude = o.Latitude, Longitude = o.Longitude,
    };

    private static OrganizationDto ToDto(Organization o) =>
        new(o.Id, o.Name, o.CreditCode, o.Type, o.Status, o.RegionCode, o.LegalRepresentative, o.Address, o.ContactPhone, o.CreatedAt,
            o.IsCharity, o.HasPublicFundraising, o.RegistrationAuthority, o.RegisteredOn,
            o.ServiceFieldCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), o.Grade, o.GradeAwardedOn, o.GradeValidUntil,
            o.ServiceAreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), o.Latitude, o.Longitude);
}
