using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.SharedKernel;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of <see cref="AttendanceReviews"/>: confirming, refusing and correcting records, and their forms.</summary>
internal static class AttendanceReviewsEndpoints
{
    public static IEndpointRouteBuilder MapAttendanceReviewsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(CheckInsEndpoints.Tag).RequireAuthorization();
        var records = feature.MapGroup("/api/v1/checkins/{id:guid}");
        records.MapPost("/confirm", ConfirmAttendanceAsync)
            .WithName("ConfirmAttendance")
            .WithSummary("Confirm attendance")
            .WithDescription("The organizer confirms: the hours count and earn points, once.");
        records.MapPost("/reject", RejectAttendanceAsync)
            .WithName("RejectAttendance").WithSummary("Reject attendance")
            .WithDescription("The organizer refuses a check-in with a reason; no hours and no points.");
        records.MapPost("/corrections", CorrectAttendanceAsync)
            .WithName("CorrectAttendance")
            .WithSummary("Correct attendance")
            .WithDescription("New times with a reason; the old ones are kept and the change audited.");
        var forms = feature.MapGroup("/admin/activities/{activityId:guid}/attendance/{id:guid}").ExcludeFromDescription();
        forms.MapPost("/confirm", ConfirmFormAsync);
        forms.MapPost("/correct", CorrectFormAsync);
        return app;
    }

    private static async Task<Ok<AttendanceDto>> ConfirmAttendanceAsync(Guid id, AttendanceReviews r, CancellationToken ct) =>
        TypedResults.Ok(await r.ConfirmAsync(id, ct));

    private static async Task<Ok<AttendanceDto>> RejectAttendanceAsync(
        Guid id, ReasonRequest request, AttendanceReviews r, CancellationToken ct) =>
        TypedResults.Ok(await r.RejectAsync(id, request.Reason, ct));

    private static async Task<Ok<AttendanceDto>> CorrectAttendanceAsync(
        Guid id, AttendanceCorrectionRequest request, AttendanceReviews r, CancellationToken ct) =>
        TypedResults.Ok(await r.CorrectAsync(id, request, ct));

    private static async Task<IResult> ConfirmFormAsync(Guid activityId, Guid id, AttendanceReviews r, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => r.ConfirmAsync(id, ct));

    private static async Task<IResult> CorrectFormAsync(
        Guid activityId, Guid id, [FromForm] CorrectionForm form, AttendanceReviews r, CancellationToken ct)
    {
        var request = new AttendanceCorrectionRequest
        {
            CheckInAt = ChinaTime.FromLocal(form.CheckInAt), CheckOutAt = ChinaTime.FromLocal(form.CheckOutAt), Reason = form.Reason,
        };
        return await PageForms.RunAsync($"/admin/activities/{activityId}/attendance", () => r.CorrectAsync(id, request, ct));
    }
}

/// <summary>A correction as the attendance page posts it: local (China) times and the reason.</summary>
public sealed class CorrectionForm
{
    public DateTime? CheckInAt { get; set; }

    public DateTime? CheckOutAt { get; set; }

    public string? Reason { get; set; }
}
