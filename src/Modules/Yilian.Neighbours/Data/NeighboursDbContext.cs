using Microsoft.EntityFrameworkCore;

using Yilian.Neighbours.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Neighbours.Data;

internal sealed class NeighboursDbContext(DbContextOptions<NeighboursDbContext> options, IDataScopeProvider scope)
    : YilianDbContext(options, scope)
{
    public const string Module = "Neighbours";

    protected override string TablePrefix => "nb_";

    public DbSet<HelpPost> Posts => Set<HelpPost>();

    public DbSet<HelpResponse> Responses => Set<HelpResponse>();

    public DbSet<HelpReport> Reports => Set<HelpReport>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HelpPost>(b =>
        {
            b.ToTable("nb_help_posts");
            b.Property(x => x.OwnerUserId).HasMaxLength(64);
            b.Property(x => x.ShownName).HasMaxLength(20);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.Title).HasMaxLength(HelpPost.TitleMax);
            b.Property(x => x.Details).HasMaxLength(HelpPost.DetailsMax);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.RegionName).HasMaxLength(100);
            b.Property(x => x.When).HasMaxLength(40);
            b.Property(x => x.Contact).HasMaxLength(200);
            b.Property(x => x.WithdrawReason).HasMaxLength(HelpReport.ReasonMax);
            b.Property(x => x.RemovedReason).HasMaxLength(HelpReport.ReasonMax);

            // Two decisions at once (two accepts, an accept and a withdrawal): the second finds the status moved and is refused.
            b.Property(x => x.Status).IsConcurrencyToken();
            b.Ignore(x => x.IsOpen);
            b.HasIndex(x => new { x.Status, x.RegionCode, x.CreatedAt });
            b.HasIndex(x => x.OwnerUserId);
        });
        modelBuilder.Entity<HelpResponse>(b =>
        {
            b.ToTable("nb_help_responses");
            b.Property(x => x.OwnerUserId).HasMaxLength(64);
            b.Property(x => x.ShownName).HasMaxLength(20);
            b.Property(x => x.Message).HasMaxLength(HelpResponse.MessageMax);
            b.Property(x => x.Contact).HasMaxLength(200);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.WithdrawReason).HasMaxLength(HelpReport.ReasonMax);
            b.Property(x => x.Status).IsConcurrencyToken();
            b.HasIndex(x => new { x.PostId, x.OwnerUserId });
            b.HasIndex(x => x.OwnerUserId);
        });
        modelBuilder.Entity<HelpReport>(b =>
        {
            b.ToTable("nb_help_reports");
            b.Property(x => x.ReporterUserId).HasMaxLength(64);
            b.Property(x => x.Reason).HasMaxLength(HelpReport.ReasonMax);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Decision).HasMaxLength(HelpReport.ReasonMax);
            b.Property(x => x.DecidedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.Status, x.RegionCode });
            b.HasIndex(x => x.PostId);
        });
    }
}
