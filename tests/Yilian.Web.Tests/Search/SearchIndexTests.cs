using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Discovery.Data;
using Yilian.Discovery.Search;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Tests;
using Yilian.SharedKernel.Text;
using Yilian.Testing;

namespace Yilian.Web.Tests.Search;

/// <summary>
/// The stored index answers exactly what reading every document answers (decision 033), on every configured provider: random
/// documents written change by change (new, changed, removed, more than a block's worth sharing grams) and then rebuilt in bulk;
/// random queries typed as residents type them. All matches in the reference's order (exact name, name prefix, inside; newest
/// first), and for character queries the first five as well.
/// </summary>
public sealed class SearchIndexTests
{
    private const string KindA = "test-a";
    private const string KindB = "test-b";

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Index_Answers_Equal_Reading_Every_Document(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        await app.Services.GetRequiredService<SearchIndexing>().CatchUpAsync(CancellationToken.None);
        var random = new Random(20261205);
        var current = new Dictionary<(string Kind, string Id), SearchDocument>();
        SearchDocument Make(string id) => new(id, ChineseSamples.Document(random).Trim() is { Length: > 0 } name ? name : "服务",
            random.Next(3) == 0 ? "" : ChineseSamples.Document(random), "", "/x", random.Next(5) == 0 ? SearchAudience.Staff
                : SearchAudience.Public, DateTimeOffset.UtcNow);

        // Written as the indexer writes: batches of new documents, then changes and removals.
        for (var batch = 0; batch < 6; batch++)
        {
            var changes = Enumerable.Range(0, 250).Select(i => (Kind: i % 3 == 0 ? KindB : KindA, Id: $"d{batch}-{i}"))
                .Select(k => new IndexChange(k.Kind, k.Id, current[k] = Make(k.Id))).ToList();
            await WriteAsync(app, w => w.ApplyAsync(changes, null, CancellationToken.None));
        }

        var edits = current.Keys.OrderBy(_ => random.Next()).Take(200).ToList();
        var editChanges = edits.Select((k, i) =>
        {
            if (i % 4 == 0)
            {
                current.Remove(k);
                return new IndexChange(k.Kind, k.Id, null);
            }

            return new IndexChange(k.Kind, k.Id, current[k] = i % 4 == 1 ? current[k] with { Summary = "只改了说明" } : Make(k.Id));
        }).ToList();
        await WriteAsync(app, w => w.ApplyAsync(editChanges, null, CancellationToken.None));
        await CompareAsync(app, current, random, "written change by change");

        await WriteAsync(app, w => w.RebuildAsync(current.Select(c => (c.Key.Kind, c.Value)).ToAsyncEnumerable(), 0,
            CancellationToken.None));
        await CompareAsync(app, current, random, "rebuilt in bulk");
    }

    internal static async Task WriteAsync(YilianApp app, Func<SearchIndexWriter, Task<bool>> write)
    {
        // The background indexer may hold the cursor for a moment: the write is then simply tried again.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var scope = SystemScope.Begin(app.Services);
            if (await write(scope.ServiceProvider.GetRequiredService<SearchIndexWriter>()))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The index cursor stayed held.");
    }

    private static async Task CompareAsync(YilianApp app, Dictionary<(string Kind, string Id), SearchDocument> current, Random random,
        string phase)
    {
        await using var scope = SystemScope.Begin(app.Services);
        var engine = scope.ServiceProvider.GetRequiredService<SearchEngine>();
        var texts = current.Select(c => c.Value.Name).ToList();
        var found = 0;
        for (var q = 0; q < 250; q++)
        {
            var query = ChineseSamples.Query(random, texts);
            if (ChineseMatcher.Terms(query).Count == 0)
            {
                continue;
            }

            var audience = q % 2 == 0 ? SearchAudience.Public : SearchAudience.Staff;
            var all = await engine.SearchAsync(query, [KindA, KindB], audience, 10_000, CancellationToken.None);
            foreach (var kind in all)
            {
                var expected = await ReferenceAsync(scope.ServiceProvider, current, kind.Kind, query, audience);
                kind.Hits.Select(h => (h.SourceId, h.Place)).ShouldBe(expected, $"{phase}: {query} ({kind.Kind}, {audience})");
                found += expected.Count > 0 ? 1 : 0;
                // Typed in characters, or with no name equal to it (an exact name typed in pinyin is first only when it is
                // among the newest names the query begins, decision 033): the first five are the reference's too.
                if (!query.Any(char.IsAsciiLetter) || expected.All(e => e.Item2 != MatchPlace.Exact))
                {
                    var top = await engine.SearchAsync(query, [kind.Kind], audience, 5, CancellationToken.None);
                    top[0].Hits.Select(h => (h.SourceId, h.Place)).ShouldBe(expected.Take(5), $"{phase}, first five: {query}");
                    top[0].More.ShouldBe(expected.Count > 5, $"{phase}, more: {query} ({expected.Count} match)");
                }
            }
        }

        found.ShouldBeGreaterThan(200, "most random queries should find something");
    }

    /// <summary>The matching rules applied to every current document of the kind, ordered by place, then newest number first.</summary>
    private static async Task<List<(string, MatchPlace)>> ReferenceAsync(IServiceProvider services,
        Dictionary<(string Kind, string Id), SearchDocument> current, string kind, string query, SearchAudience audience)
    {
        var numbers = await services.GetRequiredService<DiscoveryDbContext>().SearchEntries.Where(e => e.Kind == kind)
            .ToDictionaryAsync(e => e.SourceId, e => e.Seq);
        return [.. current.Where(c => c.Key.Kind == kind && (audience == SearchAudience.Staff || c.Value.Audience == SearchAudience.Public))
            .Select(c => (c.Key.Id, Entry: SearchIndexWriter.EntryOf(kind, c.Value)))
            .Select(c => (c.Id, Place: SearchRanking.Rank(c.Entry.Name, c.Entry.Text, query), Seq: numbers[c.Id]))
            .Where(c => c.Place is not null).OrderBy(c => c.Place).ThenByDescending(c => c.Seq).Select(c => (c.Id, c.Place!.Value))];
    }
}
