using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of CheckIns: its API operations and its pages' form posts, each a named handler.</summary>
internal static class CheckInsEndpoints
{
    public static IEndpointRouteBuilder MapCheckInsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Attendance");
        var checkins = feature.MapGroup("/api/v1/checkins").RequireAuthorization();
        var attendance = feature.MapGroup("/api/v1/activities/{activityId:guid}").RequireAuthorization();
        checkins.MapPost("/", CheckInAsync)
            .WithName("CheckIn")
            .WithSummary("Check in")
            .WithDescription("Submit a scanned code (check-in or check-out, as the code says); an offline phone sends scannedAt. 200 for a repeat, "
                + "nothing counted twice.");
        checkins.MapPost("/{id:guid}/confirm", ConfirmAttendanceAsync)
            .WithName("ConfirmAttendance")
            .WithSummary("Confirm attendance")
            .WithDescription("The organizer confirms: the hours count and earn points, once.");
        checkins.MapPost("/{id:guid}/reject", RejectAttendanceAsync)
            .WithName("RejectAttendance").WithSummary("Reject attendance")
            .WithDescription("The organizer refuses a check-in with a reason; no hours and no points.");
        checkins.MapPost("/{id:guid}/corrections", CorrectAttendanceAsync)
            .WithName("CorrectAttendance")
            .WithSummary("Correct attendance")
            .WithDescription("New times with a reason; the old ones are kept and the change audited.");
        attendance.MapGet("/checkin-codes", CheckInCodesAsync)
            .WithName("CheckInCodes")
            .WithSummary("Check in codes")
            .WithDescription("The signed codes to show at the occurrence (renew before validUntil).");
        attendance.MapGet("/attendance", AttendanceSheetAsync)
            .WithName("AttendanceSheet").WithSummary("Get the attendance sheet")
            .WithDescription("Every confirmed sign-up of the activity with check-in and check-out times and status.");
        attendance.MapPost("/attendance", RecordAttendanceAsync)
            .WithName("RecordAttendance")
            .WithSummary("Record attendance")
            .WithDescription("The organizer records times for a confirmed sign-up.");
        feature.MapGet("/api/v1/volunteers/me/hours", MyHoursAsync)
            .RequireAuthorization().WithName("MyHours").WithSummary("Get my service hours")
            .WithDescription("The signed-in volunteer's confirmed total (overlaps counted once) and records.");
        feature.MapGet("/api/v1/volunteers/{id:guid}/hours", VolunteerHoursAsync)
            .RequireAuthorization()
            .WithName("VolunteerHours")
            .WithSummary("Volunteer hours")
            .WithDescription("Confirmed total (overlaps counted once) and records.");
        // Phone and back-office forms.
        feature.MapPost("/volunteer/checkin", VolunteerCheckinFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/activities/{activityId:guid}/attendance/{id:guid}/confirm", ActivitiesAttendanceConfirmFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/activities/{activityId:guid}/attendance/{id:guid}/correct", ActivitiesAttendanceCorrectFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        feature.MapPost("/admin/activities/{activityId:guid}/attendance/record", ActivitiesAttendanceRecordFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<AttendanceDto>, Created<AttendanceDto>>> CheckInAsync(CheckInRequest request, CheckIns c, CancellationToken ct)
    {
        var result = await c.ScanAsync(request, ct);
        return result.Repeated ? TypedResults.Ok(result) : TypedResults.Created($"/api/v1/checkins/{result.Id}", result);
    }

    private static async Task<Ok<AttendanceDto>> ConfirmAttendanceAsync(Guid id, CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.ConfirmAsync(id, ct));

    private static async Task<Ok<AttendanceDto>> RejectAttendanceAsync(Guid id, ReasonRequest request, CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.RejectAsync(id, request.Reason, ct));

    private static async Task<Ok<AttendanceDto>> CorrectAttendanceAsync(
        Guid id, AttendanceCorrectionRequest request, CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.CorrectAsync(id, request, ct));

    private static async Task<Ok<CheckInCodesDto>> CheckInCodesAsync(
        Guid activityId, Guid? occurrenceId, HttpRequest http, CheckIns c, CancellationToken ct)
    {
        var (occurrence, checkIn, checkOut, until) = await c.CodesAsync(activityId, occurrenceId, ct);
        var root = $"{http.Scheme}://{http.Host}/volunteer/checkin?code=";
        return TypedResults.Ok(new CheckInCodesDto(occurrence.Id, occurrence.Start, occurrence.End, checkIn, checkOut, root + checkIn, root + checkOut, until));
    }

    private static async Task<Ok<IReadOnlyList<AttendanceDto>>> AttendanceSheetAsync(Guid activityId, CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.SheetAsync(activityId, ct));

    private static async Task<Ok<AttendanceDto>> RecordAttendanceAsync(
        Guid activityId, AttendanceRecordRequest request, CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordAsync(activityId, request, ct));

    private static async Task<Ok<HoursSummary>> MyHoursAsync(CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.HoursAsync(null, ct));

    private static async Task<Ok<HoursSummary>> VolunteerHoursAsync(Guid id, CheckIns c, CancellationToken ct) =>
        TypedResults.Ok(await c.HoursAsync(id, ct));

    private static async Task<IResult> VolunteerCheckinFormAsync([FromForm] CheckInRequest form, CheckIns c, CancellationToken ct)
    {
        string result;
        try
        {
            var done = await c.ScanAsync(form, ct);
            result = Resources.VolunteerText.Get(done.Status == Domain.AttendanceStatus.CheckedIn ? "CheckIn_DoneIn" : "CheckIn_DoneOut", done.ActivityTitle);
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException or InputValidationException)
        {
            return Results.LocalRedirect("/volunteer/checkin?error=" + Uri.EscapeDataString(ErrorText.Of(e)));
        }

        return Results.LocalRedirect("/volunteer/checkin?result=" + Uri.EscapeDataString(result));
    }

    private static async Task<IResult> ActivitiesAttendanceConfirmFormAsync(Guid activityId, Guid id, CheckIns c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => c.ConfirmAsync(id, ct));

    private static async Task<IResult> ActivitiesAttendanceCorrectFormAsync(
        Guid activityId, Guid id, [FromForm] CorrectionForm form, CheckIns c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => c.CorrectAsync(id,
            new AttendanceCorrectionRequest { CheckInAt = ChinaTime.FromLocal(form.CheckInAt), CheckOutAt = ChinaTime.FromLocal(form.CheckOutAt), Reason = form.Reason }, ct));

    private static async Task<IResult> ActivitiesAttendanceRecordFormAsync(
        Guid activityId, [FromForm] RecordForm form, CheckIns c, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => c.RecordAsync(activityId,
            new AttendanceRecordRequest { SignupId = form.SignupId, OccurrenceId = form.OccurrenceId, CheckInAt = ChinaTime.FromLocal(form.CheckInAt), CheckOutAt = ChinaTime.FromLocal(form.CheckOutAt) }, ct));
}

public sealed record ReasonRequest(string? Reason);

public sealed record CheckInCodesDto(
    Guid OccurrenceId, DateTimeOffset Start, DateTimeOffset End, string CheckInCode, string CheckOutCode, string CheckInUrl, string CheckOutUrl,
    DateTimeOffset ValidUntil);

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
