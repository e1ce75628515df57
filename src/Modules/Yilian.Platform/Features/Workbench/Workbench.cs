using Yilian.Platform.Contracts;
namespace Yilian.Platform.Features.Workbench;

/// <summary>The signed-in person's workbench: every module's to-dos, the ones waiting first (most pressing on top), then the clear ones.</summary>
internal sealed class Workbench(IEnumerable<IWorkbenchSource> sources)
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        // One after another: the sources share the request's DbContexts and their connections.
        foreach (var source in sources)
        {
            items.AddRange(await source.ItemsAsync(ct));
        }

        return [.. items.OrderByDescending(i => i.Count > 0).ThenByDescending(i => i.Count > 0 ? (int)i.Tone : 0)];
    }
}
