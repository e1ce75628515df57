using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Yilian.Discovery.Data;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Discovery.Search;

/// <summary>How the index follows changes (<c>Discovery:Search</c>).</summary>
public sealed class SearchIndexOptions
{
    /// <summary>How often the audit trail is looked at for new writes; a change is found within about twice this.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Audit entries read per step.</summary>
    public int Batch { get; set; } = 2000;
}

/// <summary>
/// Keeps the index up to date by following the audit trail (decision 033): every write of an entity a source watches is an audit
/// entry, sealed with a sequence moments after its commit, so entries past the cursor are exactly the writes not yet indexed.
/// The first time (no cursor) it builds everything from the sources' pages.
/// </summary>
internal sealed class SearchIndexing(IServiceScopeFactory scopes)
{
    /// <summary>One step: a full build when none was made, else the next audit entries; true when it found work.</summary>
    public Task<bool> StepAsync(int batch, CancellationToken ct) => SystemScope.RunAsync(scopes, async services =>
    {
        var db = services.GetRequiredService<DiscoveryDbContext>();
        var writer = services.GetRequiredService<SearchIndexWriter>();
        var sources = services.GetServices<ISearchSource>().ToList();
        var cursor = await db.SearchCursors.AsNoTracking().FirstOrDefaultAsync(c => c.Id == SearchCursor.TheOne, ct);
        if (cursor?.AuditSequence is not { } after)
        {
            var head = await db.AuditEntries.MaxAsync(e => e.Sequence, ct) ?? 0;
            return await writer.RebuildAsync(AllAsync(sources, ct), head, ct);
        }

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(batch)
            .Select(e => new { Sequence = e.Sequence!.Value, e.EntityType, e.EntityId }).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return false;
        }

        var changes = new List<IndexChange>();
        foreach (var written in entries.Where(e => e.EntityId is not null).GroupBy(e => e.EntityType))
        {
            var ids = written.Select(e => e.EntityId!).Distinct().ToList();
            foreach (var source in sources.Where(s => s.Watches.Contains(written.Key)))
            {
                var affected = await source.AffectedAsync(written.Key, ids, ct);
                changes.AddRange(affected.Select(a => new IndexChange(source.Kind, a.Key, a.Value)));
            }
        }

        return await writer.ApplyAsync(changes, entries[^1].Sequence, ct);
    });

    /// <summary>Steps until nothing is left (for a command, a test's wait, and the start).</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        while (await StepAsync(2000, ct))
        {
        }
    }

    private static async IAsyncEnumerable<(string Kind, SearchDocument Document)> AllAsync(IReadOnlyList<ISearchSource> sources,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var source in sources)
        {
            string? after = null;
            while (true)
            {
                var page = await source.PageAsync(after, 500, ct);
                foreach (var document in page)
                {
                    yield return (source.Kind, document);
                }

                if (page.Count < 500)
                {
                    break;
                }

                after = page[^1].SourceId;
            }
        }
    }
}

/// <summary>Runs <see cref="SearchIndexing"/> in the background, a step every poll.</summary>
internal sealed class SearchIndexerService(SearchIndexing indexing, IOptions<SearchIndexOptions> options,
    ILogger<SearchIndexerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.PollMilliseconds, 20, 10_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await indexing.StepAsync(options.Value.Batch, stoppingToken))
                {
                    await Task.Delay(pause, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Search indexing failed; will retry.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
