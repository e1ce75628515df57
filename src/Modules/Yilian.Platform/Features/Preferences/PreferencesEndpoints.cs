using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Features.Auth;
namespace Yilian.Platform.Features.Preferences;

/// <summary>The language and elderly-mode switches in every page's header.</summary>
internal static class PreferencesEndpoints
{
    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Preferences");
        feature.MapGet("/culture", SetCulture.Handle).ExcludeFromDescription();
        feature.MapGet("/elderly", ElderlyMode.Handle).ExcludeFromDescription();
        return app;
    }
}
