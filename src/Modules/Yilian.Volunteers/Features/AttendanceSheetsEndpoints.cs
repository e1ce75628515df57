using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of <see cref="AttendanceSheets"/>: an activity's sheet, and the organizer's own entries.</summary>
internal static class AttendanceSheetsEndpoints
{
    public static IEndpointRouteBuilder MapAttendanceSheetsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(CheckInsEndpoints.Tag).RequireAuthorization();
        var attendance = feature.MapGroup("/api/v1/activities/{activityId:guid}/attendance");
        attendance.MapGet("/", AttendanceSheetAsync)
            .WithName("AttendanceSheet").WithSummary("Get the attendance sheet")
            .WithDescription("Every confirmed sign-up of the activity with check-in and check-out times and status.");
        attendance.MapPost("/", RecordAttendanceAsync)
            .WithName("RecordAttendance")
            .WithSummary("Record attendance")
            .WithDescription("The organizer records times for a confirmed sign-up.");
        feature.MapPost("/admin/activities/{activityId:guid}/attendance/record", RecordFormAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AttendanceDto>>> AttendanceSheetAsync(
        Guid activityId, AttendanceSheets s, CancellationToken ct) =>
        TypedResults.Ok(await s.SheetAsync(activityId, ct));

    private static async Task<Ok<AttendanceDto>> RecordAttendanceAsync(
        Guid activityId, AttendanceRecordRequest request, AttendanceSheets s, CancellationToken ct) =>
        TypedResults.Ok(await s.RecordAsync(activityId, request, ct));

    private static async Task<IResult> RecordFormAsync(
        Guid activityId, [FromForm] RecordForm form, AttendanceSheets s, CancellationToken ct)
    {
        var request = new AttendanceRecordRequest
        {
            SignupId = form.SignupId, OccurrenceId = form.OccurrenceId,
            CheckInAt = ChinaTime.FromLocal(form.CheckInAt), CheckOutAt = ChinaTime.FromLocal(form.CheckOutAt),
        };
        return await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => s.RecordAsync(activityId, request, ct));
    }
}

/// <summary>The organizer's entry as the attendance page posts it: local (China) times.</summary>
public sealed class RecordForm
{
    public Guid SignupId { get; set; }

    public Guid OccurrenceId { get; set; }

    public DateTime? CheckInAt { get; set; }

    public DateTime? CheckOutAt { get; set; }
}
