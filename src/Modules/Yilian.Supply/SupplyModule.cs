using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;
using Yilian.Supply.Data;
using Yilian.Supply.Features;
using Yilian.Supply.Seeding;

namespace Yilian.Supply;

/// <summary>
/// Supply and demand (供需对接): the four lists — needs first — and, as they arrive, matching, the purchase of services as one
/// thread, and competitions with judges (issue 17).
/// </summary>
public static class SupplyModule
{
    public static IHostApplicationBuilder AddSupplyModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<SupplyDbContext>(SupplyDbContext.Module);
        builder.Services.AddScoped<Needs>();
        builder.Services.AddScoped<IWorkbenchSource, SupplyWorkbench>();
        builder.Services.AddScoped<ISeedStep, SupplySeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupplyApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Supply").MapNeedsEndpoints();
        return app;
    }
}
