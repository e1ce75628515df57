using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Matching;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record SkillInput(string? Code, int Self);

public sealed class ProfileRequest
{
    public List<SkillInput>? Skills { get; set; }

    [SafeText(200), Label(typeof(VolunteerText), "Vol_Tags")]
    public string? Tags { get; set; }

    [SafeText(200), Label(typeof(VolunteerText), "Profile_Languages")]
    public string? Languages { get; set; }

    public List<WeeklySlot>? Availability { get; set; }

    public List<Unavailability>? Unavailable { get; set; }

    [System.ComponentModel.DataAnnotations.Range(-90, 90)]
    public double? Latitude { get; set; }

    [System.ComponentModel.DataAnnotations.Range(-180, 180)]
    public double? Longitude { get; set; }
}

public sealed record VerifySkillRequest(int Level);

public sealed record ProfileDto(
    Guid Id, string Number, IReadOnlyList<SkillLevel> Skills, string[] Tags, string[] Languages, IReadOnlyList<WeeklySlot> Availability,
    IReadOnlyList<Unavailability> Unavailable, double? Latitude, double? Longitude);

/// <summary>The volunteer's own talent profile (skills with levels, languages, availability, home point), and organizers' skill verification.</summary>
internal sealed class Profiles(VolunteersDbContext db, IDictionaries dictionaries, ActivityAccess access, MatchPool pool, ICurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProfileDto> MineAsync(CancellationToken ct) => ToDto(await OwnAsync(ct));

    public async Task<ProfileDto> UpdateAsync(ProfileRequest request, CancellationToken ct)
    {
        InputValidator.ThrowIfInvalid(request);
        var volunteer = await OwnAsync(ct);
        var offered = (await dictionaries.ListAsync(DictionaryTypes.Skill, includeInactive: false, ct)).Select(s => s.Code).ToHashSet();
        var skills = request.Skills ?? [];
        if (skills.Count > 20 || skills.Any(s => s.Code is null || !offered.Contains(s.Code)))
        {
            throw InputValidationException.For("skills", VolunteerText.Get("Vol_SkillUnknown", string.Join(", ", offered)));
        }

        if (skills.Any(s => s.Self is < 1 or > 5))
        {
            throw InputValidationException.For("skills", VolunteerText.Get("Profile_LevelRange"));
        }

        var slots = request.Availability ?? [];
        if (slots.Count > 50 || slots.Any(s => s.Day is < 1 or > 7 || s.To <= s.From))
        {
            throw InputValidationException.For("availability", VolunteerText.Get("Profile_SlotInvalid"));
        }

        var away = request.Unavailable ?? [];
        if (away.Count > 50 || away.Any(u => u.To < u.From || u.To.DayNumber - u.From.DayNumber > 366 || u.Reason?.Length > 100))
        {
            throw InputValidationException.For("unavailable", VolunteerText.Get("Profile_UnavailableInvalid"));
        }

        if (request.Latitude is null != request.Longitude is null)
        {
            throw InputValidationException.For("latitude", VolunteerText.Get("Profile_PointInvalid"));
        }

        // Verified levels stay with the skill; dropping a skill drops its verification.
        var previous = Levels(volunteer).ToDictionary(l => l.Code);
        var levels = skills.DistinctBy(s => s.Code).Select(s => previous.TryGetValue(s.Code!, out var old)
            ? old with { Self = s.Self } : new SkillLevel(s.Code!, s.Self)).ToList();
        volunteer.Skills = string.Join(',', levels.Select(l => l.Code));
        volunteer.SkillLevels = JsonSerializer.Serialize(levels, Json);
        volunteer.Tags = Split(request.Tags, 10);
        volunteer.Languages = Split(request.Languages, 10);
        volunteer.WeeklyAvailability = JsonSerializer.Serialize(slots, Json);
        volunteer.Unavailable = JsonSerializer.Serialize(away.Where(u => u.To >= Yilian.SharedKernel.ChinaTime.Today(clock)).ToList(), Json);
        volunteer.Latitude = request.Latitude;
        volunteer.Longitude = request.Longitude;
        await db.SaveChangesAsync(ct);
        pool.Invalidate();
        return ToDto(volunteer);
    }

    /// <summary>An organizer who has worked with the volunteer confirms a skill's level (a certificate seen, service observed).</summary>
    public async Task<ProfileDto> VerifySkillAsync(Guid volunteerId, string code, VerifySkillRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        if (request.Level is < 1 or > 5)
        {
            throw InputValidationException.For("level", VolunteerText.Get("Profile_LevelRange"));
        }

        // Worked with: a sign-up with one of the caller's organizations, or a volunteer of the caller's area.
        var known = await db.Signups.AnyAsync(s => s.VolunteerId == volunteerId, ct) || await db.Volunteers.AnyAsync(v => v.Id == volunteerId, ct);
        if (!known)
        {
            throw new NotFoundException("Volunteer", volunteerId);
        }

        // Past the scope for the write itself: the volunteer's row belongs to their community.
        var volunteer = await db.Volunteers.IgnoreQueryFilters().FirstAsync(v => v.Id == volunteerId, ct);
        var levels = Levels(volunteer);
        var index = levels.FindIndex(l => l.Code == code);
        if (index < 0)
        {
            throw VolunteerRules.SkillNotClaimed.Broken();
        }

        levels[index] = levels[index] with { Verified = request.Level, VerifiedBy = user.UserName };
        volunteer.SkillLevels = JsonSerializer.Serialize(levels, Json);
        await db.SaveChangesAsync(ct);
        pool.Invalidate();
        return ToDto(volunteer);
    }

    private async Task<Volunteer> OwnAsync(CancellationToken ct) =>
        await db.Volunteers.FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct) ?? throw new ForbiddenException(VolunteerText.Get("Signup_NotVolunteer"));

    /// <summary>Levels for every skill the volunteer lists (skills from registration start at self-rated 3).</summary>
    private static List<SkillLevel> Levels(Volunteer v)
    {
        var stored = JsonSerializer.Deserialize<List<SkillLevel>>(v.SkillLevels, Json) ?? [];
        return [.. v.Skills.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => stored.FirstOrDefault(l => l.Code == code) ?? new SkillLevel(code, 3))];
    }

    private static string Split(string? text, int max) =>
        string.Join(',', (text ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(max));

    private static ProfileDto ToDto(Volunteer v) => new(
        v.Id, v.Number, Levels(v), v.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries), v.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries),
        JsonSerializer.Deserialize<List<WeeklySlot>>(v.WeeklyAvailability, Json) ?? [], JsonSerializer.Deserialize<List<Unavailability>>(v.Unavailable, Json) ?? [],
        v.Latitude, v.Longitude);
}
