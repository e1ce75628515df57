namespace Yilian.Activities.Contracts;

/// <param name="VolunteersNeeded">The sum of the activity's volunteer needs; 0 when it does not recruit.</param>
public sealed record ActivityBrief(
    Guid Id, string Title, bool Published, Guid OrganizationId, string RegionCode, int VolunteersNeeded, IReadOnlyDictionary<string, int> Needs,
    int MinimumAge, DateTimeOffset Start, DateTimeOffset End, string? VenueName, double? Latitude = null, double? Longitude = null);

/// <summary>One dated occurrence of an activity (a single activity has one; a recurring one has one per date).</summary>
public sealed record ActivityOccurrence(Guid Id, Guid ActivityId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A published activity's next occurrence as residents see it (the home page's "coming up").</summary>
public sealed record PublicActivityBrief(Guid ActivityId, string Title, DateTimeOffset Start, DateTimeOffset End, string? Place, bool Online);

/// <summary>Implemented by the Activities module: what volunteers can sign up for. Published activities are public.</summary>
public interface IActivityCatalog
{
    Task<ActivityBrief?> FindAsync(Guid activityId, CancellationToken ct);

    /// <summary>Several activities at once (published or not), in no particular order; unknown ids are left out.</summary>
    Task<IReadOnlyList<ActivityBrief>> FindManyAsync(IReadOnlyCollection<Guid> activityIds, CancellationToken ct);

    /// <summary>An organization's published or held activities that start in [from, to), latest first, at most 100 (what it can
    /// name as having delivered a contracted milestone).</summary>
    Task<IReadOnlyList<ActivityBrief>> OfOrganizationAsync(Guid organizationId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct);

    /// <summary>Published activities that recruit volunteers and start within the coming days.</summary>
    Task<IReadOnlyList<ActivityBrief>> RecruitingAsync(int days, CancellationToken ct);

    /// <summary>Published activities that recruit volunteers and start in [from, to), at most 5,000.</summary>
    Task<IReadOnlyList<ActivityBrief>> RecruitingBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The occurrences of a published activity in time order; empty for an unknown or unpublished one.</summary>
    Task<IReadOnlyList<ActivityOccurrence>> OccurrencesAsync(Guid activityId, CancellationToken ct);

    Task<ActivityOccurrence?> FindOccurrenceAsync(Guid occurrenceId, CancellationToken ct);

    /// <summary>The next occurrences of published activities within two weeks, soonest first, at most <paramref name="count"/>.</summary>
    Task<IReadOnlyList<PublicActivityBrief>> UpcomingPublicAsync(int count, CancellationToken ct);

    /// <summary>Occurrences of the given activities that start in [from, to), published or done (for availability and attendance statistics).</summary>
    Task<IReadOnlyList<ActivityOccurrence>> OccurrencesOfAsync(IReadOnlyCollection<Guid> activityIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
