using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Domain;

namespace Yilian.Supply.Data;

internal sealed class SupplyDbContext(DbContextOptions<SupplyDbContext> options, IDataScopeProvider scope) : YilianDbContext(options,
    scope)
{
    public const string Module = "Supply";

    protected override string TablePrefix => "sup_";

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<NeedAttachment> NeedAttachments => Set<NeedAttachment>();

    public DbSet<ServiceProject> ServiceProjects => Set<ServiceProject>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<ResourceOffer> ResourceOffers => Set<ResourceOffer>();

    public DbSet<Panel> Panels => Set<Panel>();

    public DbSet<PanelJudge> PanelJudges => Set<PanelJudge>();

    public DbSet<PanelConflict> PanelConflicts => Set<PanelConflict>();

    public DbSet<PanelScore> PanelScores => Set<PanelScore>();

    public DbSet<Procurement> Procurements => Set<Procurement>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ServedPerson> ServedPeople => Set<ServedPerson>();

    public DbSet<Competition> Competitions => Set<Competition>();

    public DbSet<CompetitionEntry> CompetitionEntries => Set<CompetitionEntry>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Need>(b =>
        {
            b.ToTable("sup_needs");
            b.Property(x => x.Number).HasMaxLength(20);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.Property(x => x.ServiceField).HasMaxLength(40);
            b.Property(x => x.TargetGroup).HasMaxLength(100);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.RegionName).HasMaxLength(100);
            b.Property(x => x.Budget).HasPrecision(14, 2);
            b.Property(x => x.PostedBy).HasMaxLength(256);
            b.Property(x => x.ClosedBy).HasMaxLength(256);
            b.Property(x => x.CloseNote).HasMaxLength(500);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => new { x.Status, x.AnswerBy });
            b.HasIndex(x => new { x.RegionCode, x.Status });
            b.HasIndex(x => new { x.Public, x.Status, x.PostedAt });
            b.HasIndex(x => x.MergedIntoId);
            b.HasIndex(x => x.SplitFromId);
        });
        modelBuilder.Entity<NeedAttachment>(b =>
        {
            b.ToTable("sup_need_attachments");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.StorageKey).HasMaxLength(200);
            b.Property(x => x.UploadedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.NeedId, x.UploadedAt });
        });
        modelBuilder.Entity<ServiceProject>(b =>
        {
            b.ToTable("sup_service_projects");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Summary).HasMaxLength(2000);
            b.Property(x => x.ServiceField).HasMaxLength(40);
            b.Property(x => x.TargetGroup).HasMaxLength(100);
            b.Property(x => x.AreaCodes).HasMaxLength(400);
            b.Property(x => x.PriceFrom).HasPrecision(14, 2);
            b.Property(x => x.PriceTo).HasPrecision(14, 2);
            b.Property(x => x.CreatedBy).HasMaxLength(256);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => new { x.ServiceField, x.Status });
            b.HasIndex(x => x.OrganizationId);
            b.HasIndex(x => new { x.RegionCode, x.UpdatedAt });
        });
        modelBuilder.Entity<Evaluation>(b =>
        {
            b.ToTable("sup_evaluations");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Comment).HasMaxLength(500);
            b.Property(x => x.RatedBy).HasMaxLength(256);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.Property(x => x.RaterKey).HasMaxLength(80).HasDefaultValue(Evaluation.CommunityRater);
            b.HasIndex(x => new { x.NeedId, x.ServiceProjectId, x.Source, x.RaterKey }).IsUnique();
            b.HasIndex(x => new { x.ServiceProjectId, x.RatedAt });
            b.HasIndex(x => new { x.OrganizationId, x.RatedAt });
            b.HasIndex(x => x.RatedAt);
        });
        modelBuilder.Entity<ResourceOffer>(b =>
        {
            b.ToTable("sup_resources");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.Property(x => x.Provider).HasMaxLength(100);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.RegionName).HasMaxLength(100);
            b.Property(x => x.Quantity).HasMaxLength(100);
            b.Property(x => x.PostedBy).HasMaxLength(256);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => new { x.RegionCode, x.PostedAt });
            b.HasIndex(x => new { x.Public, x.Withdrawn, x.PostedAt });
        });
        modelBuilder.Entity<Panel>(b =>
        {
            b.ToTable("sup_panels");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Rubric).HasMaxLength(4000);
            b.Property(x => x.ClosedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.Kind, x.SubjectId }).IsUnique();
        });
        modelBuilder.Entity<PanelJudge>(b =>
        {
            b.ToTable("sup_panel_judges");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.DisplayName).HasMaxLength(100);
            b.Property(x => x.WorksFor).HasMaxLength(2000);
            b.Property(x => x.Mentors).HasMaxLength(2000);
            b.HasIndex(x => new { x.PanelId, x.UserName }).IsUnique();
            b.HasIndex(x => x.UserName);
        });
        modelBuilder.Entity<PanelConflict>(b =>
        {
            b.ToTable("sup_panel_conflicts");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Reason).HasMaxLength(200);
            b.HasIndex(x => new { x.PanelId, x.EntryId, x.UserName }).IsUnique();
        });
        modelBuilder.Entity<PanelScore>(b =>
        {
            b.ToTable("sup_panel_scores");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.UserName).HasMaxLength(256);
            b.Property(x => x.Scores).HasMaxLength(2000);
            b.Property(x => x.Total).HasPrecision(6, 2);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.HasIndex(x => new { x.PanelId, x.EntryId, x.UserName }).IsUnique();
        });
        modelBuilder.Entity<Procurement>(b =>
        {
            b.ToTable("sup_procurements");
            b.Property(x => x.Number).HasMaxLength(20);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.RegionName).HasMaxLength(100);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Requirements).HasMaxLength(4000);
            b.Property(x => x.Budget).HasPrecision(14, 2);
            b.Property(x => x.ContractAmount).HasPrecision(14, 2);
            b.Property(x => x.Invited).HasMaxLength(400);
            b.Property(x => x.OpenedBy).HasMaxLength(256);
            b.Property(x => x.AwardNote).HasMaxLength(500);
            b.Property(x => x.CancelNote).HasMaxLength(500);
            b.Property(x => x.RatingToken).HasMaxLength(40);
            b.HasIndex(x => x.RatingToken).IsUnique();
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => x.NeedId);
            b.HasIndex(x => new { x.Status, x.ProposalsDue });
            b.HasIndex(x => new { x.RegionCode, x.OpenedAt });
        });
        modelBuilder.Entity<Proposal>(b =>
        {
            b.ToTable("sup_proposals");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Plan).HasMaxLength(4000);
            b.Property(x => x.Budget).HasPrecision(14, 2);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.StorageKey).HasMaxLength(200);
            b.Property(x => x.SubmittedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.ProcurementId, x.OrganizationId }).IsUnique();
            b.HasIndex(x => x.OrganizationId);
        });
        modelBuilder.Entity<Milestone>(b =>
        {
            b.ToTable("sup_milestones");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.Property(x => x.Report).HasMaxLength(2000);
            b.Property(x => x.Activities).HasMaxLength(800);
            b.Property(x => x.ReportedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.ProcurementId, x.Sequence }).IsUnique();
            b.HasIndex(x => new { x.OrganizationId, x.DueOn });
        });
        modelBuilder.Entity<ServedPerson>(b =>
        {
            b.ToTable("sup_served_people");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Phone).HasMaxLength(200);
            b.Property(x => x.PhoneIndex).HasMaxLength(64);
            b.Property(x => x.Masked).HasMaxLength(11);
            b.Property(x => x.Token).HasMaxLength(40);
            b.Property(x => x.AddedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.ProcurementId, x.PhoneIndex }).IsUnique();
            b.HasIndex(x => x.Token).IsUnique();
        });
        modelBuilder.Entity<Competition>(b =>
        {
            b.ToTable("sup_competitions");
            b.Property(x => x.Number).HasMaxLength(20);
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Rules).HasMaxLength(4000);
            b.Property(x => x.Fields).HasMaxLength(400);
            b.Property(x => x.MaxAmount).HasPrecision(14, 2);
            b.Property(x => x.CreatedBy).HasMaxLength(256);
            b.Property(x => x.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.CreatedByRequest).IsUnique();
            b.HasIndex(x => new { x.RegionCode, x.CreatedAt });
        });
        modelBuilder.Entity<CompetitionEntry>(b =>
        {
            b.ToTable("sup_competition_entries");
            b.Property(x => x.RegionCode).HasMaxLength(12);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Summary).HasMaxLength(4000);
            b.Property(x => x.ServiceField).HasMaxLength(40);
            b.Property(x => x.Amount).HasPrecision(14, 2);
            b.Property(x => x.FundedAmount).HasPrecision(14, 2);
            b.Property(x => x.Screening).HasMaxLength(1000);
            b.Property(x => x.SubmittedBy).HasMaxLength(256);
            b.HasIndex(x => new { x.CompetitionId, x.OrganizationId }).IsUnique();
            b.HasIndex(x => x.OrganizationId);
        });
    }
}
