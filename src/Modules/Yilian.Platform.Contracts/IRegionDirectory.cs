namespace Yilian.Platform.Contracts;

public sealed record RegionInfo(string Code, string Name, int Level, string? ParentCode);

/// <summary>Read-only view of the administrative tree for other modules.</summary>
public interface IRegionDirectory
{
    Task<RegionInfo?> FindAsync(string code, CancellationToken ct);

    Task<IReadOnlyList<RegionInfo>> CommunitiesAsync(CancellationToken ct);

    /// <summary>The regions that have communities below them (the streets a filter offers), in one query.</summary>
    Task<IReadOnlyList<RegionInfo>> StreetsAsync(CancellationToken ct);
}
