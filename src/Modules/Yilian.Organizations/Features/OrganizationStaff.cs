using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Organizations.Features;

public sealed class StaffRequest
{
    [RequiredField, SafeText(50), Label(typeof(OrgText), "Staff_Name")]
    public string? Name { get; set; }

    [SafeText(50), Label(typeof(OrgText), "Staff_Title")]
    public string? Title { get; set; }

    public CertificateLevel Certificate { get; set; }

    [SafeText(40), Label(typeof(OrgText), "Staff_CertificateNumber")]
    public string? CertificateNumber { get; set; }

    [Mobile, Label(typeof(OrgText), "Org_ContactPhone")]
    public string? Phone { get; set; }
}

/// <summary>Phone numbers are stored encrypted and shown masked.</summary>
public sealed record StaffDto(Guid Id, string Name, string? Title, CertificateLevel Certificate, string? CertificateNumber, string PhoneMasked);

/// <summary>The people of an organization and their social-worker certificates; kept by the organization itself or the platform.</summary>
internal sealed class OrganizationStaff(OrganizationsDbContext db, ICurrentUser user)
{
    public async Task<IReadOnlyList<StaffDto>> ListAsync(Guid organizationId, CancellationToken ct)
    {
        _ = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException("Organization", organizationId);
        var rows = await db.Staff.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderByDescending(m => m.Certificate).ThenBy(m => m.Name).ToListAsync(ct);
        return [.. rows.Select(m => new StaffDto(m.Id, m.Name, m.Title, m.Certificate, m.CertificateNumber, MobileNumber.Mask(m.Phone)))];
    }

    public async Task<Guid> AddAsync(Guid organizationId, StaffRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException("Organization", organizationId);
        RequireKeeper();
        if (request.Certificate != CertificateLevel.None && string.IsNullOrWhiteSpace(request.CertificateNumber))
        {
            throw InputValidationException.For("certificateNumber", OrgText.Get("Staff_NumberRequired"));
        }

        var member = new StaffMember
        {
            Id = Guid.CreateVersion7(), OrganizationId = org.Id, RegionCode = org.RegionCode, Name = request.Name!.Trim(), Title = request.Title?.Trim(),
            Certificate = request.Certificate, CertificateNumber = request.CertificateNumber?.Trim(),
            Phone = MobileNumber.TryNormalize(request.Phone, out var phone) ? phone : null,
        };
        db.Staff.Add(member);
        await db.SaveChangesAsync(ct);
        return member.Id;
    }

    public async Task RemoveAsync(Guid organizationId, Guid staffId, CancellationToken ct)
    {
        RequireKeeper();
        var member = await db.Staff.FirstOrDefaultAsync(m => m.Id == staffId && m.OrganizationId == organizationId, ct) ?? throw new NotFoundException("StaffMember", staffId);
        db.Staff.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    private void RequireKeeper()
    {
        if (!OrganizationPermissions.KeepsOrganizations(user))
        {
            throw new ForbiddenException(OrgText.Get("Edit_Forbidden"));
        }
    }
}
