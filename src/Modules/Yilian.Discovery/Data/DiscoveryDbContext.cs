using Microsoft.EntityFrameworkCore;

using Yilian.Discovery.Domain;
using Yilian.Discovery.Map;
using Yilian.Discovery.Search;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Discovery.Data;

internal sealed class DiscoveryDbContext(DbContextOptions<DiscoveryDbContext> options, IDataScopeProvider scope)
    : YilianDbContext(options, scope)
{
    public const string Module = "Discovery";

    protected override string TablePrefix => "dis_";

    public DbSet<ServiceEntry> Services => Set<ServiceEntry>();

    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    public DbSet<PostingBlock> PostingBlocks => Set<PostingBlock>();

    public DbSet<SearchCursor> SearchCursors => Set<SearchCursor>();

    public DbSet<MapPoint> MapPoints => Set<MapPoint>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceEntry>(b =>
        {
            b.ToTable("dis_services");
            b.Property(x => x.Name).HasMaxLength(ServiceEntry.NameMax);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.Provider).HasMaxLength(100);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.RegionName).HasMaxLength(100);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.Hours).HasMaxLength(200);
            b.Property(x => x.HowToApply).HasMaxLength(1000);
            b.Property(x => x.Contact).HasMaxLength(100);
            b.Property(x => x.Summary).HasMaxLength(1000);
            b.Property(x => x.Keywords).HasMaxLength(200);
            b.Property(x => x.UpdatedBy).HasMaxLength(256);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => new { x.Category, x.Status });
            b.HasIndex(x => x.OrganizationId);
            b.HasIndex(x => new { x.RegionCode, x.UpdatedAt });
        });
        modelBuilder.Entity<SearchEntry>(b =>
        {
            b.ToTable("dis_search_entries");
            b.HasKey(x => x.Seq);
            b.Property(x => x.Seq).ValueGeneratedNever();
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.SourceId).HasMaxLength(64);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Text).HasMaxLength(600);
            b.Property(x => x.NameKey).HasMaxLength(200);
            b.Property(x => x.Summary).HasMaxLength(300);
            b.Property(x => x.Url).HasMaxLength(300);
            b.Property(x => x.TextHash).HasMaxLength(64);
            b.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique();
            b.HasIndex(x => new { x.Kind, x.NameKey });
        });
        modelBuilder.Entity<PostingBlock>(b =>
        {
            b.ToTable("dis_search_postings");
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Gram).HasMaxLength(8);
            b.HasKey(x => new { x.Kind, x.Gram, x.MinSeq });
            b.HasIndex(x => new { x.Kind, x.Gram }, "IX_dis_search_postings_Tails").HasFilter("\"Tail\"");
        });
        modelBuilder.Entity<MapPoint>(b =>
        {
            b.ToTable("dis_map_points");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.SourceId).HasMaxLength(64);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Summary).HasMaxLength(300);
            b.Property(x => x.Url).HasMaxLength(300);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique();
            b.HasIndex(x => x.RegionCode);
        });
        modelBuilder.Entity<SearchCursor>(b =>
        {
            b.ToTable("dis_search_cursor");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
