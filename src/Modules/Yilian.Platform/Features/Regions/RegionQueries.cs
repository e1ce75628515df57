using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;

namespace Yilian.Platform.Features.Regions;

public sealed record RegionDto(string Code, string Name, int Level, string? ParentCode, bool IsInvented, int ChildCount);

internal sealed class RegionQueries(PlatformDbContext db) : IRegionDirectory
{
    /// <summary>Children of a region, or the top of the tree when no parent is given.</summary>
    public async Task<IReadOnlyList<RegionDto>> ChildrenAsync(string? parent, CancellationToken ct)
    {
        var query = parent is null
            ? db.Regions.Where(r => r.ParentCode == null || !db.Regions.Any(p => p.Code == r.ParentCode))
            : db.Regions.Where(r => r.ParentCode == parent);
        return await query.OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, (int)r.Level, r.ParentCode, r.IsInvented, db.Regions.Count(c => c.ParentCode == r.Code)))
            .ToListAsync(ct);
    }

    public async Task<RegionDto?> GetAsync(string code, CancellationToken ct) =>
        await db.Regions.Where(r => r.Code == code)
            .Select(r => new RegionDto(r.Code, r.Name, (int)r.Level, r.ParentCode, r.IsInvented, db.Regions.Count(c => c.ParentCode == r.Code)))
            .FirstOrDefaultAsync(ct);

    public async Task<RegionInfo?> FindAsync(string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new RegionInfo(r.Code, r.Name, (int)r.Level, r.ParentCode)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<RegionInfo>> CommunitiesAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == SharedKernel.Identifiers.RegionLevel.Community).OrderBy(r => r.Code)
            .Select(r => new RegionInfo(r.Code, r.Name, (int)r.Level, r.ParentCode)).ToListAsync(ct);

    public async Task<IReadOnlyList<RegionInfo>> StreetsAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking()
            .Where(r => db.Regions.Any(c => c.ParentCode == r.Code && c.Level == SharedKernel.Identifiers.RegionLevel.Community))
            .OrderBy(r => r.Code)
            .Select(r => new RegionInfo(r.Code, r.Name, (int)r.Level, r.ParentCode)).ToListAsync(ct);
}
