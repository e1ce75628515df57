using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel.Errors;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of <see cref="CheckIns"/>: the codes shown at an activity and their scans, by API and by phone.</summary>
internal static class CheckInsEndpoints
{
    public const string Tag = "Attendance";

    public static IEndpointRouteBuilder MapCheckInsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(Tag).RequireAuthorization();
        feature.MapPost("/api/v1/checkins", CheckInAsync)
            .WithName("CheckIn")
            .WithSummary("Check in")
            .WithDescription("Submit a scanned code (check-in or check-out, as the code says); an offline phone sends scannedAt. "
                + "200 for a repeat, nothing counted twice.");
        feature.MapGet("/api/v1/activities/{activityId:guid}/checkin-codes", CheckInCodesAsync)
            .WithName("CheckInCodes")
            .WithSummary("Check in codes")
            .WithDescription("The signed codes to show at the occurrence (renew before validUntil).");
        feature.MapPost("/volunteer/checkin", CheckInFormAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<AttendanceDto>, Created<AttendanceDto>>> CheckInAsync(
        CheckInRequest request, CheckIns c, CancellationToken ct)
    {
        var result = await c.ScanAsync(request, ct);
        return result.Repeated ? TypedResults.Ok(result) : TypedResults.Created($"/api/v1/checkins/{result.Id}", result);
    }

    private static async Task<Ok<CheckInCodesDto>> CheckInCodesAsync(
        Guid activityId, Guid? occurrenceId, HttpRequest http, CheckIns c, CancellationToken ct)
    {
        var (occurrence, checkIn, checkOut, until) = await c.CodesAsync(activityId, occurrenceId, ct);
        var root = $"{http.Scheme}://{http.Host}/volunteer/checkin?code=";
        return TypedResults.Ok(new CheckInCodesDto(
            occurrence.Id, occurrence.Start, occurrence.End, checkIn, checkOut, root + checkIn, root + checkOut, until));
    }

    private static async Task<IResult> CheckInFormAsync([FromForm] CheckInRequest form, CheckIns c, CancellationToken ct)
    {
        string result;
        try
        {
            var done = await c.ScanAsync(form, ct);
            var text = done.Status == AttendanceStatus.CheckedIn ? "CheckIn_DoneIn" : "CheckIn_DoneOut";
            result = VolunteerText.Get(text, done.ActivityTitle);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException or InputValidationException)
        {
            return Results.LocalRedirect("/volunteer/checkin?error=" + Uri.EscapeDataString(ErrorText.Of(e)));
        }

        return Results.LocalRedirect("/volunteer/checkin?result=" + Uri.EscapeDataString(result));
    }
}

public sealed record CheckInCodesDto(
    Guid OccurrenceId, DateTimeOffset Start, DateTimeOffset End, string CheckInCode, string CheckOutCode, string CheckInUrl,
    string CheckOutUrl, DateTimeOffset ValidUntil);
