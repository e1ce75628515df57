using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Yilian.Volunteers.Features;

namespace Yilian.Volunteers.Matching;

/// <summary>
/// Loads the matching pool once the host has started, so the first organizer to ask for matches or a week's
/// proposal does not wait for 30,000 profiles to be read (about a second at that scale, several when cold).
/// Off with <c>Volunteers:Matching:WarmOnStart=false</c>.
/// </summary>
internal sealed partial class MatchPoolWarmer(MatchPool pool, IHostApplicationLifetime lifetime, IOptions<MatchingOptions> options, ILogger<MatchPoolWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmOnStart)
        {
            return;
        }

        // After start-up: requests come first, the pool loads while the host waits for them.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                await pool.GetAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // Warming is an optimization: the first request loads the pool itself.
                WarmFailed(log, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Matching pool could not be loaded at start-up; the first request will load it")]
    private static partial void WarmFailed(ILogger logger, Exception e);
}
