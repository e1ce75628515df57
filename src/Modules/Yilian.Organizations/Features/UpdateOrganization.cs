using System.ComponentModel.DataAnnotations;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Organizations.Features;

/// <summary>Profile fields change at once; registration fields (name, type, legal representative, authority, date) need the regulator.</summary>
public sealed class UpdateOrganizationRequest
{
    [SafeText(200), Label(typeof(OrgText), "Org_Address")]
    public string? Address { get; set; }

    [Mobile, Label(typeof(OrgText), "Org_ContactPhone")]
    public string? ContactPhone { get; set; }

    public List<string>? ServiceFields { get; set; }

    /// <summary>Street or community codes the organization serves.</summary>
    public List<string>? ServiceAreas { get; set; }

    /// <summary>GCJ-02 latitude of the address.</summary>
    [Range(3.0, 54.0), Label(typeof(OrgText), "Org_Latitude")]
    public double? Latitude { get; set; }

    [Range(73.0, 136.0), Label(typeof(OrgText), "Org_Longitude")]
    public double? Longitude { get; set; }

    [SafeText(200), Label(typeof(OrgText), "Org_Name")]
    public string? Name { get; set; }

    public OrganizationType? Type { get; set; }

    [SafeText(50), Label(typeof(OrgText), "Org_LegalRepresentative")]
    public string? LegalRepresentative { get; set; }

    [SafeText(100), Label(typeof(OrgText), "Org_RegistrationAuthority")]
    public string? RegistrationAuthority { get; set; }

    public DateOnly? RegisteredOn { get; set; }
}

public sealed record RegulatoryUpdateRequest(EvaluationGrade? Grade, DateOnly? GradeAwardedOn, OrganizationStatus? Status, bool? IsCharity, bool? HasPublicFundraising);

public sealed record AnnualReportRequest(AnnualResult? Result);

public sealed record ReviewRequest(string? Comment);

public sealed record ChangeDto(Guid Id, Guid OrganizationId, string OrganizationName, JsonElement Proposed, ChangeStatus Status, string RequestedBy, DateTimeOffset RequestedAt,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewComment);

internal sealed record RegistrationFields(string? Name, OrganizationType? Type, string? LegalRepresentative, string? RegistrationAuthority, DateOnly? RegisteredOn)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Any => Name is not null || Type is not null || LegalRepresentative is not null || RegistrationAuthority is not null || RegisteredOn is not null;
}

internal sealed class UpdateOrganization(OrganizationsDbContext db, ICurrentUser user, IRegionDirectory regions, IDictionaries dictionaries, TimeProvider clock)
{
    /// <summary>Returns the pending change's id when registration data went to review, else null.</summary>
    public async Task<Guid?> HandleAsync(Guid id, UpdateOrganizationRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Organization", id);
        if (!OrganizationPermissions.KeepsOrganizations(user))
        {
            throw new ForbiddenException(OrgText.Get("Edit_Forbidden"));
        }

        if (request.ServiceFields is { } fields)
        {
            var offered = (await dictionaries.ListAsync(DictionaryTypes.ServiceField, includeInactive: false, ct)).Select(f => f.Code).ToList();
            var kept = org.ServiceFieldCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
            // A retired field may stay on an organization that has it, but cannot be newly chosen.
            var unknown = fields.Where(f => !offered.Contains(f) && !kept.Contains(f)).ToList();
            if (unknown.Count > 0)
            {
                throw InputValidationException.For("serviceFields", OrgText.Get("Edit_UnknownField", string.Join(", ", unknown), string.Join(", ", offered)));
            }

            org.ServiceFieldCodes = string.Join(',', fields.Distinct());
        }

        if (request.ServiceAreas is { } areas)
        {
            foreach (var code in areas.Distinct())
            {
                var region = RegionCode.IsWellFormed(code) ? await regions.FindAsync(code, ct) : null;
                if (region is null || region.Level < 3)
                {
                    throw InputValidationException.For("serviceAreas", OrgText.Get("Edit_UnknownArea", code));
                }
            }

            org.ServiceAreaCodes = string.Join(',', areas.Distinct());
        }

        if ((request.Latitude is null) != (request.Longitude is null))
        {
            throw InputValidationException.For("latitude", OrgText.Get("Edit_MapPointPair"));
        }

        if (request.Latitude is { } lat)
        {
            org.Latitude = lat;
            org.Longitude = request.Longitude;
        }

        if (request.Address is not null)
        {
            org.Address = request.Address.Trim();
        }

        if (request.ContactPhone is not null)
        {
            org.ContactPhone = MobileNumber.TryNormalize(request.ContactPhone, out var phone) ? phone : null;
        }

        var registration = new RegistrationFields(request.Name?.Trim(), request.Type, request.LegalRepresentative?.Trim(), request.RegistrationAuthority?.Trim(), request.RegisteredOn);
        Guid? pending = null;
        if (registration.Any)
        {
            if (OrganizationPermissions.Regulates(user))
            {
                Apply(org, registration);
            }
            else
            {
                var change = new RegistrationChange
                {
                    Id = Guid.CreateVersion7(),
                    OrganizationId = org.Id,
                    RegionCode = org.RegionCode,
                    Proposed = JsonSerializer.Serialize(registration, Json),
                    RequestedBy = user.UserName ?? "system",
                    RequestedAt = clock.GetUtcNow(),
                };
                db.Changes.Add(change);
                pending = change.Id;
            }
        }

        await db.SaveChangesAsync(ct);
        return pending;
    }

    public async Task ReviewAsync(Guid changeId, bool approve, ReviewRequest request, CancellationToken ct)
    {
        if (!OrganizationPermissions.Regulates(user))
        {
            throw new ForbiddenException(OrgText.Get("Review_Forbidden"));
        }

        var change = await db.Changes.FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw new NotFoundException("RegistrationChange", changeId);
        if (change.Status != ChangeStatus.Pending)
        {
            throw OrganizationRules.ChangeAlreadyReviewed.Broken();
        }

        var comment = request.Comment?.Trim();
        if (comment is not null && TextRules.Check(comment, 1000, multiline: true, allowMarkup: true) is { } problem)
        {
            throw InputValidationException.For("comment", Yilian.SharedKernel.Resources.ValidationMessages.Format(problem, OrgText.Get("Review_Comment"), 1000));
        }

        if (approve)
        {
            var org = await db.Organizations.FirstAsync(o => o.Id == change.OrganizationId, ct);
            Apply(org, JsonSerializer.Deserialize<RegistrationFields>(change.Proposed, Json)!);
        }

        change.Status = approve ? ChangeStatus.Approved : ChangeStatus.Rejected;
        change.ReviewedBy = user.UserName;
        change.ReviewedAt = clock.GetUtcNow();
        change.ReviewComment = comment;
        await db.SaveChangesAsync(ct);
    }

    public async Task RegulateAsync(Guid id, RegulatoryUpdateRequest request, CancellationToken ct)
    {
        if (!OrganizationPermissions.Regulates(user))
        {
            throw new ForbiddenException(OrgText.Get("Review_Forbidden"));
        }

        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Organization", id);
        if (request.Grade is { } grade)
        {
            if (grade != EvaluationGrade.None && request.GradeAwardedOn is null)
            {
                throw InputValidationException.For("gradeAwardedOn", OrgText.Get("Grade_DateRequired"));
            }

            org.Grade = grade;
            org.GradeAwardedOn = grade == EvaluationGrade.None ? null : request.GradeAwardedOn;
        }

        org.Status = request.Status ?? org.Status;
        org.IsCharity = request.IsCharity ?? org.IsCharity;
        org.HasPublicFundraising = request.HasPublicFundraising ?? org.HasPublicFundraising;
        if (org.HasPublicFundraising && !org.IsCharity)
        {
            throw OrganizationRules.FundraisingNeedsCharityStatus.Broken();
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task RecordAnnualReportAsync(Guid id, int year, AnnualReportRequest request, CancellationToken ct)
    {
        if (!OrganizationPermissions.Regulates(user))
        {
            throw new ForbiddenException(OrgText.Get("Review_Forbidden"));
        }

        var thisYear = clock.GetUtcNow().Year;
        if (year < 1990 || year > thisYear || request.Result is null)
        {
            throw InputValidationException.For(request.Result is null ? "result" : "year", OrgText.Get("Annual_Invalid", thisYear));
        }

        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Organization", id);
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.OrganizationId == id && r.Year == year, ct);
        if (report is null)
        {
            db.AnnualReports.Add(new AnnualReport { Id = Guid.CreateVersion7(), OrganizationId = id, RegionCode = org.RegionCode, Year = year, Result = request.Result.Value });
        }
        else
        {
            report.Result = request.Result.Value;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ChangeDto>> ChangesAsync(ChangeStatus? status, CancellationToken ct)
    {
        var rows = await db.Changes.AsNoTracking().Where(c => status == null || c.Status == status).OrderByDescending(c => c.RequestedAt).Take(200)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c, o.Name }).ToListAsync(ct);
        return [.. rows.Select(r => new ChangeDto(r.c.Id, r.c.OrganizationId, r.Name, JsonDocument.Parse(r.c.Proposed).RootElement.Clone(), r.c.Status, r.c.RequestedBy, r.c.RequestedAt,
            r.c.ReviewedBy, r.c.ReviewedAt, r.c.ReviewComment))];
    }

    private static void Apply(Organization org, RegistrationFields f)
    {
        org.Name = f.Name ?? org.Name;
        org.Type = f.Type ?? org.Type;
        org.LegalRepresentative = f.LegalRepresentative ?? org.LegalRepresentative;
        org.RegistrationAuthority = f.RegistrationAuthority ?? org.RegistrationAuthority;
        org.RegisteredOn = f.RegisteredOn ?? org.RegisteredOn;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
