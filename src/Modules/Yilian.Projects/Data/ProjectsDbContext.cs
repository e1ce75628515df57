using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Data;

internal sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options, IDataScopeProvider scope) : YilianDbContext(options, scope)
{
    public const string Module = "Projects";

    protected override string TablePrefix => "prj_";

    public DbSet<Workflow> Workflows => Set<Workflow>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<ProjectDocument> Documents => Set<ProjectDocument>();

    public DbSet<TimelineEvent> Timeline => Set<TimelineEvent>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<ProjectsChangeStamp> ChangeStamp => Set<ProjectsChangeStamp>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampIfProjectsChanged();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampIfProjectsChanged();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A save that adds, changes or removes a project also replaces the change stamp, in the same transaction.</summary>
    private void StampIfProjectsChanged()
    {
        ChangeTracker.DetectChanges();
        if (!ChangeTracker.Entries<Project>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return;
        }

        var stamp = ChangeTracker.Entries<ProjectsChangeStamp>().FirstOrDefault()?.Entity;
        if (stamp is null)
        {
            stamp = new ProjectsChangeStamp { Id = ProjectsChangeStamp.RowId };
            Attach(stamp);
        }

        stamp.Value = Guid.NewGuid();
        Entry(stamp).Property(s => s.Value).IsModified = true;
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Workflow>(b =>
        {
            b.ToTable("prj_workflows");
            b.HasIndex(w => w.Version).IsUnique();
            b.Property(w => w.PublishedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<Project>(b =>
        {
            b.ToTable("prj_projects");
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.OrganizationName).HasMaxLength(200);
            b.Property(p => p.Summary).HasMaxLength(2000);
            b.Property(p => p.RegionCode).HasMaxLength(12);
            b.Property(p => p.ServiceFields).HasMaxLength(400);
            b.Property(p => p.TargetGroups).HasMaxLength(400);
            b.Property(p => p.FundingSource).HasMaxLength(100);
            b.Property(p => p.FundingAmount).HasPrecision(14, 2);
            b.Property(p => p.CommunityRating).HasPrecision(3, 2);
            b.Property(p => p.Stage).HasMaxLength(32);
            b.Property(p => p.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(p => p.CreatedByRequest).IsUnique();
            // The board: newest cards per stage walk this index and stop after 20 rows…
            b.HasIndex(p => new { p.Stage, p.StageChangedAt });
            // …and the per-stage totals are counted from this one without touching the table.
            b.HasIndex(p => new { p.Stage, p.RegionCode, p.OrganizationId });
            b.HasIndex(p => p.OrganizationId);
            b.HasIndex(p => p.RegionCode);
            b.HasOne<Workflow>().WithMany().HasForeignKey(p => p.WorkflowId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Indicator>(b =>
        {
            b.ToTable("prj_indicators");
            b.Property(i => i.Name).HasMaxLength(200);
            b.Property(i => i.Unit).HasMaxLength(20);
            b.Property(i => i.RegionCode).HasMaxLength(12);
            b.Property(i => i.Target).HasPrecision(14, 2);
            b.Property(i => i.Actual).HasPrecision(14, 2);
        });
        modelBuilder.Entity<ProjectDocument>(b =>
        {
            b.ToTable("prj_documents");
            b.Property(d => d.DocumentType).HasMaxLength(32);
            b.Property(d => d.FileName).HasMaxLength(200);
            b.Property(d => d.ContentType).HasMaxLength(100);
            b.Property(d => d.Sha256).HasMaxLength(64);
            b.Property(d => d.StorageKey).HasMaxLength(200);
            b.Property(d => d.UploadedBy).HasMaxLength(256);
            b.Property(d => d.RegionCode).HasMaxLength(12);
            b.HasIndex(d => new { d.ProjectId, d.DocumentType, d.Version }).IsUnique();
            b.HasIndex(d => new { d.OrganizationId, d.UploadedAt });
            b.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectsChangeStamp>(b =>
        {
            b.ToTable("prj_change_stamp");
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasData(new ProjectsChangeStamp { Id = ProjectsChangeStamp.RowId, Value = Guid.Empty });
        });
        modelBuilder.Entity<Evaluation>(b =>
        {
            b.ToTable("prj_evaluations");
            b.Property(e => e.RegionCode).HasMaxLength(12);
            b.Property(e => e.EvaluatorId).HasMaxLength(64);
            b.Property(e => e.EvaluatorName).HasMaxLength(256);
            b.Property(e => e.Scores).HasMaxLength(2000);
            b.Property(e => e.Comment).HasMaxLength(2000);
            b.Property(e => e.Total).HasPrecision(8, 2);
            b.Property(e => e.MaxTotal).HasPrecision(8, 2);
            b.HasIndex(e => new { e.ProjectId, e.EvaluatorId }).IsUnique();
            b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TimelineEvent>(b =>
        {
            b.ToTable("prj_timeline");
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(e => e.FromStage).HasMaxLength(32);
            b.Property(e => e.ToStage).HasMaxLength(32);
            b.Property(e => e.Text).HasMaxLength(2000);
            b.Property(e => e.Actor).HasMaxLength(64);
            b.Property(e => e.ActorName).HasMaxLength(256);
            b.Property(e => e.RegionCode).HasMaxLength(12);
            b.HasIndex(e => new { e.ProjectId, e.OccurredAt });
            b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
