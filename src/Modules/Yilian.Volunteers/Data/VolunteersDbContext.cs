using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Domain;

namespace Yilian.Volunteers.Data;

internal sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options, IDataScopeProvider scope) : YilianDbContext(options, scope)
{
    public const string Module = "Volunteers";

    protected override string TablePrefix => "vol_";

    public DbSet<Volunteer> Volunteers => Set<Volunteer>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<VerificationCode> Codes => Set<VerificationCode>();

    public DbSet<Signup> Signups => Set<Signup>();

    public DbSet<ActivityPlaces> Places => Set<ActivityPlaces>();

    public DbSet<PointsEntry> Points => Set<PointsEntry>();

    public DbSet<PointsBalance> Balances => Set<PointsBalance>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<AttendanceCorrection> Corrections => Set<AttendanceCorrection>();

    public DbSet<HoursTotal> HoursTotals => Set<HoursTotal>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<PhotoReport> PhotoReports => Set<PhotoReport>();

    public DbSet<Reward> Rewards => Set<Reward>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<RewardRedemption> Redemptions => Set<RewardRedemption>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Volunteer>(b =>
        {
            b.ToTable("vol_volunteers");
            b.Property(v => v.OwnerUserId).HasMaxLength(64);
            b.Property(v => v.RegionCode).HasMaxLength(12);
            b.Property(v => v.Number).HasMaxLength(32);
            b.Property(v => v.RealName).HasMaxLength(50);
            b.Property(v => v.IdNumber).HasMaxLength(200);
            b.Property(v => v.IdNumberIndex).HasMaxLength(64);
            b.Property(v => v.Phone).HasMaxLength(200);
            b.Property(v => v.PhoneIndex).HasMaxLength(64);
            b.Property(v => v.Skills).HasMaxLength(400);
            b.Property(v => v.Tags).HasMaxLength(400);
            b.Property(v => v.SkillLevels).HasMaxLength(4000);
            b.Property(v => v.Languages).HasMaxLength(200);
            b.Property(v => v.WeeklyAvailability).HasMaxLength(4000);
            b.Property(v => v.Unavailable).HasMaxLength(4000);
            b.HasIndex(v => v.IdNumberIndex).IsUnique();
            b.HasIndex(v => v.PhoneIndex).IsUnique();
            b.HasIndex(v => v.OwnerUserId).IsUnique();
            b.HasIndex(v => v.Number).IsUnique();
            b.HasIndex(v => v.RegionCode);
        });
        modelBuilder.Entity<Consent>(b =>
        {
            b.ToTable("vol_consents");
            b.Property(c => c.OwnerUserId).HasMaxLength(64);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.TextVersion).HasMaxLength(32);
            b.Property(c => c.GuardianName).HasMaxLength(50);
            b.Property(c => c.GuardianPhone).HasMaxLength(200);
            b.HasIndex(c => c.VolunteerId);
        });
        modelBuilder.Entity<VerificationCode>(b =>
        {
            b.ToTable("vol_verification_codes");
            b.Property(c => c.PhoneIndex).HasMaxLength(64);
            b.Property(c => c.CodeHash).HasMaxLength(64);
            b.HasIndex(c => new { c.PhoneIndex, c.IssuedAt });
        });
        modelBuilder.Entity<Signup>(b =>
        {
            b.ToTable("vol_signups");
            b.Property(s => s.OwnerUserId).HasMaxLength(64);
            b.Property(s => s.RegionCode).HasMaxLength(12);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(s => s.VolunteerName).HasMaxLength(50);
            b.HasIndex(s => new { s.ActivityId, s.Sequence }).IsUnique();
            b.HasIndex(s => new { s.VolunteerId, s.ActivityId });
            b.HasIndex(s => s.OrganizationId);
        });
        modelBuilder.Entity<ActivityPlaces>(b =>
        {
            b.ToTable("vol_activity_places");
            b.HasKey(p => p.ActivityId);
        });
        modelBuilder.Entity<PointsEntry>(b =>
        {
            b.ToTable("vol_points_ledger");
            b.Property(p => p.OwnerUserId).HasMaxLength(64);
            b.Property(p => p.RegionCode).HasMaxLength(12);
            b.Property(p => p.Reason).HasMaxLength(200);
            b.Property(p => p.IdempotencyKey).HasMaxLength(100);
            b.Property(p => p.RecordedBy).HasMaxLength(256);
            b.HasIndex(p => new { p.VolunteerId, p.IdempotencyKey }).IsUnique();
            b.HasIndex(p => p.Reverses).IsUnique();
            b.HasIndex(p => new { p.VolunteerId, p.RecordedAt });
        });
        modelBuilder.Entity<PointsBalance>(b =>
        {
            b.ToTable("vol_points_balances");
            b.HasKey(p => p.VolunteerId);
        });
        modelBuilder.Entity<Attendance>(b =>
        {
            b.ToTable("vol_attendances");
            b.Property(a => a.OwnerUserId).HasMaxLength(64);
            b.Property(a => a.RegionCode).HasMaxLength(12);
            b.Property(a => a.VolunteerName).HasMaxLength(50);
            b.Property(a => a.ActivityTitle).HasMaxLength(200);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.CheckInMethod).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.CheckOutMethod).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.ConfirmedBy).HasMaxLength(256);
            b.Property(a => a.ConfirmedByName).HasMaxLength(100);
            b.Property(a => a.OrganizationName).HasMaxLength(200);
            b.Property(a => a.OrganizationContact).HasMaxLength(50);
            b.Property(a => a.CheckOutAt).IsConcurrencyToken();
            b.HasIndex(a => new { a.VolunteerId, a.OccurrenceId }).IsUnique();
            b.HasIndex(a => new { a.ActivityId, a.OccurrenceStart });
            b.HasIndex(a => new { a.OrganizationId, a.Status });
        });
        modelBuilder.Entity<AttendanceCorrection>(b =>
        {
            b.ToTable("vol_attendance_corrections");
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.Reason).HasMaxLength(200);
            b.Property(c => c.CorrectedBy).HasMaxLength(256);
            b.HasIndex(c => c.AttendanceId);
        });
        modelBuilder.Entity<HoursTotal>(b =>
        {
            b.ToTable("vol_hours_totals");
            b.HasKey(h => h.VolunteerId);
        });
        modelBuilder.Entity<Team>(b =>
        {
            b.ToTable("vol_teams");
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.Description).HasMaxLength(500);
            b.Property(t => t.Focus).HasMaxLength(32);
            b.Property(t => t.RegionCode).HasMaxLength(12);
            b.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
        });
        modelBuilder.Entity<TeamMember>(b =>
        {
            b.ToTable("vol_team_members");
            b.Property(m => m.VolunteerName).HasMaxLength(50);
            b.Property(m => m.OwnerUserId).HasMaxLength(64);
            b.Property(m => m.RegionCode).HasMaxLength(12);
            b.HasIndex(m => new { m.TeamId, m.VolunteerId }).IsUnique();
            b.HasIndex(m => m.VolunteerId);
        });
        modelBuilder.Entity<Reward>(b =>
        {
            b.ToTable("vol_rewards");
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.Description).HasMaxLength(500);
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.HasIndex(r => new { r.Active, r.RegionCode });
        });
        modelBuilder.Entity<RewardRedemption>(b =>
        {
            b.ToTable("vol_reward_redemptions");
            b.Property(r => r.RewardName).HasMaxLength(100);
            b.Property(r => r.VolunteerName).HasMaxLength(50);
            b.Property(r => r.OwnerUserId).HasMaxLength(64);
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.IdempotencyKey).HasMaxLength(100);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.ChangedBy).HasMaxLength(256);
            b.HasIndex(r => new { r.VolunteerId, r.IdempotencyKey }).IsUnique();
            b.HasIndex(r => new { r.RewardId, r.VolunteerId });
        });
        modelBuilder.Entity<PhotoReport>(b =>
        {
            b.ToTable("vol_photo_reports");
            b.Property(r => r.OwnerUserId).HasMaxLength(64);
            b.Property(r => r.AuthorName).HasMaxLength(50);
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.ActivityTitle).HasMaxLength(200);
            b.Property(r => r.Text).HasMaxLength(500);
            b.Property(r => r.Place).HasMaxLength(100);
            b.Property(r => r.ImageKey).HasMaxLength(200);
            b.Property(r => r.ThumbnailKey).HasMaxLength(200);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.ModerationNote).HasMaxLength(200);
            b.Property(r => r.ModeratedBy).HasMaxLength(256);
            b.HasIndex(r => new { r.Status, r.CreatedAt });
            b.HasIndex(r => r.ActivityId);
        });
        modelBuilder.Entity<Invitation>(b =>
        {
            b.ToTable("vol_invitations");
            b.Property(i => i.RegionCode).HasMaxLength(12);
            b.Property(i => i.OwnerUserId).HasMaxLength(64);
            b.Property(i => i.ActivityTitle).HasMaxLength(200);
            b.Property(i => i.Reason).HasMaxLength(500);
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.InvitedBy).HasMaxLength(256);
            b.HasIndex(i => new { i.ActivityId, i.VolunteerId }).IsUnique();
            b.HasIndex(i => new { i.OwnerUserId, i.Status });
        });
        modelBuilder.Entity<Certificate>(b =>
        {
            b.ToTable("vol_certificates");
            b.Property(c => c.Number).HasMaxLength(32);
            b.Property(c => c.OwnerUserId).HasMaxLength(64);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.VolunteerName).HasMaxLength(50);
            b.Property(c => c.IdType).HasMaxLength(20);
            b.Property(c => c.IdNumberMasked).HasMaxLength(32);
            b.Property(c => c.VolunteerNumber).HasMaxLength(32);
            b.Property(c => c.ServiceContent).HasMaxLength(1000);
            b.Property(c => c.OrganizationName).HasMaxLength(200);
            b.Property(c => c.HandlerName).HasMaxLength(256);
            b.Property(c => c.HandlerContact).HasMaxLength(50);
            b.HasIndex(c => c.Number).IsUnique();
            b.HasIndex(c => c.VolunteerId);
        });
    }
}
