using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>
/// A service product on the projects list (项目清单, 品牌项目): what an organization offers to do, for whom, where, at what
/// price and how many places it can serve at once. Belongs to its organization (which keeps it) and to the organization's
/// community (whose officers see it); every listed one is on the public list and is a candidate when a need is matched.
/// </summary>
internal sealed class ServiceProject : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The organization's community (the data scope; where it serves is <see cref="AreaCodes"/>).</summary>
    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>A code of the service-field dictionary, as needs name theirs.</summary>
    public string ServiceField { get; set; } = "";

    public string TargetGroup { get; set; } = "";

    /// <summary>Streets (9 digits), communities (12) or the district (6) served, comma-separated; empty: the organization's own
    /// service area.</summary>
    public string AreaCodes { get; set; } = "";

    /// <summary>What one engagement usually costs, in yuan (a range: 0 to 0 when it is free).</summary>
    public decimal PriceFrom { get; set; }

    public decimal PriceTo { get; set; }

    /// <summary>How many places (communities, sites) it can serve at once.</summary>
    public int Capacity { get; set; }

    /// <summary>How many it serves now: kept by the organization, and by contracts as the purchase thread signs and ends them.</summary>
    public int Load { get; set; }

    public ServiceProjectStatus Status { get; set; }

    /// <summary>Ratings received (the evaluations list), kept with each rating so matching reads no ratings.</summary>
    public int RatingCount { get; set; }

    public int RatingSum { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? CreatedByRequest { get; set; }
}

internal enum ServiceProjectStatus
{
    Listed = 1,

    /// <summary>Taken off the list by its organization: no longer matched, its ratings kept.</summary>
    Withdrawn = 2,
}
