using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of PhotoReports: its API operations and its pages' form posts, each a named handler.</summary>
internal static class PhotoReportsEndpoints
{
    /// <summary>Request bodies read for a photo upload (the photo itself may be at most <see cref="PhotoReports.MaxBytes"/>).</summary>
    private const long PhotoUploadLimit = 64 * 1024 * 1024;

    public static IEndpointRouteBuilder MapPhotoReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Photo reports");
        var photos = feature.MapGroup("/api/v1/photo-reports");
        photos.MapPost("/", SubmitPhotoReportAsync)
            .RequireAuthorization().DisableAntiforgery().WithName("SubmitPhotoReport").WithSummary("Submit a photo report")
            // Read bodies well past the 10 MB rule, so an oversized photo gets the clear 413 answer instead of a dropped connection.
            .WithMetadata(new RequestSizeLimitAttribute(PhotoUploadLimit))
            .WithDescription("multipart/form-data: file (an image, 10 MB), text, optional activityId, place, latitude/longitude. Stored re-encoded "
                + "without metadata; waits for moderation.");
        photos.MapGet("/", ListPhotoReportsAsync)
            .RequireAuthorization()
            .WithName("ListPhotoReports")
            .WithSummary("List photo reports")
            .WithDescription("Moderators: the queue in their scope; everyone else: their own.");
        photos.MapPost("/{id:guid}/moderation", ModeratePhotoReportAsync)
            .RequireAuthorization().WithName("ModeratePhotoReport").WithSummary("Moderate a photo report")
            .WithDescription("Approve (public from then on) or reject with a note.");
        photos.MapGet("/{id:guid}/image", PhotoReportImageAsync)
            .AllowAnonymous()
            .WithName("PhotoReportImage")
            .ProducesFile("image/jpeg")
            .WithSummary("Get a photo report's image")
            .WithDescription("Public once approved.");
        photos.MapGet("/{id:guid}/thumbnail", PhotoReportThumbnailAsync)
            .AllowAnonymous().WithName("PhotoReportThumbnail").ProducesFile("image/jpeg").WithSummary("Get a photo report's thumbnail")
            .WithDescription("A small JPEG; public once approved, otherwise only for its author and moderators.");
        feature.MapPost("/volunteer/photos/send", VolunteerPhotosSendFormAsync)
            .RequireAuthorization().ExcludeFromDescription().WithMetadata(new RequestSizeLimitAttribute(PhotoUploadLimit));
        feature.MapPost("/admin/volunteering/photos/{id:guid}", VolunteeringPhotosFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Created<PhotoReportDto>> SubmitPhotoReportAsync(
        [FromForm] string? text,
        [FromForm] Guid? activityId,
        [FromForm] string? place,
        [FromForm] double? latitude,
        [FromForm] double? longitude,
        [FromForm] string? community,
        IFormFile? file,
        PhotoReports p,
        CancellationToken ct)
    {
        var report = await p.SubmitAsync(file, text, activityId, place, latitude, longitude, community, ct);
        return TypedResults.Created($"/api/v1/photo-reports/{report.Id}", report);
    }

    private static async Task<Ok<IReadOnlyList<PhotoReportDto>>> ListPhotoReportsAsync(
        Domain.PhotoStatus? status, Guid? activityId, bool? mine, PhotoReports p, CancellationToken ct) =>
        TypedResults.Ok(await p.ListAsync(status, activityId, mine ?? false, ct));

    private static async Task<Ok<PhotoReportDto>> ModeratePhotoReportAsync(
        Guid id, ModerationRequest request, PhotoReports p, CancellationToken ct) =>
        TypedResults.Ok(await p.ModerateAsync(id, request, ct));

    private static async Task<FileStreamHttpResult> PhotoReportImageAsync(Guid id, PhotoReports p, CancellationToken ct) =>
        TypedResults.Stream(await p.OpenAsync(id, false, ct), "image/jpeg");

    private static async Task<FileStreamHttpResult> PhotoReportThumbnailAsync(Guid id, PhotoReports p, CancellationToken ct) =>
        TypedResults.Stream(await p.OpenAsync(id, true, ct), "image/jpeg");

    private static async Task<IResult> VolunteerPhotosSendFormAsync(
        [FromForm] string? text,
        [FromForm] Guid? activityId,
        [FromForm] string? place,
        IFormFile? file,
        PhotoReports p,
        CancellationToken ct) =>
        await PageForms.RunAsync("/volunteer/photos?sent=1", () => p.SubmitAsync(file, text, activityId, place, null, null, null, ct));

    private static async Task<IResult> VolunteeringPhotosFormAsync(
        Guid id, [FromForm] bool approve, [FromForm] string? note, PhotoReports p, CancellationToken ct) =>
        await PageForms.RunAsync("/admin/volunteering/photos", () => p.ModerateAsync(id, new ModerationRequest(approve, note), ct));
}
