using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Organizations.Data;

internal sealed class OrganizationsDbContext(DbContextOptions<OrganizationsDbContext> options, IDataScopeProvider scope)
    : YilianDbContext(options, scope)
{
    public const string Module = "Organizations";

    protected override string TablePrefix => "org_";

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<RegistrationChange> Changes => Set<RegistrationChange>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<Incubator> Incubators => Set<Incubator>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<Incubation> Incubations => Set<Incubation>();

    public DbSet<AdviceNote> AdviceNotes => Set<AdviceNote>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organization>(b =>
        {
            b.ToTable("org_organizations");
            b.Property(o => o.Name).HasMaxLength(200);
            b.HasIndex(o => o.Name); // the list's order: a page is 20 index entries, not a sort of every organization
            b.Property(o => o.CreditCode).HasMaxLength(18);
            b.HasIndex(o => o.CreditCode).IsUnique();
            b.Property(o => o.CreatedByRequest).HasMaxLength(64);
            b.HasIndex(o => o.CreatedByRequest).IsUnique();
            b.Property(o => o.RegionCode).HasMaxLength(12);
            b.HasIndex(o => o.RegionCode);
            b.Property(o => o.Type).HasConversion<string>().HasMaxLength(32);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(o => o.LegalRepresentative).HasMaxLength(50);
            b.Property(o => o.Address).HasMaxLength(200);
            b.Property(o => o.ContactPhone).HasMaxLength(20);
            b.Property(o => o.RegistrationAuthority).HasMaxLength(100);
            b.Property(o => o.ServiceFieldCodes).HasMaxLength(200);
            b.Property(o => o.ServiceAreaCodes).HasMaxLength(2000);
            b.Property(o => o.Grade).HasConversion<string>().HasMaxLength(8);
            b.Ignore(o => o.GradeValidUntil);
            b.HasIndex(o => new { o.Grade, o.Status });
            b.HasMany(o => o.AnnualReports).WithOne().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RegistrationChange>(b =>
        {
            b.ToTable("org_registration_changes");
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.Proposed).HasMaxLength(4000);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.RequestedBy).HasMaxLength(256);
            b.Property(c => c.ReviewedBy).HasMaxLength(256);
            b.Property(c => c.ReviewComment).HasMaxLength(1000);
            b.HasIndex(c => new { c.Status, c.RequestedAt });
            b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StaffMember>(b =>
        {
            b.ToTable("org_staff");
            b.Property(m => m.RegionCode).HasMaxLength(12);
            b.Property(m => m.Name).HasMaxLength(50);
            b.Property(m => m.Title).HasMaxLength(50);
            b.Property(m => m.Certificate).HasConversion<string>().HasMaxLength(16);
            b.Property(m => m.CertificateNumber).HasMaxLength(40);
            b.Property(m => m.Phone).HasMaxLength(200);
            b.HasIndex(m => m.OrganizationId);
            b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Incubator>(b =>
        {
            b.ToTable("org_incubators");
            b.Property(i => i.Name).HasMaxLength(100);
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.RegionCode).HasMaxLength(12);
        });
        modelBuilder.Entity<Incubation>(b =>
        {
            b.ToTable("org_incubations");
            b.Property(i => i.OrganizationName).HasMaxLength(200);
            b.Property(i => i.RegionCode).HasMaxLength(12);
            b.Property(i => i.StewardUserId).HasMaxLength(64);
            b.Property(i => i.StewardName).HasMaxLength(256);
            b.Property(i => i.Mentors).HasMaxLength(1000);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(i => new { i.OrganizationId, i.Status });
            b.HasOne<Incubator>().WithMany().HasForeignKey(i => i.IncubatorId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(i => i.Notes).WithOne().HasForeignKey(n => n.IncubationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AdviceNote>(b =>
        {
            b.ToTable("org_advice_notes");
            b.Property(n => n.RegionCode).HasMaxLength(12);
            b.Property(n => n.Author).HasMaxLength(256);
            b.Property(n => n.Text).HasMaxLength(2000);
        });
        modelBuilder.Entity<AnnualReport>(b =>
        {
            b.ToTable("org_annual_reports");
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.Result).HasConversion<string>().HasMaxLength(24);
            b.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        });

        // An organization is in scope for its place and for its own people (scoped by its own Id).
        ApplyScope<Organization>(modelBuilder, o => o.RegionCode, o => o.Id);
    }
}
