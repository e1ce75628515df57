using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Activities.Contracts;
using Yilian.Activities.Data;
using Yilian.Activities.Features;
using Yilian.Activities.Seeding;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Activities;

public static class ActivitiesModule
{
    public static IHostApplicationBuilder AddActivitiesModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<ActivitiesDbContext>(ActivitiesDbContext.Module);
        builder.Services.AddScoped<Venues>();
        builder.Services.AddScoped<ActivityScheduler>();
        builder.Services.AddScoped<CalendarQueries>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddScoped<ICalendarSubscriptions>(sp => sp.GetRequiredService<CalendarFeeds>());
        builder.Services.AddScoped<ReminderPlanner>();
        builder.Services.AddScoped<PublicActivities>();
        builder.Services.AddScoped<IActivityCatalog, ActivityCatalog>();
        builder.Services.AddScoped<IEventBooking, EventBookings>();
        builder.Services.AddScoped<IPersonCalendar, PersonCalendar>();
        builder.Services.AddScoped<ActivityReminderJob>();
        builder.Services.AddScoped<ISeedStep, ActivitySeedStep>();
        builder.Services.AddScoped<ISearchSource, ActivitySearchSource>();
        builder.Services.AddScoped(sp => new CalendarScaleSeeder(sp.GetRequiredService<ActivitiesDbContext>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Activities")
            .MapVenuesEndpoints()
            .MapActivitySchedulerEndpoints()
            .MapCalendarFeedsEndpoints()
            .MapCalendarQueriesEndpoints()
            .MapPublicActivitiesEndpoints();
        return app;
    }
}
