namespace Yilian.Platform.Contracts;

/// <param name="VolunteersNeeded">The sum of the activity's volunteer needs; 0 when it does not recruit.</param>
public sealed record ActivityBrief(
    Guid Id, string Title, bool Published, Guid OrganizationId, string RegionCode, int VolunteersNeeded, IReadOnlyDictionary<string, int> Needs,
    int MinimumAge, DateTimeOffset Start, DateTimeOffset End, string? VenueName);

/// <summary>Implemented by the Activities module: what volunteers can sign up for. Published activities are public.</summary>
public interface IActivityCatalog
{
    Task<ActivityBrief?> FindAsync(Guid activityId, CancellationToken ct);

    /// <summary>Published activities that recruit volunteers and start within the coming days.</summary>
    Task<IReadOnlyList<ActivityBrief>> RecruitingAsync(int days, CancellationToken ct);
}
