using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

/// <summary>
/// Accounts made before sign-in by phone existed had the mobile number as their user name, in clear. After Platform's
/// migrations, each such account gets the number's blind index and a generated handle as its name, and its sessions
/// follow. It needs the personal-data key, so it is code, not SQL; it runs at every start and finds nothing to do once done.
/// Audit entries written before stay as sealed (the chain forbids rewriting them).
/// </summary>
internal sealed class PhoneUserNames : IModuleMigrator
{
    public string Module => "Platform (sign-in by phone)";

    public async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var suspects = await db.Users.Include(u => u.Assignments)
            .Where(u => u.PhoneIndex == null && u.UserName!.Length == 11 && EF.Functions.Like(u.UserName, "1%")).ToListAsync(ct);
        var changed = 0;
        foreach (var user in suspects.Where(u => MobileNumber.TryNormalize(u.UserName, out _)))
        {
            user.PhoneIndex = PhoneLogins.IndexOf(user.UserName);
            var role = user.Assignments.Select(a => a.Role).FirstOrDefault(r => r is Roles.Volunteer or Roles.Resident) ?? "";
            user.UserName = PhoneLogins.NewHandle(role);
            user.NormalizedUserName = user.UserName.ToUpperInvariant();
            var handle = user.UserName;
            await db.Sessions.Where(s => s.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UserName, handle), ct);
            changed++;
        }

        await db.SaveChangesAsync(ct);
        if (changed > 0)
        {
            var log = scope.ServiceProvider.GetRequiredService<ILogger<PhoneUserNames>>();
            log.LogWarning("{Count} accounts had a mobile number as their user name; they now sign in by it, named by a handle", changed);
        }
    }

    public Task<bool> CanConnectAsync(IServiceProvider services, CancellationToken ct) => Task.FromResult(true);
}
