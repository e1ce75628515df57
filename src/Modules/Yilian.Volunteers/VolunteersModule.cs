using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Features;

namespace Yilian.Volunteers;

public static class VolunteersModule
{
    public static IHostApplicationBuilder AddVolunteersModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<VolunteersDbContext>(VolunteersDbContext.Module);
        builder.Services.AddScoped<Registration>();
        builder.Services.AddScoped<Signups>();
        builder.Services.AddScoped<Points>();
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
        app.MapGet("/api/v1/me/signups", async (Signups s, CancellationToken ct) => TypedResults.Ok(await s.MineAsync(ct)))
            .WithTags("Volunteers").RequireAuthorization().WithName("MySignups");
        return app;
    }
}
