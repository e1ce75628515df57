using Quartz;

using Yilian.SharedKernel.Security;

namespace Yilian.Neighbours.Features;

/// <summary>Each morning: reminds posters whose ask or offer stands its last day tomorrow, and closes those past it.</summary>
[DisallowConcurrentExecution]
internal sealed class HelpSweepJob(IServiceProvider services) : IJob
{
    public static readonly JobKey Key = new("help-sweep", "neighbours");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await SystemScope.WithAsync<HelpPosts, (int, int)>(services, help => help.SweepAsync(cancellationToken));
}
