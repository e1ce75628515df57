using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Discovery.Data;
using Yilian.Discovery.Features;
using Yilian.Discovery.Map;
using Yilian.Discovery.Search;
using Yilian.Discovery.Seeding;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Discovery;

/// <summary>
/// Finding things (issue 18): the service catalogue residents use, and the one search box over everything the modules publish —
/// Chinese of any length, pinyin, initials, traditional characters — kept by following the audit trail (decisions 032, 033); and
/// the charity map of what is near a resident (decision 034).
/// </summary>
public static class DiscoveryModule
{
    public static IHostApplicationBuilder AddDiscoveryModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<DiscoveryDbContext>(DiscoveryDbContext.Module);
        builder.Services.AddScoped<Services>();
        builder.Services.AddScoped<Searches>();
        builder.Services.AddScoped<SearchEngine>();
        builder.Services.AddScoped<NearbyEngine>();
        builder.Services.AddScoped<Nearby>();
        builder.Services.AddScoped<SearchIndexWriter>();
        builder.Services.AddSingleton<SearchIndexing>();
        builder.Services.AddScoped<ISearchSource, ServiceSearchSource>();
        builder.Services.AddOptions<MapOptions>().Bind(builder.Configuration.GetSection("Discovery:Map"));
        builder.Services.AddOptions<SearchIndexOptions>().Bind(builder.Configuration.GetSection("Discovery:Search"));
        builder.Services.AddHostedService<SearchIndexerService>();
        builder.Services.AddScoped<ISeedStep, DiscoverySeedStep>();
        builder.Services.AddScoped(sp => new SearchScaleSeeder(sp.GetRequiredService<SearchIndexWriter>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Discovery").MapSearchesEndpoints().MapNearbyEndpoints().MapServicesEndpoints();
        return app;
    }
}
