using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Resources;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Organizations.Features;

public sealed class RegisterOrganizationRequest
{
    [RequiredField, SafeText(200), Label(typeof(OrgText), "Org_Name")]
    public string? Name { get; set; }

    [RequiredField, CreditCode, Label(typeof(OrgText), "Org_CreditCode")]
    public string? CreditCode { get; set; }

    [RequiredField, Label(typeof(OrgText), "Org_Type")]
    public OrganizationType? Type { get; set; }

    [RequiredField, RegionCode, Label(typeof(OrgText), "Org_Region")]
    public string? RegionCode { get; set; }

    [SafeText(50), Label(typeof(OrgText), "Org_LegalRepresentative")]
    public string? LegalRepresentative { get; set; }

    [SafeText(200), Label(typeof(OrgText), "Org_Address")]
    public string? Address { get; set; }

    [Mobile, Label(typeof(OrgText), "Org_ContactPhone")]
    public string? ContactPhone { get; set; }
}

/// <summary>Registers an organization: valid credit code, a real community inside the caller's scope, no duplicate code.</summary>
internal sealed class RegisterOrganization(OrganizationsDbContext db, IRegionDirectory regions, IDataScopeProvider scope, TimeProvider clock,
    IIdempotentRequest idempotency)
{
    public async Task<Guid> HandleAsync(RegisterOrganizationRequest request, CancellationToken ct)
    {
        if (idempotency.EffectKey is { } effect
            && await db.Organizations.Where(o => o.CreatedByRequest == effect).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct) is { } made)
        {
            return made; // an earlier attempt of this request committed it, then died before answering
        }

        var organization = await BuildAsync(request, new HashSet<string>(), ct);
        organization.CreatedByRequest = idempotency.EffectKey;
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations raced past the check; the unique index decided.
            throw OrganizationRules.CreditCodeMustBeUnique.Broken(organization.CreditCode);
        }

        return organization.Id;
    }

    /// <summary>Validates a registration and returns the organization, unsaved; <paramref name="batch"/> holds codes already taken in the same import.</summary>
    public async Task<Organization> BuildAsync(RegisterOrganizationRequest request, ISet<string> batch, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        var code = Yilian.SharedKernel.Identifiers.CreditCode.Normalize(request.CreditCode!);
        var region = await regions.FindAsync(request.RegionCode!, ct);
        if (region is null || region.Level != (int)RegionLevel.Community || !scope.Current.CoversRegion(region.Code))
        {
            throw InputValidationException.For("regionCode", ValidationMessages.Format("UnknownRegion", OrgText.Get("Org_Region"), request.RegionCode));
        }

        await Rules.CheckAsync(new CreditCodeMustBeUnique(db, code), ct);
        if (!batch.Add(code))
        {
            throw OrganizationRules.CreditCodeMustBeUnique.BrokenWith(OrgText.Get("DuplicateCreditCodeInFile", code), null);
        }

        var organization = new Organization
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            CreditCode = code,
            Type = request.Type!.Value,
            RegionCode = region.Code,
            LegalRepresentative = request.LegalRepresentative?.Trim(),
            Address = request.Address?.Trim(),
            ContactPhone = MobileNumber.TryNormalize(request.ContactPhone, out var phone) ? phone : null,
            CreatedAt = clock.GetUtcNow(),
        };
        return organization;
    }
}

/// <summary>Checked over every organization, not only those in the caller's scope; the other's name is shown only when visible.</summary>
internal sealed class CreditCodeMustBeUnique(OrganizationsDbContext db, string code) : IAsyncBusinessRule
{
    private string? _visibleName;

    public bool IsConflict => true;

    public string Message => _visibleName is null ? OrgText.Get("DuplicateCreditCodeHidden", code) : OrgText.Get("DuplicateCreditCode", code, _visibleName);

    public async Task<bool> IsBrokenAsync(CancellationToken ct)
    {
        if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.CreditCode == code, ct))
        {
            return false;
        }

        _visibleName = await db.Organizations.Where(o => o.CreditCode == code).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return true;
    }
}
