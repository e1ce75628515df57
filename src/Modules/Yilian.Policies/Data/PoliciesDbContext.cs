using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Data;

internal sealed class PoliciesDbContext(DbContextOptions<PoliciesDbContext> options, IDataScopeProvider scope) : YilianDbContext(options, scope)
{
    public const string Module = "Policies";

    protected override string TablePrefix => "pol_";

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<ResidentFact> Facts => Set<ResidentFact>();

    public DbSet<ImportBatch> Imports => Set<ImportBatch>();

    public DbSet<PolicyVersion> Versions => Set<PolicyVersion>();

    public DbSet<ScreeningRun> Runs => Set<ScreeningRun>();

    public DbSet<DataDictionaryVersion> Dictionaries => Set<DataDictionaryVersion>();

    public DbSet<FactValue> FactValues => Set<FactValue>();

    public DbSet<ResultExport> Exports => Set<ResultExport>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Household>(b =>
        {
            b.ToTable("pol_households");
            b.Property(h => h.Number).HasMaxLength(32);
            b.Property(h => h.RegionCode).HasMaxLength(12);
            b.HasIndex(h => h.Number).IsUnique();
            b.HasIndex(h => h.RegionCode);
            b.HasIndex(h => h.ChangeSeq);
        });
        modelBuilder.Entity<Resident>(b =>
        {
            b.ToTable("pol_residents");
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.Name).HasMaxLength(50);
            b.Property(r => r.IdNumber).HasMaxLength(200);
            b.Property(r => r.IdNumberIndex).HasMaxLength(64);
            b.Property(r => r.Receiving).HasMaxLength(1000);
            b.HasIndex(r => r.IdNumberIndex).IsUnique();
            // Covers what screening reads, so a full read scans this narrow index rather than the wide rows
            // (encrypted ID numbers and their hashes); also serves lookups by household (its first column).
            b.HasIndex(r => new
            {
                r.HouseholdId, r.Id, r.IsHead, r.BirthDate, r.DisabilityGrade, r.DisabilityTypes, r.SpecialStatuses, r.Employment, r.Schooling,
                r.SevereIllness, r.LongTermCareNeed, r.HasSupporter, r.Receiving, r.IdSequence,
            }).HasDatabaseName("IX_pol_residents_screening");
            b.HasIndex(r => r.RegionCode);
        });
        modelBuilder.Entity<ResidentFact>(b =>
        {
            b.ToTable("pol_facts");
            b.Property(f => f.RegionCode).HasMaxLength(12);
            b.Property(f => f.Attribute).HasMaxLength(64);
            b.Property(f => f.Value).HasMaxLength(200);
            b.Property(f => f.Department).HasMaxLength(32);
            b.HasIndex(f => new { f.SubjectId, f.Attribute, f.Department }).IsUnique();
            b.HasIndex(f => f.HouseholdId);
        });
        modelBuilder.Entity<ImportBatch>(b =>
        {
            b.ToTable("pol_imports");
            b.Property(i => i.Department).HasMaxLength(32);
            b.Property(i => i.FileName).HasMaxLength(200);
            b.Property(i => i.Encoding).HasMaxLength(16);
            b.Property(i => i.FileHash).HasMaxLength(64);
            b.Property(i => i.ImportedBy).HasMaxLength(64);
            b.HasIndex(i => i.ImportedAt);
        });
        modelBuilder.Entity<PolicyVersion>(b =>
        {
            b.ToTable("pol_policy_versions");
            b.Property(v => v.PolicyId).HasMaxLength(64);
            b.Property(v => v.PublishedBy).HasMaxLength(64);
            b.Property(v => v.Note).HasMaxLength(500);
            b.HasIndex(v => new { v.PolicyId, v.Version }).IsUnique();
        });
        modelBuilder.Entity<DataDictionaryVersion>(b =>
        {
            b.ToTable("pol_data_dictionaries");
            b.Property(v => v.PublishedBy).HasMaxLength(64);
            b.HasIndex(v => v.Version).IsUnique();
        });
        modelBuilder.Entity<ResultExport>(b =>
        {
            b.ToTable("pol_result_exports");
            b.Property(e => e.ExportedBy).HasMaxLength(64);
            b.Property(e => e.PolicyId).HasMaxLength(64);
            b.Property(e => e.Status).HasMaxLength(16);
            b.HasIndex(e => e.ExportedAt);
        });
        modelBuilder.Entity<FactValue>(b =>
        {
            b.ToTable("pol_fact_values");
            b.HasKey(v => new { v.SubjectId, v.Fact });
            b.Property(v => v.Fact).HasMaxLength(64);
            b.Property(v => v.RegionCode).HasMaxLength(12);
            b.HasIndex(v => v.HouseholdId);
            b.HasIndex(v => new { v.Fact, v.SubjectId, v.Value, v.AsOf });
        });
        modelBuilder.Entity<ScreeningRun>(b =>
        {
            b.ToTable("pol_screening_runs");
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.StartedBy).HasMaxLength(64);
            b.Property(r => r.Error).HasMaxLength(2000);
            b.HasIndex(r => r.StartedAt);
        });
        modelBuilder.Entity<Candidate>(b =>
        {
            b.ToTable("pol_candidates");
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.PolicyId).HasMaxLength(64);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.Note).HasMaxLength(1000);
            b.Property(c => c.HandledBy).HasMaxLength(64);
            b.Property(c => c.AssignedTo).HasMaxLength(64);
            b.Property(c => c.AssignedToName).HasMaxLength(100);
            b.HasIndex(c => new { c.ResidentId, c.PolicyId }).IsUnique();
            b.HasIndex(c => new { c.AssignedTo, c.Status });
            b.HasIndex(c => new { c.Status, c.RegionCode });
            b.HasIndex(c => c.HouseholdId);
        });
        modelBuilder.Entity<ContactRequest>(b =>
        {
            b.ToTable("pol_contact_requests");
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.Name).HasMaxLength(50);
            b.Property(c => c.Phone).HasMaxLength(200);
            b.Property(c => c.Policies).HasMaxLength(2000);
            b.Property(c => c.ConsentText).HasMaxLength(500);
        });
    }
}
