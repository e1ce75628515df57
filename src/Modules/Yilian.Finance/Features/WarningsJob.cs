using Quartz;

using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

/// <summary>Re-evaluates every warning rule over every organization's books, nightly.</summary>
[DisallowConcurrentExecution]
internal sealed class WarningsJob(IServiceProvider services) : IJob
{
    public static readonly JobKey Key = new("finance-warnings", "finance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await SystemScope.WithAsync<FinanceWarnings, int>(services, warnings => warnings.ReEvaluateAllAsync(cancellationToken));
}
