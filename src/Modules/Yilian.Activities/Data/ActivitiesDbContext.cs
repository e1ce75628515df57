using Microsoft.EntityFrameworkCore;

using Yilian.Activities.Domain;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Activities.Data;

internal sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options, IDataScopeProvider scope) : YilianDbContext(options, scope)
{
    public const string Module = "Activities";

    /// <summary>PostgreSQL exclusion constraints (btree_gist) that make double-booking impossible; see the PostgreSQL migration.</summary>
    public const string VenueExclusion = "ex_act_occurrences_venue_time";

    public const string PersonExclusion = "ex_act_person_bookings_person_time";

    protected override string TablePrefix => "act_";

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<VenueClosure> VenueClosures => Set<VenueClosure>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Occurrence> Occurrences => Set<Occurrence>();

    public DbSet<PersonBooking> PersonBookings => Set<PersonBooking>();

    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Venue>(b =>
        {
            b.ToTable("act_venues");
            b.Property(v => v.Name).HasMaxLength(100);
            b.Property(v => v.RegionCode).HasMaxLength(12);
            b.Property(v => v.Address).HasMaxLength(200);
            b.Property(v => v.Facilities).HasMaxLength(400);
            b.Property(v => v.OpeningHours).HasMaxLength(1000);
            b.Property(v => v.OwnerKind).HasConversion<string>().HasMaxLength(16);
            b.Property(v => v.Policy).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(v => v.RegionCode);
            b.HasMany(v => v.Closures).WithOne().HasForeignKey(c => c.VenueId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<VenueClosure>(b =>
        {
            b.ToTable("act_venue_closures");
            b.Property(c => c.Reason).HasMaxLength(100);
            b.HasIndex(c => new { c.VenueId, c.Date }).IsUnique();
        });
        modelBuilder.Entity<Activity>(b =>
        {
            b.ToTable("act_activities");
            b.Property(a => a.Title).HasMaxLength(100);
            b.Property(a => a.Type).HasMaxLength(32);
            b.Property(a => a.Description).HasMaxLength(4000);
            b.Property(a => a.TargetGroup).HasMaxLength(100);
            b.Property(a => a.RegionCode).HasMaxLength(12);
            b.Property(a => a.RecurrenceRule).HasMaxLength(500);
            b.Property(a => a.StaffIds).HasMaxLength(800);
            b.Property(a => a.VolunteerNeeds).HasMaxLength(1000);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(a => new { a.OrganizationId, a.Start });
            b.HasIndex(a => new { a.RegionCode, a.Start });
            b.HasIndex(a => a.ProjectId);
            b.HasMany(a => a.Occurrences).WithOne().HasForeignKey(o => o.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Occurrence>(b =>
        {
            b.ToTable("act_occurrences");
            b.HasIndex(o => new { o.VenueId, o.Start });
            // Covering on PostgreSQL (INCLUDE): a week of bookings is read from the index alone, not from pages all over the heap.
            b.HasIndex(o => new { o.Start, o.VenueId }).IncludeProperties(o => new { o.End, o.ActivityId });
            b.HasOne<Venue>().WithMany().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PersonBooking>(b =>
        {
            b.ToTable("act_person_bookings");
            b.Property(p => p.PersonKey).HasMaxLength(80);
            b.HasIndex(p => new { p.PersonKey, p.Start });
            b.HasOne<Occurrence>().WithMany().HasForeignKey(p => p.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FeedToken>(b =>
        {
            b.ToTable("act_feed_tokens");
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(t => t.OwnerKey).HasMaxLength(80);
            b.Property(t => t.OwnerUserId).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.OwnerUserId);
        });
    }
}
