using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record CodeRequest(string? Phone);

public sealed class RegisterRequest
{
    [RequiredField, Mobile, Label(typeof(VolunteerText), "Vol_Phone")]
    public string? Phone { get; set; }

    [RequiredField, Label(typeof(VolunteerText), "Vol_Code")]
    public string? Code { get; set; }

    [RequiredField, SafeText(50), Label(typeof(VolunteerText), "Vol_RealName")]
    public string? RealName { get; set; }

    [RequiredField, IdNumber, Label(typeof(VolunteerText), "Vol_IdNumber")]
    public string? IdNumber { get; set; }

    [RequiredField, Label(typeof(VolunteerText), "Vol_Password")]
    public string? Password { get; set; }

    [RequiredField, RegionCode, Label(typeof(VolunteerText), "Vol_Community")]
    public string? Community { get; set; }

    public List<string>? Skills { get; set; }

    [SafeText(200), Label(typeof(VolunteerText), "Vol_Tags")]
    public string? Tags { get; set; }

    /// <summary>Separate consent to process the ID number (sensitive personal information).</summary>
    public bool ConsentToSensitiveData { get; set; }

    [SafeText(50), Label(typeof(VolunteerText), "Vol_GuardianName")]
    public string? GuardianName { get; set; }

    [Mobile, Label(typeof(VolunteerText), "Vol_GuardianPhone")]
    public string? GuardianPhone { get; set; }

    public bool GuardianConsent { get; set; }
}

public sealed record VolunteerDto(Guid Id, string Number, string RealName, string IdNumberMasked, string PhoneMasked, string RegionCode, bool IsMinor, int Age, string[] Skills, string[] Tags);

/// <summary>
/// Self-registration with a phone verification code: the code goes out through the SMS sender (in demo
/// mode that is the log), only its hash is stored, it expires in ten minutes and allows five tries.
/// Real-name data is checked (GB 11643), the ID number and phone are encrypted, and consent is recorded
/// separately for sensitive data and, under 14, from a guardian.
/// </summary>
internal sealed class Registration(VolunteersDbContext db, IEnumerable<INotificationSender> senders, IAccountDirectory accounts, IRegionDirectory regions,
    IDictionaries dictionaries, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);

    public const int MaxAttempts = 5;

    public const string ConsentVersion = "2026-11";

    public async Task SendCodeAsync(CodeRequest request, CancellationToken ct)
    {
        if (!MobileNumber.TryNormalize(request.Phone, out var phone))
        {
            throw InputValidationException.For("phone", VolunteerText.Get("Vol_PhoneInvalid"));
        }

        var index = Protector.BlindIndex(phone);
        var now = clock.GetUtcNow();
        if (await db.Codes.AnyAsync(c => c.PhoneIndex == index && c.IssuedAt > now - ResendAfter, ct))
        {
            throw VolunteerRules.CodeTooSoon.Broken((int)ResendAfter.TotalSeconds);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        db.Codes.Add(new VerificationCode { Id = Guid.CreateVersion7(), PhoneIndex = index, CodeHash = Hash(index, code), IssuedAt = now, ExpiresAt = now + CodeLifetime });
        await db.SaveChangesAsync(ct);
        var sms = senders.FirstOrDefault(s => s.Channel == NotificationChannels.Sms) ?? throw new InvalidOperationException("No SMS sender.");
        await sms.SendAsync(phone, VolunteerText.Get("Vol_CodeTitle"), VolunteerText.Get("Vol_CodeText", code, (int)CodeLifetime.TotalMinutes), ct);
    }

    /// <summary>The signed-in person's volunteer record (404 when the account has none).</summary>
    public async Task<VolunteerDto> MineAsync(string? userId, CancellationToken ct) =>
        await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == userId, ct) is { } v
            ? ToDto(v, ChinaTime.Today(clock))
            : throw new NotFoundException("Volunteer", userId ?? "");

    /// <summary>One volunteer within the caller's scope, ID number and phone masked (404 outside it).</summary>
    public async Task<VolunteerDto> GetAsync(Guid id, CancellationToken ct) =>
        await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } v
            ? ToDto(v, ChinaTime.Today(clock))
            : throw new NotFoundException("Volunteer", id);

    public async Task<VolunteerDto> RegisterAsync(RegisterRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        MobileNumber.TryNormalize(request.Phone, out var phone);
        var id = ChineseIdNumber.Parse(request.IdNumber, ChinaTime.Today(clock));
        var age = Age.On(id.BirthDate!.Value, ChinaTime.Today(clock));
        if (!request.ConsentToSensitiveData)
        {
            throw InputValidationException.For("consentToSensitiveData", VolunteerText.Get("Vol_ConsentRequired"));
        }

        if (age < 14 && !(request.GuardianConsent && !string.IsNullOrWhiteSpace(request.GuardianName) && MobileNumber.TryNormalize(request.GuardianPhone, out _)))
        {
            throw InputValidationException.For("guardianConsent", VolunteerText.Get("Vol_GuardianRequired"));
        }

        if (await regions.FindAsync(request.Community!, ct) is not { Level: (int)RegionLevel.Community })
        {
            throw InputValidationException.For("community", VolunteerText.Get("Vol_CommunityUnknown"));
        }

        var offered = (await dictionaries.ListAsync(DictionaryTypes.Skill, includeInactive: false, ct)).Select(s => s.Code).ToHashSet();
        var skills = (request.Skills ?? []).Distinct().ToList();
        if (skills.Any(s => !offered.Contains(s)))
        {
            throw InputValidationException.For("skills", VolunteerText.Get("Vol_SkillUnknown", string.Join(", ", offered)));
        }

        var phoneIndex = Protector.BlindIndex(phone);
        var idIndex = Protector.BlindIndex(id.Value!);
        if (await db.Volunteers.IgnoreQueryFilters().AnyAsync(v => v.IdNumberIndex == idIndex || v.PhoneIndex == phoneIndex, ct))
        {
            // Uniqueness must look past the caller's scope (an anonymous caller sees nothing); the answer says only "already registered".
            throw VolunteerRules.AlreadyRegistered.Broken();
        }

        await UseCodeAsync(phoneIndex, request.Code!, ct);
        await CompleteUnfinishedAsync(phone, ct);
        var account = await accounts.RegisterAsync(phone, request.RealName!.Trim(), request.Password!, Roles.Volunteer, ct);
        var now = clock.GetUtcNow();
        var volunteer = new Volunteer
        {
            Id = Guid.CreateVersion7(), OwnerUserId = account.Id, RegionCode = request.Community!, RealName = request.RealName.Trim(),
            Number = $"V{request.Community![..6]}{now:yyMMdd}{RandomNumberGenerator.GetInt32(0, 1_000_000):000000}",
            IdNumber = id.Value!, IdNumberIndex = idIndex, Phone = phone, PhoneIndex = phoneIndex, BirthDate = id.BirthDate.Value, IsMinor = age < 18,
            Skills = string.Join(',', skills), Tags = string.Join(',', (request.Tags ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(10)),
            RegisteredAt = now,
        };
        db.Volunteers.Add(volunteer);
        db.Consents.Add(new Consent { Id = Guid.CreateVersion7(), VolunteerId = volunteer.Id, OwnerUserId = account.Id, RegionCode = volunteer.RegionCode, Kind = ConsentKind.SensitiveData, TextVersion = ConsentVersion, GivenAt = now });
        if (age < 14)
        {
            db.Consents.Add(new Consent
            {
                Id = Guid.CreateVersion7(), VolunteerId = volunteer.Id, OwnerUserId = account.Id, RegionCode = volunteer.RegionCode, Kind = ConsentKind.Guardian,
                TextVersion = ConsentVersion, GuardianName = request.GuardianName!.Trim(), GuardianPhone = request.GuardianPhone, GivenAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or OperationCanceledException)
        {
            // All or nothing across the two modules: no account without its profile. The same person registering twice at
            // once (same ID number or phone) loses the race here and hears "already registered".
            db.ChangeTracker.Clear();
            await accounts.WithdrawRegistrationAsync(account.Id, CancellationToken.None);
            if (e is DbUpdateException && await db.Volunteers.IgnoreQueryFilters()
                .AnyAsync(v => v.IdNumberIndex == idIndex || v.PhoneIndex == phoneIndex, CancellationToken.None))
            {
                throw VolunteerRules.AlreadyRegistered.Broken();
            }

            throw;
        }

        return ToDto(volunteer, ChinaTime.Today(clock));
    }

    /// <summary>
    /// A registration cut short between the account and the profile (the process died) left an account with no volunteer
    /// behind it, so the number is "taken". The phone's owner, proven by the code just used, completes the registration.
    /// </summary>
    private async Task CompleteUnfinishedAsync(string phone, CancellationToken ct)
    {
        if (await accounts.FindByPhoneAsync(phone, ct) is { Roles: [Roles.Volunteer] } unfinished
            && !await db.Volunteers.IgnoreQueryFilters().AnyAsync(v => v.OwnerUserId == unfinished.Id, ct))
        {
            await accounts.WithdrawRegistrationAsync(unfinished.Id, ct);
        }
    }

    public static VolunteerDto ToDto(Volunteer v, DateOnly today) => new(
        v.Id, v.Number, v.RealName, ChineseIdNumber.Mask(v.IdNumber), MobileNumber.Mask(v.Phone), v.RegionCode, v.IsMinor, Age.On(v.BirthDate, today),
        v.Skills.Split(',', StringSplitOptions.RemoveEmptyEntries), v.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private async Task UseCodeAsync(string phoneIndex, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var latest = await db.Codes.Where(c => c.PhoneIndex == phoneIndex && c.UsedAt == null).OrderByDescending(c => c.IssuedAt).FirstOrDefaultAsync(ct);
        if (latest is null || latest.ExpiresAt <= now || latest.Attempts >= MaxAttempts)
        {
            throw InputValidationException.For("code", VolunteerText.Get("Vol_CodeExpired"));
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(latest.CodeHash), Encoding.ASCII.GetBytes(Hash(phoneIndex, code.Trim()))))
        {
            latest.Attempts++;
            await db.SaveChangesAsync(ct);
            throw InputValidationException.For("code", VolunteerText.Get("Vol_CodeWrong", MaxAttempts - latest.Attempts));
        }

        // Used once, even by two requests at once: only the one that finds it still unused goes on.
        var used = await db.Codes.Where(c => c.Id == latest.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (used == 0)
        {
            throw InputValidationException.For("code", VolunteerText.Get("Vol_CodeExpired"));
        }
    }

    private static PersonalDataProtector Protector => PersonalDataProtector.Current ?? throw new InvalidOperationException("Personal-data keys are not loaded.");

    private static string Hash(string phoneIndex, string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phoneIndex + ":" + code)));
}
