using System.Security.Cryptography;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Platform.Seeding;

/// <summary>
/// Seed step 100 (after organizations): demo accounts in demo size, one per role, all sharing a password
/// that is either configured (<c>Demo:Password</c>) or generated once for this installation and shown on the
/// login page in demo mode. District size creates staff accounts with an unknown password instead.
/// </summary>
internal sealed class AccountSeedStep(PlatformDbContext db, UserManager<AppUser> users, IConfiguration config, TimeProvider clock) : ISeedStep
{
    public const string DemoPasswordSetting = "demo.password";
    public const string DistrictCode = "320571000000";

    private static readonly byte[] GuidBytes = [.. Enumerable.Range(0, 256).Select(b => (byte)b)];

    public int Order => 100;

    public string Name => "accounts";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size == SeedSize.Demo)
        {
            await SeedDemoAccountsAsync(context, ct);
        }
        else
        {
            await SeedStaffAsync(context, ct);
        }
    }

    private async Task SeedDemoAccountsAsync(SeedContext context, CancellationToken ct)
    {
        var password = await DemoPasswordAsync(ct);
        var orgA = context.Organizations.ElementAtOrDefault(0);
        var orgB = context.Organizations.ElementAtOrDefault(1);
        var community = context.Communities.FirstOrDefault() ?? "320571001001";
        var street = community[..9] + "000";
        var accounts = new (string User, string Name, string Role, ScopeKind Scope, string? Region, Guid? Org)[]
        {
            ("regulator", "王建国（民政局）", Roles.Regulator, ScopeKind.District, DistrictCode, null),
            ("operator", "李思源（平台运营）", Roles.PlatformOperator, ScopeKind.District, DistrictCode, null),
            ("orgadmin", $"陈晓燕（{orgA?.Name}）", Roles.OrgAdmin, ScopeKind.Organization, null, orgA?.Id),
            ("orgstaff", $"刘洋（{orgA?.Name}）", Roles.OrgStaff, ScopeKind.Organization, null, orgA?.Id),
            ("orgadmin2", $"赵敏（{orgB?.Name}）", Roles.OrgAdmin, ScopeKind.Organization, null, orgB?.Id),
            ("street", "周海涛（街道）", Roles.CommunityOfficer, ScopeKind.Street, street, null),
            ("officer", "吴静（社区）", Roles.CommunityOfficer, ScopeKind.Community, community, null),
            ("mentor", "孙立新（导师）", Roles.Mentor, ScopeKind.Self, null, null),
            ("volunteer", "马小慧（志愿者）", Roles.Volunteer, ScopeKind.Self, null, null),
            ("resident", "朱阿姨（居民）", Roles.Resident, ScopeKind.Self, null, null),
        };
        foreach (var a in accounts)
        {
            if (a.Scope == ScopeKind.Organization && a.Org is null)
            {
                continue;
            }

            if (await users.FindByNameAsync(a.User) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = a.User, DisplayName = a.Name, IsDemo = true, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = a.Role, Scope = a.Scope, RegionCode = a.Region, OrganizationId = a.Org });
            await db.SaveChangesAsync(ct);
        }

        if (config.GetValue("Demo:LivingDistrict", true))
        {
            await SeedDistrictVolunteersAsync(context, ct);
        }
    }

    /// <summary>Dozens of the district's volunteers besides the demo one, so activities fill, wait and get matched. They cannot sign in.</summary>
    private async Task SeedDistrictVolunteersAsync(SeedContext context, CancellationToken ct)
    {
        const int count = 36;
        var random = context.RandomFor(Name + ".volunteers");
        var unusable = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        for (var i = 1; i <= count; i++)
        {
            var userName = $"v{i:D3}";
            if (await users.FindByNameAsync(userName) is { } existing)
            {
                context.VolunteerAccounts.Add(new(existing.Id, userName, existing.DisplayName));
                continue;
            }

            var user = new AppUser
            {
                Id = new Guid(random.GetItems(GuidBytes, 16)).ToString(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = FakeChinese.PersonName(random), PasswordHash = unusable, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = Roles.Volunteer, Scope = ScopeKind.Self });
            context.VolunteerAccounts.Add(new(user.Id, userName, user.DisplayName));
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<string> DemoPasswordAsync(CancellationToken ct)
    {
        var stored = await db.Settings.FirstOrDefaultAsync(s => s.Key == DemoPasswordSetting, ct);
        if (stored is not null)
        {
            if (DemoPassword.Read(stored.Value) is { } kept)
            {
                return kept;
            }

            // Kept in clear by an older version: encrypt it where it lies.
            var clear = stored.Value;
            stored.Value = DemoPassword.Seal(clear);
            await db.SaveChangesAsync(ct);
            return clear;
        }

        var password = config["Demo:Password"];
        if (string.IsNullOrEmpty(password))
        {
            // Three classes and no dictionary word: passes the policy, differs per installation.
            password = "Yl-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant() + "-" + RandomNumberGenerator.GetInt32(10, 99);
        }

        // Encrypted with the personal-data key (kept outside the database), so neither the table nor the audit holds it in clear.
        db.Settings.Add(new Setting { Key = DemoPasswordSetting, Value = DemoPassword.Seal(password) });
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>Social workers (about 2,500 in the articles) spread over the organizations; they cannot log in until an admin resets their password.</summary>
    private async Task SeedStaffAsync(SeedContext context, CancellationToken ct)
    {
        var random = context.RandomFor(Name);
        var hasher = new PasswordHasher<AppUser>();
        var unusable = hasher.HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        const int staff = 2_500;
        var now = clock.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < staff; i++)
        {
            var org = context.Organizations[random.Next(context.Organizations.Count)];
            var userName = $"sw{i + 1:D5}";
            var user = new AppUser
            {
                Id = new Guid(random.GetItems(GuidBytes, 16)).ToString(),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = FakeChinese.PersonName(random),
                PasswordHash = unusable,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = Roles.OrgStaff, Scope = ScopeKind.Organization, OrganizationId = org.Id });
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        context.Logger.LogSeed("staff accounts", staff);
    }
}

internal static partial class SeedLog
{
    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Seeded {Count} {What}")]
    public static partial void LogSeed(this Microsoft.Extensions.Logging.ILogger logger, string what, int count);
}

/// <summary>The demo password at rest: sealed with the personal-data key, read back only to show it on the demo sign-in page.</summary>
internal static class DemoPassword
{
    private static Yilian.SharedKernel.Security.PersonalDataProtector Keys =>
        Yilian.SharedKernel.Security.PersonalDataProtector.Current
        ?? throw new InvalidOperationException("Personal-data keys are not loaded.");

    public static string Seal(string password) => Keys.Protect(password);

    /// <summary>The password, or null when the stored value is not sealed (an older installation's clear text).</summary>
    public static string? Read(string stored)
    {
        try
        {
            return Keys.Unprotect(stored);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
