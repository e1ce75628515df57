using Microsoft.Extensions.Caching.Memory;

namespace Yilian.Projects.Features;

/// <summary>
/// The unfiltered board of each scope, kept until any project changes. A board counts every project in scope (100,000 in a
/// district) and reads seven columns; while nothing has changed, the stamp check is one primary-key read. Each entry
/// remembers the change stamp read <em>before</em> it was built, so a write that lands while it is being built can only
/// make it look stale, never fresh. The key holds the caller's scope signature: an entry is shared only by callers who
/// see the same projects. Decision 022.
/// </summary>
internal sealed class BoardCache(IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions Kept = new() { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 };

    public IReadOnlyList<BoardColumn>? Find(string key, Guid stamp) =>
        cache.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp ? entry.Columns : null;

    public void Keep(string key, Guid stamp, IReadOnlyList<BoardColumn> columns) => cache.Set(key, new Entry(stamp, columns), Kept);

    public static string Key(string scope, Guid? organizationId, int workflowId) => $"prj-board:{workflowId}:{organizationId}:{scope}";

    private sealed record Entry(Guid Stamp, IReadOnlyList<BoardColumn> Columns);
}
