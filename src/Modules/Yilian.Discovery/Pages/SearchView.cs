using Yilian.Discovery.Features;
using Yilian.SharedKernel.Errors;

namespace Yilian.Discovery.Pages;

/// <summary>What the two search pages do with the query in their address: nothing when there is none, else the answer, or the
/// message for the box.</summary>
internal static class SearchView
{
    public static async Task<(SearchAnswer? Answer, string? Error)> RunAsync(Searches searches, string? q, string? kind)
    {
        if (q is null)
        {
            return (null, null);
        }

        try
        {
            return (await searches.SearchAsync(q, kind, kind is null ? null : Searches.MaxLimit, CancellationToken.None), null);
        }
        catch (InputValidationException e)
        {
            return (null, string.Join(" ", e.Errors.SelectMany(x => x.Value)));
        }
    }
}
