using Yilian.SharedKernel.Data;

namespace Yilian.Organizations.Domain;

public enum IncubatorKind
{
    /// <summary>The district's platform (孵化平台, e.g. a social-organization development centre).</summary>
    Platform = 1,

    /// <summary>A street social-work station acting as a branch (分平台).</summary>
    SubPlatform = 2,
}

[Unscoped("Incubators are listed for everyone in the back office; what they hold is scoped.")]
internal sealed class Incubator
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public IncubatorKind Kind { get; set; }

    /// <summary>The street a sub-platform serves; null for the district platform.</summary>
    public string? RegionCode { get; set; }
}

public enum IncubationStatus
{
    Active = 1,
    Graduated = 2,
}

/// <summary>An organization, or one of its projects, in an incubator, with its steward (专属管家) and mentors.</summary>
internal sealed class Incubation : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid IncubatorId { get; set; }

    public Guid OrganizationId { get; set; }

    public string OrganizationName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    /// <summary>Set when a single project is incubated rather than the whole organization.</summary>
    public Guid? ProjectId { get; set; }

    public string StewardUserId { get; set; } = "";

    public string StewardName { get; set; } = "";

    /// <summary>Comma-separated user names of the mentors.</summary>
    public string Mentors { get; set; } = "";

    public IncubationStatus Status { get; set; } = IncubationStatus.Active;

    public DateTimeOffset EnteredAt { get; set; }

    public DateTimeOffset? GraduatedAt { get; set; }

    public List<AdviceNote> Notes { get; set; } = [];
}

internal sealed class AdviceNote : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid IncubationId { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Author { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
