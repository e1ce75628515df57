using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record CertificateRequest(Guid? OrganizationId);

public sealed record CertificateDto(
    string Number, string VolunteerName, string IdType, string IdNumberMasked, string VolunteerNumber, int Minutes, int Records, string ServiceContent,
    DateOnly ServiceFrom, DateOnly ServiceTo, string OrganizationName, string HandlerName, string HandlerContact, DateTimeOffset IssuedAt, bool Revoked)
{
    public string Hours => ServiceTime.FormatHours(Minutes);
}

/// <summary>What the public verification page shows: enough to compare with the paper, with the name partly masked.</summary>
public sealed record CertificateCheck(string Number, string VolunteerName, string IdNumberMasked, string VolunteerNumber, string Hours, string OrganizationName, DateOnly ServiceFrom, DateOnly ServiceTo, DateOnly IssuedOn, bool Valid);

/// <summary>
/// Volunteer service record certificates (志愿服务记录证明, 民政部令第67号 art. 13–15): issued by the
/// organization that recorded and confirmed the service, from its confirmed records only, frozen at
/// issue, and verifiable by anyone at a public URL printed with a QR code.
/// </summary>
internal sealed class Certificates(VolunteersDbContext db, IServiceProvider services, ICurrentUser user, TimeProvider clock)
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>The volunteer asks the organization that confirmed their service for a certificate covering it to date.</summary>
    public async Task<CertificateDto> IssueAsync(CertificateRequest request, CancellationToken ct)
    {
        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct)
            ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));
        var confirmed = await db.Attendances.AsNoTracking()
            .Where(a => a.VolunteerId == volunteer.Id && a.Status == AttendanceStatus.Confirmed && (request.OrganizationId == null || a.OrganizationId == request.OrganizationId))
            .OrderBy(a => a.OccurrenceStart).ToListAsync(ct);
        if (confirmed.Count == 0)
        {
            throw VolunteerRules.NoConfirmedService.Broken();
        }

        // One issuing organization per certificate: the one asked for, or the one with the latest confirmed service.
        var organizationId = request.OrganizationId ?? confirmed.OrderByDescending(a => a.ConfirmedAt).First().OrganizationId;
        var records = confirmed.Where(a => a.OrganizationId == organizationId).ToList();
        var latest = records.OrderByDescending(a => a.ConfirmedAt).First();
        var minutes = ServiceTime.TotalMinutes(records.Select(a => (Max(a.CheckInAt!.Value, a.OccurrenceStart), Min(a.CheckOutAt!.Value, a.OccurrenceEnd))));
        var content = string.Join("、", records.Select(a => a.ActivityTitle).Distinct());
        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(), Number = NewNumber(clock.GetUtcNow()), VolunteerId = volunteer.Id, OwnerUserId = volunteer.OwnerUserId, RegionCode = volunteer.RegionCode,
            OrganizationId = organizationId, VolunteerName = volunteer.RealName, IdType = VolunteerText.Get("Cert_IdTypeResident"),
            IdNumberMasked = ChineseIdNumber.Mask(volunteer.IdNumber), VolunteerNumber = volunteer.Number, Minutes = minutes, Records = records.Count,
            ServiceContent = content.Length > 1000 ? content[..997] + "…" : content,
            ServiceFrom = ChinaTime.DateOf(records[0].OccurrenceStart), ServiceTo = ChinaTime.DateOf(records[^1].OccurrenceStart),
            OrganizationName = latest.OrganizationName ?? "", HandlerName = latest.ConfirmedByName ?? latest.ConfirmedBy ?? "", HandlerContact = latest.OrganizationContact ?? "",
            IssuedAt = clock.GetUtcNow(),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        return ToDto(certificate);
    }

    public async Task<IReadOnlyList<CertificateDto>> MineAsync(CancellationToken ct) =>
        [.. (await db.Certificates.AsNoTracking().Where(c => c.OwnerUserId == user.UserId).OrderByDescending(c => c.IssuedAt).Take(50).ToListAsync(ct)).Select(ToDto)];

    /// <summary>A certificate the caller may download: their own, or one in their scope.</summary>
    public async Task<CertificateDto> GetAsync(string number, CancellationToken ct) =>
        await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct) is { } c ? ToDto(c) : throw new NotFoundException("Certificate", number);

    /// <summary>The public check: anyone holding the number (from the paper or its QR code).</summary>
    public async Task<CertificateCheck?> VerifyAsync(string number, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 32)
        {
            return null;
        }

        var c = await SystemScope.WithAsync<VolunteersDbContext, Certificate?>(services,
            all => all.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Number == number.Trim().ToUpperInvariant(), ct));
        return c is null ? null : new CertificateCheck(c.Number, PersonName.Mask(c.VolunteerName), c.IdNumberMasked, c.VolunteerNumber, ServiceTime.FormatHours(c.Minutes),
            c.OrganizationName, c.ServiceFrom, c.ServiceTo, ChinaTime.DateOf(c.IssuedAt), c.RevokedAt is null);
    }

    private static string NewNumber(DateTimeOffset at) =>
        "ZY" + ChinaTime.ToChina(at).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString(Alphabet, 8);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static CertificateDto ToDto(Certificate c) => new(
        c.Number, c.VolunteerName, c.IdType, c.IdNumberMasked, c.VolunteerNumber, c.Minutes, c.Records, c.ServiceContent, c.ServiceFrom, c.ServiceTo,
        c.OrganizationName, c.HandlerName, c.HandlerContact, c.IssuedAt, c.RevokedAt is not null);
}
