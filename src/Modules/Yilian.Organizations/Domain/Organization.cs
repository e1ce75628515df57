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
}
