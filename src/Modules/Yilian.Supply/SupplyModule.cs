using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;
using Yilian.Supply.Data;
using Yilian.Supply.Features;
using Yilian.Supply.Features.Matching;
using Yilian.Supply.Features.Reviewing;
using Yilian.Supply.Seeding;

namespace Yilian.Supply;

/// <summary>
/// Supply and demand (供需对接): the four lists (needs, resources, service projects, evaluations), matching both ways, and, as
/// they arrive, the purchase of services as one thread and competitions with judges (issue 17).
/// </summary>
public static class SupplyModule
{
    public static IHostApplicationBuilder AddSupplyModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<SupplyDbContext>(SupplyDbContext.Module);
        builder.Services.AddScoped<Needs>();
        builder.Services.AddScoped<NeedAttachments>();
        builder.Services.AddScoped<ServiceProjects>();
        builder.Services.AddScoped<Evaluations>();
        builder.Services.AddScoped<ResourceOffers>();
        builder.Services.AddScoped<Matches>();
        builder.Services.AddScoped<Panels>();
        builder.Services.AddScoped<Procurements>();
        builder.Services.AddScoped<Competitions>();
        builder.Services.AddOptions<MatchWeights>().Bind(builder.Configuration.GetSection("Supply:Matching")).ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IWorkbenchSource, SupplyWorkbench>();
        builder.Services.AddScoped<ISeedStep, SupplySeedStep>();
        builder.Services.AddScoped(sp => new SupplyScaleSeeder(sp.GetRequiredService<SupplyDbContext>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapSupplyApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Supply").MapNeedsEndpoints().MapNeedAttachmentsEndpoints().MapMatchesEndpoints().MapServiceProjectsEndpoints()
            .MapEvaluationsEndpoints().MapResourceOffersEndpoints()
            .MapProcurementsEndpoints().MapCompetitionsEndpoints();
        return app;
    }
}
