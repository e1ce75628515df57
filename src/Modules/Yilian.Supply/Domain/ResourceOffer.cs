using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>
/// An offer on the resources list (资源清单): money, space, goods or skills that an organization, enterprise, venue or volunteer
/// team makes available, with when. Scoped to the region it is offered in; an organization's own offers are its own too.
/// </summary>
internal sealed class ResourceOffer : IRegionScoped, IOrganizationScoped
{
    public Guid Id { get; set; }

    public ResourceKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Who offers it, as they wish to be named (an organization, an enterprise, a venue, a volunteer team).</summary>
    public string Provider { get; set; } = "";

    public ProviderKind ProviderKind { get; set; }

    /// <summary>The organization offering it, when it is one on the platform (Guid.Empty otherwise).</summary>
    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    /// <summary>How much: an amount in yuan for money, otherwise words (两间活动室, 200 份).</summary>
    public string Quantity { get; set; } = "";

    public DateOnly? AvailableFrom { get; set; }

    public DateOnly? AvailableTo { get; set; }

    public bool Public { get; set; }

    public bool Withdrawn { get; set; }

    public string PostedBy { get; set; } = "";

    public DateTimeOffset PostedAt { get; set; }

    public string? CreatedByRequest { get; set; }
}

internal enum ResourceKind
{
    Money = 1,
    Space = 2,
    Goods = 3,
    Skills = 4,
}

internal enum ProviderKind
{
    Organization = 1,
    Enterprise = 2,
    Venue = 3,
    VolunteerTeam = 4,
}
