using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Volunteers.Contracts;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Features;

namespace Yilian.Volunteers;

public static class VolunteersModule
{
    public static IHostApplicationBuilder AddVolunteersModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<VolunteersDbContext>(VolunteersDbContext.Module);
        builder.Services.AddScoped<Registration>();
        builder.Services.AddScoped<IWorkbenchSource, VolunteeringWorkbench>();
        builder.Services.AddScoped<Signups>();
        builder.Services.AddScoped<Points>();
        builder.Services.AddScoped<CheckIns>();
        builder.Services.AddScoped<AttendanceSheets>();
        builder.Services.AddScoped<AttendanceReviews>();
        builder.Services.AddScoped<ConfirmedHours>();
        builder.Services.AddScoped<VolunteerHours>();
        builder.Services.AddScoped<Certificates>();
        builder.Services.AddScoped<ActivityAccess>();
        builder.Services.AddScoped<Matches>();
        builder.Services.AddScoped<Profiles>();
        builder.Services.AddScoped<PhotoReports>();
        builder.Services.AddScoped<Ledgers>();
        builder.Services.AddScoped<PointsShop>();
        builder.Services.AddScoped<Teams>();
        builder.Services.AddScoped<TeamRoster>();
        builder.Services.AddSingleton<Matching.MatchPool>();
        builder.Services.AddHostedService<Matching.MatchPoolWarmer>();
        builder.Services.AddScoped(sp => new Seeding.VolunteerScaleSeeder(sp.GetRequiredService<VolunteersDbContext>()));
        builder.Services.Configure<MatchingOptions>(builder.Configuration.GetSection("Volunteers:Matching"));
        builder.Services.Configure<CheckInOptions>(builder.Configuration.GetSection("Volunteers:CheckIn"));
        builder.Services.Configure<PointsOptions>(builder.Configuration.GetSection("Volunteers:CheckIn"));
        builder.Services.Configure<PointsOptions>(builder.Configuration.GetSection("Volunteers:Points"));
        builder.Services.Configure<NoticeOptions>(builder.Configuration.GetSection("Volunteers:Notices"));
        builder.Services.AddScoped<VolunteerContacts>();
        builder.Services.AddScoped<IVolunteerContacts>(sp => sp.GetRequiredService<VolunteerContacts>());
        builder.Services.AddScoped<IActivityListener, ActivityCancellations>();
        builder.Services.AddScoped<IActivityServiceHours, ActivityServiceHours>();
        builder.Services.AddSingleton(_ => new CheckInCodes(
            (PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.")).DeriveKey("checkin-codes")));
        builder.Services.AddScoped<ISeedStep, VolunteerSeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Volunteers")
            .MapRegistrationEndpoints()
            .MapVolunteersEndpoints()
            .MapSignupsEndpoints()
            .MapPointsEndpoints()
            .MapTeamsEndpoints()
            .MapTeamRosterEndpoints()
            .MapPointsShopEndpoints()
            .MapLedgersEndpoints()
            .MapPhotoReportsEndpoints()
            .MapProfilesEndpoints()
            .MapMatchesEndpoints()
            .MapCheckInsEndpoints()
            .MapAttendanceSheetsEndpoints()
            .MapAttendanceReviewsEndpoints()
            .MapVolunteerHoursEndpoints()
            .MapCertificatesEndpoints();
        return app;
    }
}
