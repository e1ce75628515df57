using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yilian.SharedKernel.Security;

namespace Yilian.SharedKernel.Seeding;

/// <summary>Runs every module's seed steps in order as system work.</summary>
public sealed class Seeder(IServiceScopeFactory scopes, ILogger<Seeder> logger)
{
    public async Task RunAsync(SeedSize size, int seed, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var context = new SeedContext(size, seed, logger);
        foreach (var step in scope.ServiceProvider.GetServices<ISeedStep>().OrderBy(s => s.Order))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await step.RunAsync(context, ct);
            logger.LogInformation("Seed step {Step} done in {Elapsed}", step.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }
}
