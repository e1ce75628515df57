using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Organizations.Contracts;
using Yilian.Organizations.Data;
using Yilian.Organizations.Features;
using Yilian.Organizations.Seeding;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Organizations;

public static class OrganizationsModule
{
    public static IHostApplicationBuilder AddOrganizationsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<OrganizationsDbContext>(OrganizationsDbContext.Module);
        builder.Services.AddScoped<OrganizationQueries>();
        builder.Services.AddScoped<IWorkbenchSource, OrganizationsWorkbench>();
        builder.Services.AddScoped<ISearchSource, OrganizationSearchSource>();
        builder.Services.AddScoped<RegisterOrganization>();
        builder.Services.AddScoped<UpdateOrganization>();
        builder.Services.AddScoped<ImportOrganizations>();
        builder.Services.AddScoped<Incubations>();
        builder.Services.AddScoped<OrganizationStaff>();
        builder.Services.AddScoped<IOrganizationLookup, OrganizationLookup>();
        builder.Services.AddScoped<IOrganizationFacts, OrganizationFactsReader>();
        builder.Services.AddScoped<IIncubatorIntake, IncubatorIntake>();
        builder.Services.AddScoped<ISeedStep, OrganizationSeedStep>();
        builder.Services.AddScoped<ISeedStep, LivingOrganizationsSeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Organizations")
            .MapOrganizationQueriesEndpoints()
            .MapRegisterOrganizationEndpoints()
            .MapImportOrganizationsEndpoints()
            .MapOrganizationStaffEndpoints()
            .MapIncubationsEndpoints()
            .MapUpdateOrganizationEndpoints();
        return app;
    }
}
