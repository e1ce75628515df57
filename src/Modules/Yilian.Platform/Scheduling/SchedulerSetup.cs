using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Quartz;

using Yilian.Platform.Features.Notifications;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Scheduling;

/// <summary>
/// One Quartz.NET scheduler for every module, with a persistent job store so that what is scheduled
/// survives restarts: PostgreSQL in production (qrtz_* tables in the application database), a separate
/// SQLite file beside the embedded database otherwise. Quartz creates its tables when they are missing.
/// </summary>
public static class SchedulerSetup
{
    public static IServiceCollection AddYilianScheduler(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        var name = config["Scheduler:Name"] is { Length: > 0 } configured ? configured : "yilian";
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = name;
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
                if (db.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(db.ConnectionString);
                    store.UseClustering(_ => { });
                }
                else
                {
                    store.UseSqlite($"Data Source={Path.Combine(db.DataDirectory, "scheduler.db")}");
                }
            });

            var dispatch = new JobKey("notification-dispatch", "platform");
            q.AddJob<OutboxDispatchJob>(j => j.WithIdentity(dispatch).StoreDurably());
            q.AddTrigger<OutboxDispatchJob>(t => t.ForJob(dispatch).WithIdentity("notification-dispatch", "platform")
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(config.GetValue("Notifications:DispatchSeconds", 15))).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>Sends the outbox's due messages; one run at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Jobs run outside any request: the system scope, entered before the DbContext is made.
        await using var scope = SystemScope.Begin(services);
        await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().DispatchAsync(200, cancellationToken);
    }
}
