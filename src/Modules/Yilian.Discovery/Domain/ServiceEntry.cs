using Yilian.SharedKernel.Data;

namespace Yilian.Discovery.Domain;

public enum ServiceStatus
{
    Listed = 0,
    Withdrawn = 1,
}

/// <summary>
/// A service residents can use (服务目录): what it is, for whom (a category), who provides it, where and when, how to apply and
/// whom to call. Kept by its organization or by the platform's operators; every listed one is public and found by search.
/// Belongs to its provider (who keeps it) and to the community it is in (whose officers see it).
/// </summary>
internal sealed class ServiceEntry : IOrganizationScoped, IRegionScoped
{
    public const int NameMax = 60;

    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The community (12 digits) or street (9 + 000) where it is.</summary>
    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>One of <see cref="ServiceCategories.All"/>.</summary>
    public string Category { get; set; } = "";

    /// <summary>The provider's name when it was last saved (the organization's public name).</summary>
    public string Provider { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>When it is open or held, in words (周一至周五 11:00–13:00).</summary>
    public string Hours { get; set; } = "";

    public string HowToApply { get; set; } = "";

    /// <summary>A public contact: the service point's phone, not a person's.</summary>
    public string Contact { get; set; } = "";

    /// <summary>Other words it should be found by (助餐, 老年食堂).</summary>
    public string Keywords { get; set; } = "";

    /// <summary>Where it is on the map (GCJ-02, as Amap shows it); optional.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public ServiceStatus Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public string? CreatedByRequest { get; set; }
}

/// <summary>The service catalogue's categories (for whom a service is), each with its words in DiscoveryText.</summary>
public static class ServiceCategories
{
    public static readonly IReadOnlyList<string> All =
        ["elderly", "children", "youth", "women", "disabled", "veterans", "families", "health", "legal", "employment", "environment",
            "community"];
}
