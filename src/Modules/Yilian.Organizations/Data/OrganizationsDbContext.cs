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

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organization>(b =>
        {
            b.ToTable("org_organizations");
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.CreditCode).HasMaxLength(18);
            b.HasIndex(o => o.CreditCode).IsUnique();
            b.Property(o => o.RegionCode).HasMaxLength(12);
            b.HasIndex(o => o.RegionCode);
            b.Property(o => o.Type).HasConversion<string>().HasMaxLength(32);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(o => o.LegalRepresentative).HasMaxLength(50);
            b.Property(o => o.Address).HasMaxLength(200);
            b.Property(o => o.ContactPhone).HasMaxLength(20);
        });

        // An organization is in scope for its place and for its own people (scoped by its own Id).
        ApplyScope<Organization>(modelBuilder, o => o.RegionCode, o => o.Id);
    }
}
