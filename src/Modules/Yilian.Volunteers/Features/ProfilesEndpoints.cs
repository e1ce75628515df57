using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Profiles: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ProfilesEndpoints
{
    public static IEndpointRouteBuilder MapProfilesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Talent profiles");
        feature.MapGet("/api/v1/volunteers/me/profile", MyTalentProfileAsync)
            .RequireAuthorization().WithName("MyTalentProfile").WithSummary("Get my talent profile")
            .WithDescription("Skills with levels, languages, tags, weekly availability and home point of the signed-in volunteer.");
        feature.MapPut("/api/v1/volunteers/me/profile", UpdateTalentProfileAsync)
            .RequireAuthorization().WithName("UpdateTalentProfile").WithSummary("Update my talent profile")
            .WithDescription("Skills with self-rated levels, tags, languages, weekly availability (China time), unavailable dates, home point.");
        feature.MapPost("/api/v1/volunteers/{id:guid}/skills/{code}/verification", VerifySkillAsync)
            .RequireAuthorization()
            .WithName("VerifySkill")
            .WithSummary("Verify skill")
            .WithDescription("An organizer confirms a skill's level (1–5).");
        feature.MapPost("/volunteer/profile/save", VolunteerProfileSaveFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<ProfileDto>> MyTalentProfileAsync(Profiles p, CancellationToken ct) =>
        TypedResults.Ok(await p.MineAsync(ct));

    private static async Task<Ok<ProfileDto>> UpdateTalentProfileAsync(ProfileRequest request, Profiles p, CancellationToken ct) =>
        TypedResults.Ok(await p.UpdateAsync(request, ct));

    private static async Task<Ok<ProfileDto>> VerifySkillAsync(
        Guid id, string code, VerifySkillRequest request, Profiles p, CancellationToken ct) =>
        TypedResults.Ok(await p.VerifySkillAsync(id, code, request, ct));

    private static async Task<IResult> VolunteerProfileSaveFormAsync(HttpRequest http, Profiles p, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        var slots = form["slots"].Select(v => v?.Split('-') ?? [])
            .Where(v => v.Length == 2 && int.TryParse(v[0], out _) && Pages.Volunteer.ProfilePage.Periods.ContainsKey(v[1]))
            .Select(v => new Domain.WeeklySlot(int.Parse(v[0], System.Globalization.CultureInfo.InvariantCulture), Pages.Volunteer.ProfilePage.Periods[v[1]].From, Pages.Volunteer.ProfilePage.Periods[v[1]].To))
            .ToList();
        var skills = form.Keys.Where(k => k.StartsWith("level_", StringComparison.Ordinal))
            .Select(k => new SkillInput(k["level_".Length..], int.TryParse(form[k], out var l) ? l : 0)).Where(s => s.Self > 0).ToList();
        var away = DateOnly.TryParse(form["AwayFrom"], System.Globalization.CultureInfo.InvariantCulture, out var from) && DateOnly.TryParse(form["AwayTo"], System.Globalization.CultureInfo.InvariantCulture, out var to)
            ? new List<Domain.Unavailability> { new(from, to) } : [];
        double? Number(string name) => double.TryParse(form[name], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var request = new ProfileRequest
        {
            Skills = skills, Languages = form["Languages"], Tags = form["Tags"], Availability = slots, Unavailable = away, Latitude = Number("Latitude"), Longitude = Number("Longitude"),
        };
        return await PageForms.RunAsync("/volunteer/profile?saved=1", () => p.UpdateAsync(request, ct));
    }
}
