using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Data;

internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, IDataScopeProvider scope)
    : YilianDbContext(options, scope)
{
    public const string Module = "Platform";

    protected override string TablePrefix => "platform_";

    protected override bool OwnsAuditTable => true;

    public DbSet<AppUser> Users => Set<AppUser>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<DictionaryItem> DictionaryItems => Set<DictionaryItem>();

    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        // The Identity mapping of IdentityUserContext, with our table names: the stores need only these sets.
        modelBuilder.Entity<AppUser>(b =>
        {
            b.ToTable("platform_users");
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail);
            b.Property(u => u.Id).HasMaxLength(64);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.PhoneIndex).HasMaxLength(64);
            b.HasIndex(u => u.PhoneIndex).IsUnique();
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.HasMany(u => u.Assignments).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<IdentityUserClaim<string>>(b =>
        {
            b.ToTable("platform_user_claims");
            b.HasKey(c => c.Id);
            b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.ToTable("platform_user_logins");
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
            b.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).IsRequired();
        });
        modelBuilder.Entity<IdentityUserToken<string>>(b =>
        {
            b.ToTable("platform_user_tokens");
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
            b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).IsRequired();
        });

        modelBuilder.Entity<RoleAssignment>(b =>
        {
            b.ToTable("platform_role_assignments");
            b.Property(a => a.Role).HasMaxLength(32);
            b.Property(a => a.RegionCode).HasMaxLength(12);
            b.Property(a => a.Scope).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(a => a.UserId);
        });
        modelBuilder.Entity<Region>(b =>
        {
            b.ToTable("platform_regions");
            b.HasKey(r => r.Code);
            b.Property(r => r.Code).HasMaxLength(12);
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.ParentCode).HasMaxLength(12);
            b.HasIndex(r => r.ParentCode);
        });
        modelBuilder.Entity<UserSession>(b =>
        {
            b.ToTable("platform_sessions");
            b.Property(s => s.UserId).HasMaxLength(64);
            b.Property(s => s.UserName).HasMaxLength(256);
            b.Property(s => s.Kind).HasMaxLength(16);
            b.Property(s => s.IpAddress).HasMaxLength(64);
            b.Property(s => s.UserAgent).HasMaxLength(400);
            b.Property(s => s.EndedBy).HasMaxLength(256);
            b.HasIndex(s => new { s.EndedAt, s.LastSeenAt });
        });
        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("platform_idempotency");
            b.HasKey(r => new { r.UserId, r.Key });
            b.Property(r => r.UserId).HasMaxLength(64);
            b.Property(r => r.Key).HasMaxLength(100);
            b.Property(r => r.Endpoint).HasMaxLength(300);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.ResponseContentType).HasMaxLength(100);
            b.Property(r => r.Location).HasMaxLength(300);
            b.HasIndex(r => r.CreatedAt);
        });
        modelBuilder.Entity<Setting>(b =>
        {
            b.ToTable("platform_settings");
            b.HasKey(s => s.Key);
            b.Property(s => s.Key).HasMaxLength(100);
            b.Property(s => s.Value).HasMaxLength(4000);
        });
        modelBuilder.Entity<DictionaryItem>(b =>
        {
            b.ToTable("platform_dictionary_items");
            b.HasKey(i => new { i.Type, i.Code });
            b.Property(i => i.Type).HasMaxLength(32);
            b.Property(i => i.Code).HasMaxLength(32);
            b.Property(i => i.NameZh).HasMaxLength(50);
            b.Property(i => i.NameEn).HasMaxLength(50);
            b.HasData(DefaultDictionaries.Items);
        });
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("platform_notifications");
            b.Property(n => n.OwnerUserId).HasMaxLength(64);
            b.Property(n => n.RecipientKey).HasMaxLength(80);
            b.Property(n => n.Channel).HasMaxLength(16);
            b.Property(n => n.Address).HasMaxLength(200);
            b.Property(n => n.Title).HasMaxLength(100);
            b.Property(n => n.Body).HasMaxLength(1000);
            b.Property(n => n.Link).HasMaxLength(300);
            b.Property(n => n.DedupKey).HasMaxLength(200);
            b.Property(n => n.LastError).HasMaxLength(400);
            b.HasIndex(n => n.DedupKey).IsUnique();
            b.HasIndex(n => new { n.SentAt, n.CreatedAt });
            b.HasIndex(n => new { n.OwnerUserId, n.CreatedAt });
        });
    }
}
