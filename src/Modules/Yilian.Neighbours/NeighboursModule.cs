using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Quartz;

using Yilian.Neighbours.Data;
using Yilian.Neighbours.Features;
using Yilian.Neighbours.Seeding;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Neighbours;

/// <summary>
/// Neighbours helping neighbours (issue 18, 邻里帮帮): asks and offers on a community's board, shown with consent, contact shared
/// only when both agree, done when both say so, reported and moderated by the community's officer.
/// </summary>
public static class NeighboursModule
{
    public static IHostApplicationBuilder AddNeighboursModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<NeighboursDbContext>(NeighboursDbContext.Module);
        builder.Services.AddScoped<HelpPosts>();
        builder.Services.AddScoped<ISeedStep, NeighboursSeedStep>();
        builder.Services.AddScoped<IWorkbenchSource, NeighboursWorkbench>();
        var morning = builder.Configuration["Neighbours:SweepCron"] is { Length: > 0 } cron ? cron : "0 0 8 * * ?";
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<HelpSweepJob>(j => j.WithIdentity(HelpSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(HelpSweepJob.Key).WithIdentity("help-sweep-morning", "neighbours")
                .WithCronSchedule(morning, c => c.InTimeZone(ChinaTime.Zone)));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapNeighboursApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Neighbours").MapHelpPostsEndpoints();
        return app;
    }
}
