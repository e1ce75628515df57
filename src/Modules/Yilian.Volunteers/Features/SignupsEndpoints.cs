using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.Ui;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Signups: its API operations and its pages' form posts, each a named handler.</summary>
internal static class SignupsEndpoints
{
    public static IEndpointRouteBuilder MapSignupsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Sign-ups");
        var signups = feature.MapGroup("/api/v1/activities/{activityId:guid}/signups").RequireAuthorization();
        signups.MapPost("/", SignUpAsync)
            .WithName("SignUp").WithSummary("Sign up").WithDescription("Confirmed while places last, then wait-listed in arrival order.");
        signups.MapGet("/", ListSignupsAsync)
            .WithName("ListSignups").WithSummary("List an activity's sign-ups")
            .WithDescription("Confirmed and wait-listed sign-ups with positions, for the activity's organizers.");
        signups.MapDelete("/{signupId:guid}", CancelSignupAsync)
            .WithName("CancelSignup")
            .WithSummary("Cancel signup")
            .WithDescription("Withdraw; a confirmed place passes to the first on the waitlist.");
        feature.MapPost("/volunteer/activities/{activityId:guid}/signup", VolunteerActivitiesSignupFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/volunteer/activities/{activityId:guid}/signups/{signupId:guid}/cancel", VolunteerActivitiesSignupsCancelFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapGet("/api/v1/volunteers/me/signups", MySignupsAsync)
            .RequireAuthorization().WithName("MySignups").WithSummary("List my sign-ups")
            .WithDescription("The signed-in volunteer's sign-ups, newest activity first, with status and waitlist position.");
        // The first release's route, before the "me" convention of docs/api.md: kept until v2.
        feature.MapGet("/api/v1/me/signups", MySignupsAsync)
            .RequireAuthorization().WithName("MySignupsDeprecated").WithSummary("List my sign-ups (deprecated route)")
            .WithDescription("The same as GET /api/v1/volunteers/me/signups; kept for clients of the first release until /api/v2.")
            .Deprecated(useInstead: "/api/v1/volunteers/me/signups");
        feature.MapPost("/admin/activities/{activityId:guid}/signups/{signupId:guid}/remove", ActivitiesSignupsRemoveFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Created<SignupDto>> SignUpAsync(Guid activityId, Signups s, CancellationToken ct)
    {
        var signup = await s.SignUpAsync(activityId, ct);
        return TypedResults.Created($"/api/v1/activities/{activityId}/signups/{signup.Id}", signup);
    }

    private static async Task<Ok<IReadOnlyList<SignupDto>>> ListSignupsAsync(Guid activityId, Signups s, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(activityId, ct));

    private static async Task<NoContent> CancelSignupAsync(Guid activityId, Guid signupId, Signups s, CancellationToken ct)
    {
        await s.CancelAsync(activityId, signupId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> VolunteerActivitiesSignupFormAsync(
        Guid activityId, [FromForm] string? unused, Signups s, CancellationToken ct)
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
    }

    private static async Task<IResult> VolunteerActivitiesSignupsCancelFormAsync(
        Guid activityId, Guid signupId, [FromForm] string? unused, Signups s, CancellationToken ct)
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
    }

    private static async Task<Ok<IReadOnlyList<SignupDto>>> MySignupsAsync(Signups s, CancellationToken ct) =>
        TypedResults.Ok(await s.MineAsync(ct));

    private static async Task<IResult> ActivitiesSignupsRemoveFormAsync(
        Guid activityId, Guid signupId, [FromForm] string? unused, Signups s, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => s.CancelAsync(activityId, signupId, ct));
}
