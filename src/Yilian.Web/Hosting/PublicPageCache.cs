using System.Globalization;

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Yilian.Platform.Features.Preferences;
using Yilian.SharedKernel.Data;

namespace Yilian.Web.Hosting;

/// <summary>
/// Output caching of the public pages (decision 022): anonymous GETs only (the default policy never stores a signed-in
/// caller's page or a response that sets a cookie), one copy per language, elderly mode and query string, for
/// <see cref="PublicPages.Seconds"/> seconds, dropped as soon as this instance saves a change to something they show.
/// </summary>
internal static class PublicPageCache
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PublicPages.Policy, b => b
            .Expire(TimeSpan.FromSeconds(PublicPages.Seconds))
            .Tag(PublicPages.Tag)
            .SetVaryByQuery("*")
            .VaryByValue(http => new("view", CultureInfo.CurrentUICulture.Name + (ElderlyMode.IsOn(http) ? "+elderly" : "")))));
        services.AddScoped<IInterceptor, PublicPagesInterceptor>();
        return services;
    }

    /// <summary>After a save that added, changed or removed a row public pages show (before or after the change), they are
    /// rendered afresh.</summary>
    private sealed class PublicPagesInterceptor(IOutputCacheStore store) : SaveChangesInterceptor
    {
        private bool changed;

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Note(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            EvictAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(
            SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await EvictAsync(cancellationToken);
            return result;
        }

        private void Note(DbContext? context)
        {
            changed |= context is not null && context.ChangeTracker.Entries().Any(e => e.Entity is IShownOnPublicPages shown
                && e.State switch
                {
                    EntityState.Added => shown.IsShownPublicly,
                    EntityState.Modified or EntityState.Deleted => shown.IsShownPublicly || WasShown(e.OriginalValues),
                    _ => false,
                });
        }

        private static bool WasShown(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues original) =>
            ((IShownOnPublicPages)original.ToObject()).IsShownPublicly;

        private async ValueTask EvictAsync(CancellationToken ct)
        {
            if (changed)
            {
                changed = false;
                await store.EvictByTagAsync(PublicPages.Tag, ct);
            }
        }
    }
}
