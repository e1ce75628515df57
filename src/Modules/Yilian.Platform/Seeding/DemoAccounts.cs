using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Platform.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Seeding;

public static class DemoAccounts
{
    public static Task<bool> HasUsersAsync(IServiceProvider services) =>
        SystemScope.WithAsync<PlatformDbContext, bool>(services, db => db.Users.AnyAsync());

    /// <summary>The demo accounts and their shared password, for the login page in demo mode.</summary>
    public static async Task<(string Password, List<(string UserName, string DisplayName)> Accounts)?> ListAsync(IServiceProvider services, IConfiguration config)
    {
        if (!config.GetValue<bool>("Demo:Enabled"))
        {
            return null;
        }

        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var password = await db.Settings.Where(s => s.Key == AccountSeedStep.DemoPasswordSetting).Select(s => s.Value).FirstOrDefaultAsync();
        var users = await db.Users.Where(u => u.IsDemo).OrderBy(u => u.CreatedAt).Select(u => new { u.UserName, u.DisplayName }).ToListAsync();
        var shown = password is null ? null : DemoPassword.Read(password) ?? password;
        return shown is null ? null : (shown, users.Select(u => (u.UserName!, u.DisplayName)).ToList());
    }
}
