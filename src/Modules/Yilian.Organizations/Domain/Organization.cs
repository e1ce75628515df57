using Yilian.SharedKernel.Data;

namespace Yilian.Organizations.Domain;

/// <summary>社会团体 / 基金会 / 社会服务机构 — the three legal forms registered by civil affairs.</summary>
public enum OrganizationType
{
    SocialGroup = 1,
    Foundation = 2,
    SocialServiceAgency = 3,
}

public enum OrganizationStatus
{
    Active = 1,
    Suspended = 2,
    Deregistered = 3,
}

/// <summary>A registered social organization. Scope: its community (and the street and district above) and its own staff.</summary>
internal sealed class Organization
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Unified social credit code, GB 32100, upper case.</summary>
    public string CreditCode { get; set; } = "";

    public OrganizationType Type { get; set; }

    public OrganizationStatus Status { get; set; } = OrganizationStatus.Active;

    /// <summary>Community (12-digit code) of the registered address.</summary>
    public string RegionCode { get; set; } = "";

    public string? LegalRepresentative { get; set; }

    public string? Address { get; set; }

    public string? ContactPhone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The idempotency effect key of the request that created it (<c>IIdempotentRequest</c>), so a retry finds it.</summary>
    public string? CreatedByRequest { get; set; }

    /// <summary>Recognised as a charitable organization (慈善组织认定).</summary>
    public bool IsCharity { get; set; }

    /// <summary>Holds the public-fundraising qualification (公开募捐资格).</summary>
    public bool HasPublicFundraising { get; set; }

    public string? RegistrationAuthority { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    /// <summary>Codes from the service-field dictionary (Platform), comma-separated.</summary>
    public string ServiceFieldCodes { get; set; } = "";

    public EvaluationGrade Grade { get; set; }

    public DateOnly? GradeAwardedOn { get; set; }

    /// <summary>An evaluation grade is valid for five years from the day it was awarded.</summary>
    public DateOnly? GradeValidUntil => GradeAwardedOn?.AddYears(5).AddDays(-1);

    public List<AnnualReport> AnnualReports { get; set; } = [];

    /// <summary>Streets and communities the organization serves, comma-separated 12-digit codes.</summary>
    public string ServiceAreaCodes { get; set; } = "";

    /// <summary>Map point of the address in GCJ-02, the coordinate system Chinese map services use.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

/// <summary>社会工作者职业水平证书: assistant (助理社会工作师), intermediate (社会工作师), senior (高级社会工作师).</summary>
public enum CertificateLevel
{
    None = 0,
    Assistant = 1,
    Intermediate = 2,
    Senior = 3,
}

/// <summary>A person working for an organization, with a social-worker certificate where held.</summary>
internal sealed class StaffMember : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Title { get; set; }

    public CertificateLevel Certificate { get; set; }

    public string? CertificateNumber { get; set; }

    [Yilian.SharedKernel.Security.Encrypted]
    public string? Phone { get; set; }
}

/// <summary>社会组织评估等级 1A–5A.</summary>
public enum EvaluationGrade
{
    None = 0,
    A1 = 1,
    A2 = 2,
    A3 = 3,
    A4 = 4,
    A5 = 5,
}

/// <summary>合格 / 基本合格 / 不合格.</summary>
public enum AnnualResult
{
    Qualified = 1,
    BasicallyQualified = 2,
    Unqualified = 3,
}

/// <summary>The annual report (年报) or annual inspection (年检) result of one year.</summary>
internal sealed class AnnualReport : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public int Year { get; set; }

    public AnnualResult Result { get; set; }
}

public enum ChangeStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A change to registration data proposed by an organization, applied only when the regulator approves.</summary>
internal sealed class RegistrationChange : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>JSON of the proposed registration fields.</summary>
    public string Proposed { get; set; } = "";

    public ChangeStatus Status { get; set; } = ChangeStatus.Pending;

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewComment { get; set; }
}
