using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Ui;
using Yilian.Volunteers.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Features;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers;

public static class VolunteersModule
{
    public static IHostApplicationBuilder AddVolunteersModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<VolunteersDbContext>(VolunteersDbContext.Module);
        builder.Services.AddScoped<Registration>();
        builder.Services.AddScoped<IWorkbenchSource, VolunteeringWorkbench>();
        builder.Services.AddScoped<Signups>();
        builder.Services.AddScoped<Points>();
        builder.Services.AddScoped<CheckIns>();
        builder.Services.AddScoped<Certificates>();
        builder.Services.AddScoped<ActivityAccess>();
        builder.Services.AddScoped<Matches>();
        builder.Services.AddScoped<Profiles>();
        builder.Services.AddScoped<PhotoReports>();
        builder.Services.AddScoped<Ledgers>();
        builder.Services.AddScoped<PointsShop>();
        builder.Services.AddScoped<Teams>();
        builder.Services.AddSingleton<Matching.MatchPool>();
        builder.Services.AddHostedService<Matching.MatchPoolWarmer>();
        builder.Services.AddScoped(sp => new Seeding.VolunteerScaleSeeder(sp.GetRequiredService<VolunteersDbContext>()));
        builder.Services.Configure<MatchingOptions>(builder.Configuration.GetSection("Volunteers:Matching"));
        builder.Services.Configure<CheckInOptions>(builder.Configuration.GetSection("Volunteers:CheckIn"));
        builder.Services.Configure<NoticeOptions>(builder.Configuration.GetSection("Volunteers:Notices"));
        builder.Services.AddScoped<VolunteerContacts>();
        builder.Services.AddScoped<IVolunteerContacts>(sp => sp.GetRequiredService<VolunteerContacts>());
        builder.Services.AddScoped<IActivityListener, ActivityCancellations>();
        builder.Services.AddSingleton(_ => new CheckInCodes(
            (PersonalDataProtector.Current ?? throw new InvalidOperationException("Keys are not loaded.")).DeriveKey("checkin-codes")));
        builder.Services.AddScoped<ISeedStep, VolunteerSeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var volunteers = app.MapGroup("/api/v1/volunteers").WithTags("Volunteers");
        volunteers.MapPost("/verification-codes", async (CodeRequest request, Registration r, CancellationToken ct) =>
            {
                await r.SendCodeAsync(request, ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous().DisableAntiforgery().WithName("SendVerificationCode")
            .WithSummary("Texts a six-digit code to the phone (valid ten minutes, one per minute).");
        volunteers.MapPost("/", async (RegisterRequest request, Registration r, CancellationToken ct) =>
            {
                var created = await r.RegisterAsync(request, ct);
                return TypedResults.Created($"/api/v1/volunteers/{created.Id}", created);
            })
            .AllowAnonymous().DisableAntiforgery().WithName("RegisterVolunteer")
            .WithSummary("Self-registration with the phone code, real name and ID number (encrypted), consents; under 14 a guardian's consent.");
        volunteers.MapGet("/me", async (VolunteersDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
                await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct) is { } v
                    ? Results.Ok(Registration.ToDto(v, ChinaTime.Today(clock)))
                    : throw new NotFoundException("Volunteer", user.UserId ?? ""))
            .RequireAuthorization().WithName("MyVolunteerProfile");
        volunteers.MapGet("/{id:guid}", async (Guid id, VolunteersDbContext db, TimeProvider clock, CancellationToken ct) =>
                await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } v
                    ? Results.Ok(Registration.ToDto(v, ChinaTime.Today(clock)))
                    : throw new NotFoundException("Volunteer", id))
            .RequireAuthorization().WithName("GetVolunteer").WithSummary("ID number and phone masked; within the caller's scope.");

        var signups = app.MapGroup("/api/v1/activities/{activityId:guid}/signups").WithTags("Volunteers").RequireAuthorization();
        signups.MapPost("/", async (Guid activityId, Signups s, CancellationToken ct) =>
            {
                var signup = await s.SignUpAsync(activityId, ct);
                return TypedResults.Created($"/api/v1/activities/{activityId}/signups/{signup.Id}", signup);
            })
            .WithName("SignUp").WithSummary("Confirmed while places last, then wait-listed in arrival order.");
        signups.MapGet("/", async (Guid activityId, Signups s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(activityId, ct))).WithName("ListSignups");
        signups.MapDelete("/{signupId:guid}", async (Guid activityId, Guid signupId, Signups s, CancellationToken ct) =>
            {
                await s.CancelAsync(activityId, signupId, ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelSignup").WithSummary("Withdraw; a confirmed place passes to the first on the waitlist.");
        app.MapPost("/volunteer/activities/{activityId:guid}/signup", async (Guid activityId, [Microsoft.AspNetCore.Mvc.FromForm] string? unused, Signups s, CancellationToken ct) =>
            {
                string result;
                try
                {
                    var signup = await s.SignUpAsync(activityId, ct);
                    result = signup.Status == Domain.SignupStatus.Confirmed
                        ? Resources.VolunteerText.Get("Find_Confirmed")
                        : Resources.VolunteerText.Get("Find_Waitlisted", signup.WaitlistPosition ?? 0);
                }
                catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
                {
                    result = ErrorText.Of(e);
                }

                return Results.LocalRedirect("/volunteer/activities?result=" + Uri.EscapeDataString(result));
            })
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/volunteer/activities/{activityId:guid}/signups/{signupId:guid}/cancel", async (Guid activityId, Guid signupId, [Microsoft.AspNetCore.Mvc.FromForm] string? unused, Signups s, CancellationToken ct) =>
            {
                string result;
                try
                {
                    await s.CancelAsync(activityId, signupId, ct);
                    result = VolunteerText.Get("Find_Withdrawn");
                }
                catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
                {
                    result = ErrorText.Of(e);
                }

                return Results.LocalRedirect("/volunteer/activities?result=" + Uri.EscapeDataString(result));
            })
            .RequireAuthorization().ExcludeFromDescription();
        var points = app.MapGroup("/api/v1/points").WithTags("Volunteers").RequireAuthorization();
        points.MapGet("/", async (Guid? volunteerId, Points p, CancellationToken ct) => TypedResults.Ok(await p.LedgerAsync(volunteerId, ct)))
            .WithName("PointsLedger").WithSummary("Balance and movements: your own, or a volunteer's in your scope.");
        points.MapPost("/awards", async (PointsRequest request, HttpRequest http, Points p, CancellationToken ct) =>
                TypedResults.Ok(await p.AwardAsync(request, http.Headers[IdempotencyEndpointExtensions.Header], ct)))
            .WithName("AwardPoints").WithSummary("Requires Idempotency-Key: the same key awards once.");
        points.MapPost("/redemptions", async (PointsRequest request, HttpRequest http, Points p, CancellationToken ct) =>
                TypedResults.Ok(await p.RedeemAsync(request, http.Headers[IdempotencyEndpointExtensions.Header], ct)))
            .WithName("RedeemPoints").WithSummary("Requires Idempotency-Key; 409 when the balance does not cover it.");
        points.MapPost("/{entryId:guid}/reverse", async (Guid entryId, Points p, CancellationToken ct) => TypedResults.Ok(await p.ReverseAsync(entryId, null, ct)))
            .WithName("ReversePoints").WithSummary("A compensating entry, at most once.");
        MapHoursApi(app);
        MapMatchingApi(app);
        MapPhotoApi(app);
        MapLedgerApi(app);
        MapShopApi(app);
        var teams = app.MapGroup("/api/v1/teams").WithTags("Volunteers").RequireAuthorization();
        teams.MapGet("/", async (Teams t, CancellationToken ct) => TypedResults.Ok(await t.ListAsync(ct)))
            .WithName("Teams").WithSummary("Organizers: the teams in scope; volunteers: their own. With members and confirmed service.");
        teams.MapPost("/", async (TeamRequest request, Teams t, CancellationToken ct) =>
            {
                var team = await t.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/teams/{team.Id}", team);
            })
            .WithName("CreateTeam");
        teams.MapGet("/{id:guid}/members", async (Guid id, Teams t, CancellationToken ct) => TypedResults.Ok(await t.MembersAsync(id, ct))).WithName("TeamMembers");
        teams.MapPost("/{id:guid}/members", async (Guid id, TeamMembersRequest request, Teams t, CancellationToken ct) => TypedResults.Ok(await t.AddMembersAsync(id, request, ct)))
            .WithName("AddTeamMembers").WithSummary("Adds volunteers once each; leaderId names the team leader.");
        teams.MapPut("/{id:guid}/leader", async (Guid id, TeamLeaderRequest request, Teams t, CancellationToken ct) =>
                TypedResults.Ok(await t.SetLeaderAsync(id, request.VolunteerId ?? throw InputValidationException.For("volunteerId", VolunteerText.Get("Team_LeaderNotMember")), ct)))
            .WithName("SetTeamLeader").WithSummary("Names the team's leader (one of its members).");
        teams.MapDelete("/{id:guid}/members/{volunteerId:guid}", async (Guid id, Guid volunteerId, Teams t, CancellationToken ct) =>
                TypedResults.Ok(await t.RemoveMemberAsync(id, volunteerId, ct)))
            .WithName("RemoveTeamMember").WithSummary("Takes a volunteer off the team; their service records stay.");
        teams.MapGet("/{id:guid}/ledger/export", async (Guid id, Teams t, CancellationToken ct) =>
            {
                var (ledger, records) = await t.LedgerAsync(id, ct);
                return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "team-ledger.xlsx");
            })
            .WithName("ExportTeamLedger").WithSummary("The members' attendance with the team's organization, as Excel.");
        app.MapPost("/admin/volunteering/teams/create", async ([Microsoft.AspNetCore.Mvc.FromForm] string? name, [Microsoft.AspNetCore.Mvc.FromForm] string? focus,
                [Microsoft.AspNetCore.Mvc.FromForm] Guid? organizationId, Teams t, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/volunteering/teams", () => t.CreateAsync(new TeamRequest { Name = name, Focus = string.IsNullOrEmpty(focus) ? null : focus, OrganizationId = organizationId }, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/volunteering/teams/{id:guid}/members", async (Guid id, [Microsoft.AspNetCore.Mvc.FromForm] string? numbers, Teams t, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => t.AddMembersByNumberAsync(id, numbers, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/volunteering/teams/{id:guid}/leader", async (Guid id, [Microsoft.AspNetCore.Mvc.FromForm] Guid volunteerId, Teams t, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => t.SetLeaderAsync(id, volunteerId, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/volunteering/teams/{id:guid}/members/{volunteerId:guid}/remove", async (Guid id, Guid volunteerId, [Microsoft.AspNetCore.Mvc.FromForm] string? unused, Teams t, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/volunteering/teams/{id}", () => t.RemoveMemberAsync(id, volunteerId, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/api/v1/me/signups", async (Signups s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("MySignups");
        return app;
    }

    private static void MapShopApi(IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/api/v1/points/shop").WithTags("Volunteers").RequireAuthorization();
        shop.MapGet("/", async (PointsShop s, CancellationToken ct) => TypedResults.Ok(await s.CatalogueAsync(ct))).WithName("PointsShop");
        shop.MapPost("/", async (RewardRequest request, PointsShop s, CancellationToken ct) =>
            {
                var reward = await s.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/points/shop/{reward.Id}", reward);
            })
            .WithName("CreateReward").WithSummary("An organizer offers a reward: points, stock, per-person limit.");
        shop.MapPost("/{rewardId:guid}/redemptions", async (Guid rewardId, HttpRequest http, PointsShop s, CancellationToken ct) =>
                TypedResults.Ok(await s.RedeemAsync(rewardId, http.Headers[IdempotencyEndpointExtensions.Header], ct)))
            .WithName("RedeemReward").WithSummary("Requires Idempotency-Key; 409 when out of stock, over the per-person limit or over the balance.");
        shop.MapGet("/redemptions", async (bool? mine, PointsShop s, CancellationToken ct) => TypedResults.Ok(await s.RedemptionsAsync(mine ?? false, ct)))
            .WithName("Redemptions");
        shop.MapPost("/redemptions/{id:guid}/fulfil", async (Guid id, PointsShop s, CancellationToken ct) => TypedResults.Ok(await s.SettleAsync(id, true, ct)))
            .WithName("FulfilRedemption");
        shop.MapPost("/redemptions/{id:guid}/cancel", async (Guid id, PointsShop s, CancellationToken ct) => TypedResults.Ok(await s.SettleAsync(id, false, ct)))
            .WithName("CancelRedemption").WithSummary("The item goes back to stock and the points back by a compensating row.");
        app.MapPost("/volunteer/points/redeem", async ([Microsoft.AspNetCore.Mvc.FromForm] Guid rewardId, [Microsoft.AspNetCore.Mvc.FromForm] string? key, PointsShop s, CancellationToken ct) =>
                await PageForms.RunAsync("/volunteer/points?redeemed=1", () => s.RedeemAsync(rewardId, key, ct)))
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static void MapLedgerApi(IEndpointRouteBuilder app)
    {
        var ledgers = app.MapGroup("/api/v1/ledgers").WithTags("Volunteers").RequireAuthorization();
        ledgers.MapGet("/activities/{id:guid}", async (Guid id, Ledgers l, CancellationToken ct) => TypedResults.Ok((await l.ForActivityAsync(id, ct)).Ledger))
            .WithName("ActivityLedger").WithSummary("Sign-ups, attendance, confirmed hours and approved photos of one activity.");
        ledgers.MapGet("/activities/{id:guid}/export", async (Guid id, Ledgers l, CancellationToken ct) =>
            {
                var (ledger, records) = await l.ForActivityAsync(id, ct);
                return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "activity-ledger.xlsx");
            })
            .WithName("ExportActivityLedger");
        ledgers.MapGet("/organizations/{id:guid}", async (Guid id, DateOnly? from, DateOnly? to, Ledgers l, CancellationToken ct) =>
                TypedResults.Ok((await l.ForOrganizationAsync(id, from, to, ct)).Ledger))
            .WithName("OrganizationLedger").WithSummary("Per activity in the period (default: the last three months, at most a year).");
        ledgers.MapGet("/organizations/{id:guid}/export", async (Guid id, DateOnly? from, DateOnly? to, Ledgers l, CancellationToken ct) =>
            {
                var (ledger, records) = await l.ForOrganizationAsync(id, from, to, ct);
                return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "organization-ledger.xlsx");
            })
            .WithName("ExportOrganizationLedger");
        ledgers.MapGet("/volunteers/me/export", async (Ledgers l, CancellationToken ct) =>
            {
                var (ledger, records) = await l.ForVolunteerAsync(null, ct);
                return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "my-service-record.xlsx");
            })
            .WithName("ExportMyServiceRecord");
        ledgers.MapGet("/volunteers/{id:guid}/export", async (Guid id, Ledgers l, CancellationToken ct) =>
            {
                var (ledger, records) = await l.ForVolunteerAsync(id, ct);
                return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "volunteer-service-record.xlsx");
            })
            .WithName("ExportVolunteerServiceRecord");
    }

    /// <summary>Request bodies read for a photo upload (the photo itself may be at most <see cref="PhotoReports.MaxBytes"/>).</summary>
    private const long PhotoUploadLimit = 64 * 1024 * 1024;

    private static void MapPhotoApi(IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/api/v1/photo-reports").WithTags("Volunteers");
        photos.MapPost("/", async ([Microsoft.AspNetCore.Mvc.FromForm] string? text, [Microsoft.AspNetCore.Mvc.FromForm] Guid? activityId, [Microsoft.AspNetCore.Mvc.FromForm] string? place,
                [Microsoft.AspNetCore.Mvc.FromForm] double? latitude, [Microsoft.AspNetCore.Mvc.FromForm] double? longitude, [Microsoft.AspNetCore.Mvc.FromForm] string? community,
                IFormFile? file, PhotoReports p, CancellationToken ct) =>
            {
                var report = await p.SubmitAsync(file, text, activityId, place, latitude, longitude, community, ct);
                return TypedResults.Created($"/api/v1/photo-reports/{report.Id}", report);
            })
            .RequireAuthorization().DisableAntiforgery().WithName("SubmitPhotoReport")
            // Read bodies well past the 10 MB rule, so an oversized photo gets the clear 413 answer instead of a dropped connection.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoUploadLimit))
            .WithSummary("multipart/form-data: file (an image, 10 MB), text, optional activityId, place, latitude/longitude. Stored re-encoded without metadata; waits for moderation.");
        photos.MapGet("/", async (Domain.PhotoStatus? status, Guid? activityId, bool? mine, PhotoReports p, CancellationToken ct) => TypedResults.Ok(await p.ListAsync(status, activityId, mine ?? false, ct)))
            .RequireAuthorization().WithName("ListPhotoReports").WithSummary("Moderators: the queue in their scope; everyone else: their own.");
        photos.MapPost("/{id:guid}/moderation", async (Guid id, ModerationRequest request, PhotoReports p, CancellationToken ct) => TypedResults.Ok(await p.ModerateAsync(id, request, ct)))
            .RequireAuthorization().WithName("ModeratePhotoReport");
        photos.MapGet("/{id:guid}/image", async (Guid id, PhotoReports p, CancellationToken ct) => Results.Stream(await p.OpenAsync(id, false, ct), "image/jpeg"))
            .AllowAnonymous().WithName("PhotoReportImage").WithSummary("Public once approved.");
        photos.MapGet("/{id:guid}/thumbnail", async (Guid id, PhotoReports p, CancellationToken ct) => Results.Stream(await p.OpenAsync(id, true, ct), "image/jpeg"))
            .AllowAnonymous().WithName("PhotoReportThumbnail");
        app.MapPost("/volunteer/photos/send", async ([Microsoft.AspNetCore.Mvc.FromForm] string? text, [Microsoft.AspNetCore.Mvc.FromForm] Guid? activityId,
                [Microsoft.AspNetCore.Mvc.FromForm] string? place, IFormFile? file, PhotoReports p, CancellationToken ct) =>
                await PageForms.RunAsync("/volunteer/photos?sent=1", () => p.SubmitAsync(file, text, activityId, place, null, null, null, ct)))
            .RequireAuthorization().ExcludeFromDescription().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoUploadLimit));
        app.MapPost("/admin/volunteering/photos/{id:guid}", async (Guid id, [Microsoft.AspNetCore.Mvc.FromForm] bool approve, [Microsoft.AspNetCore.Mvc.FromForm] string? note, PhotoReports p, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/volunteering/photos", () => p.ModerateAsync(id, new ModerationRequest(approve, note), ct)))
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static void MapMatchingApi(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/volunteers/me/profile", async (Profiles p, CancellationToken ct) => TypedResults.Ok(await p.MineAsync(ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("MyTalentProfile");
        app.MapPut("/api/v1/volunteers/me/profile", async (ProfileRequest request, Profiles p, CancellationToken ct) => TypedResults.Ok(await p.UpdateAsync(request, ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("UpdateTalentProfile")
            .WithSummary("Skills with self-rated levels, tags, languages, weekly availability (China time), unavailable dates, home point.");
        app.MapPost("/api/v1/volunteers/{id:guid}/skills/{code}/verification", async (Guid id, string code, VerifySkillRequest request, Profiles p, CancellationToken ct) =>
                TypedResults.Ok(await p.VerifySkillAsync(id, code, request, ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("VerifySkill").WithSummary("An organizer confirms a skill's level (1–5).");
        app.MapGet("/api/v1/activities/{activityId:guid}/matches", async (Guid activityId, int? top, Matches m, CancellationToken ct) =>
                TypedResults.Ok(await m.RankAsync(activityId, top ?? 50, ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("ActivityMatches")
            .WithSummary("Volunteers ranked by skill fit, distance, reliability and fairness, each with its reasons; those excluded (age, availability, busy) counted.");
        app.MapPost("/api/v1/activities/{activityId:guid}/invitations", async (Guid activityId, InvitationRequest request, Matches m, CancellationToken ct) =>
                TypedResults.Ok(new { invited = await m.InviteAsync(activityId, request.VolunteerIds, ct) }))
            .WithTags("Volunteers").RequireAuthorization().WithName("InviteVolunteers");
        app.MapGet("/api/v1/assignments/proposal", async (DateOnly? week, Matches m, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await m.ProposeWeekAsync(week ?? ChinaTime.Today(clock), ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("WeekProposal")
            .WithSummary("The week's optimal assignment (most places filled, then best total fit; min-cost flow) for your recruiting activities.");
        app.MapPost("/api/v1/assignments/accept", async (AcceptProposalRequest request, Matches m, CancellationToken ct) =>
                TypedResults.Ok(new { invited = await m.AcceptAsync(request, ct) }))
            .WithTags("Volunteers").RequireAuthorization().WithName("AcceptProposal").WithSummary("Invites the volunteers of the proposal as adjusted.");
        app.MapGet("/api/v1/volunteers/me/invitations", async (Matches m, CancellationToken ct) => TypedResults.Ok(await m.MineAsync(ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("MyInvitations");
        app.MapPost("/volunteer/profile/save", async (HttpRequest http, Profiles p, CancellationToken ct) =>
            {
                var form = await http.ReadFormAsync(ct);
                var slots = form["slots"].Select(v => v?.Split('-') ?? []).Where(v => v.Length == 2 && int.TryParse(v[0], out _) && Pages.Volunteer.ProfilePage.Periods.ContainsKey(v[1]))
                    .Select(v => new Domain.WeeklySlot(int.Parse(v[0], System.Globalization.CultureInfo.InvariantCulture), Pages.Volunteer.ProfilePage.Periods[v[1]].From, Pages.Volunteer.ProfilePage.Periods[v[1]].To)).ToList();
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
            })
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/volunteering/week/accept", async (HttpRequest http, Matches m, CancellationToken ct) =>
            {
                // Read by hand: binding string[] from a form fails on .NET 10 (string gained a TryParse the binder rejects).
                var picks = (await http.ReadFormAsync(ct))["picks"].Select(p => p ?? "");
                var items = picks.Select(p => p.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && Guid.TryParse(p[1], out _))
                    .GroupBy(p => Guid.Parse(p[0])).Select(g => new AcceptedActivity(g.Key, [.. g.Select(p => Guid.Parse(p[1]))])).ToList();
                return await PageForms.RunAsync("/admin/volunteering/week?invited=1", () => m.AcceptAsync(new AcceptProposalRequest(items), ct));
            })
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/activities/{activityId:guid}/invitations", async (Guid activityId, [Microsoft.AspNetCore.Mvc.FromForm] Guid[] volunteerIds, Matches m, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/activities/{activityId}/matches?invited=1", () => m.InviteAsync(activityId, volunteerIds, ct)))
            .RequireAuthorization().ExcludeFromDescription();
    }

    private static void MapHoursApi(IEndpointRouteBuilder app)
    {
        var checkins = app.MapGroup("/api/v1/checkins").WithTags("Volunteers").RequireAuthorization();
        checkins.MapPost("/", async (CheckInRequest request, CheckIns c, CancellationToken ct) =>
            {
                var result = await c.ScanAsync(request, ct);
                return result.Repeated ? Results.Ok(result) : Results.Created($"/api/v1/checkins/{result.Id}", result);
            })
            .WithName("CheckIn").WithSummary("Submit a scanned code (check-in or check-out, as the code says); an offline phone sends scannedAt. 200 for a repeat, nothing counted twice.");
        checkins.MapPost("/{id:guid}/confirm", async (Guid id, CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.ConfirmAsync(id, ct)))
            .WithName("ConfirmAttendance").WithSummary("The organizer confirms: the hours count and earn points, once.");
        checkins.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest request, CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.RejectAsync(id, request.Reason, ct)))
            .WithName("RejectAttendance");
        checkins.MapPost("/{id:guid}/corrections", async (Guid id, AttendanceCorrectionRequest request, CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.CorrectAsync(id, request, ct)))
            .WithName("CorrectAttendance").WithSummary("New times with a reason; the old ones are kept and the change audited.");

        var attendance = app.MapGroup("/api/v1/activities/{activityId:guid}").WithTags("Volunteers").RequireAuthorization();
        attendance.MapGet("/checkin-codes", async (Guid activityId, Guid? occurrenceId, HttpRequest http, CheckIns c, CancellationToken ct) =>
            {
                var (occurrence, checkIn, checkOut, until) = await c.CodesAsync(activityId, occurrenceId, ct);
                var root = $"{http.Scheme}://{http.Host}/volunteer/checkin?code=";
                return TypedResults.Ok(new CheckInCodesDto(occurrence.Id, occurrence.Start, occurrence.End, checkIn, checkOut, root + checkIn, root + checkOut, until));
            })
            .WithName("CheckInCodes").WithSummary("The signed codes to show at the occurrence (renew before validUntil).");
        attendance.MapGet("/attendance", async (Guid activityId, CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.SheetAsync(activityId, ct)))
            .WithName("AttendanceSheet");
        attendance.MapPost("/attendance", async (Guid activityId, AttendanceRecordRequest request, CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.RecordAsync(activityId, request, ct)))
            .WithName("RecordAttendance").WithSummary("The organizer records times for a confirmed sign-up.");

        app.MapGet("/api/v1/volunteers/me/hours", async (CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.HoursAsync(null, ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("MyHours");
        app.MapGet("/api/v1/volunteers/{id:guid}/hours", async (Guid id, CheckIns c, CancellationToken ct) => TypedResults.Ok(await c.HoursAsync(id, ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("VolunteerHours").WithSummary("Confirmed total (overlaps counted once) and records.");

        app.MapPost("/api/v1/volunteers/me/certificates", async (CertificateRequest request, Certificates c, CancellationToken ct) =>
            {
                var issued = await c.IssueAsync(request, ct);
                return TypedResults.Created($"/api/v1/certificates/{issued.Number}", issued);
            })
            .WithTags("Volunteers").RequireAuthorization().WithName("IssueCertificate");
        app.MapGet("/api/v1/volunteers/me/certificates", async (Certificates c, CancellationToken ct) => TypedResults.Ok(await c.MineAsync(ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("MyCertificates");
        app.MapGet("/api/v1/certificates/{number}", async (string number, Certificates c, CancellationToken ct) => TypedResults.Ok(await c.GetAsync(number, ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("GetCertificate");
        app.MapGet("/api/v1/certificates/{number}/pdf", async (string number, HttpRequest http, Certificates c, CancellationToken ct) =>
            {
                var certificate = await c.GetAsync(number, ct);
                var pdf = CertificatePdf.Render(certificate, $"{http.Scheme}://{http.Host}/verify/certificates/{certificate.Number}");
                return Results.File(pdf, "application/pdf", $"certificate-{certificate.Number}.pdf");
            })
            .WithTags("Volunteers").RequireAuthorization().WithName("CertificatePdf");
        app.MapGet("/api/v1/public/certificates/{number}", async (string number, Certificates c, CancellationToken ct) =>
                await c.VerifyAsync(number, ct) is { } check ? Results.Ok(check) : throw new NotFoundException("Certificate", number))
            .WithTags("Volunteers").AllowAnonymous().WithName("VerifyCertificate").WithSummary("Anyone with the number: valid or not, with the name partly masked.");

        // Phone and back-office forms.
        app.MapPost("/volunteer/checkin", async ([Microsoft.AspNetCore.Mvc.FromForm] CheckInForm form, CheckIns c, CancellationToken ct) =>
            {
                string result;
                try
                {
                    var done = await c.ScanAsync(new CheckInRequest { Code = form.Code, ScannedAt = form.ScannedAt, Latitude = form.Latitude, Longitude = form.Longitude }, ct);
                    result = Resources.VolunteerText.Get(done.Status == Domain.AttendanceStatus.CheckedIn ? "CheckIn_DoneIn" : "CheckIn_DoneOut", done.ActivityTitle);
                }
                catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException or InputValidationException)
                {
                    return Results.LocalRedirect("/volunteer/checkin?error=" + Uri.EscapeDataString(ErrorText.Of(e)));
                }

                return Results.LocalRedirect("/volunteer/checkin?result=" + Uri.EscapeDataString(result));
            })
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/volunteer/certificates", async ([Microsoft.AspNetCore.Mvc.FromForm] Guid? organizationId, Certificates c, CancellationToken ct) =>
                await PageForms.RunAsync("/volunteer/hours", () => c.IssueAsync(new CertificateRequest(organizationId), ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/activities/{activityId:guid}/attendance/{id:guid}/confirm", async (Guid activityId, Guid id, CheckIns c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => c.ConfirmAsync(id, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/activities/{activityId:guid}/attendance/{id:guid}/correct", async (Guid activityId, Guid id, [Microsoft.AspNetCore.Mvc.FromForm] CorrectionForm form, CheckIns c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => c.CorrectAsync(id,
                    new AttendanceCorrectionRequest { CheckInAt = ChinaTime.FromLocal(form.CheckInAt), CheckOutAt = ChinaTime.FromLocal(form.CheckOutAt), Reason = form.Reason }, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/activities/{activityId:guid}/signups/{signupId:guid}/remove", async (Guid activityId, Guid signupId, [Microsoft.AspNetCore.Mvc.FromForm] string? unused, Signups s, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => s.CancelAsync(activityId, signupId, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/admin/activities/{activityId:guid}/attendance/record", async (Guid activityId, [Microsoft.AspNetCore.Mvc.FromForm] RecordForm form, CheckIns c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => c.RecordAsync(activityId,
                    new AttendanceRecordRequest { SignupId = form.SignupId, OccurrenceId = form.OccurrenceId, CheckInAt = ChinaTime.FromLocal(form.CheckInAt), CheckOutAt = ChinaTime.FromLocal(form.CheckOutAt) }, ct)))
            .RequireAuthorization().ExcludeFromDescription();
    }
}

public sealed record ReasonRequest(string? Reason);

public sealed record CheckInCodesDto(Guid OccurrenceId, DateTimeOffset Start, DateTimeOffset End, string CheckInCode, string CheckOutCode, string CheckInUrl, string CheckOutUrl, DateTimeOffset ValidUntil);

public sealed class CheckInForm
{
    public string? Code { get; set; }

    public DateTimeOffset? ScannedAt { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

public sealed class CorrectionForm
{
    public DateTime? CheckInAt { get; set; }

    public DateTime? CheckOutAt { get; set; }

    public string? Reason { get; set; }
}

public sealed class RecordForm
{
    public Guid SignupId { get; set; }

    public Guid OccurrenceId { get; set; }

    public DateTime? CheckInAt { get; set; }

    public DateTime? CheckOutAt { get; set; }
}
