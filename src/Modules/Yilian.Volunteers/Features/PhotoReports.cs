using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using SkiaSharp;

using Yilian.Activities.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record PhotoReportDto(
    Guid Id, Guid? ActivityId, string? ActivityTitle, string AuthorName, string Text, string? Place, double? Latitude, double? Longitude,
    PhotoStatus Status, string? ModerationNote, int Width, int Height, DateTimeOffset CreatedAt)
{
    public string ImageUrl => $"/api/v1/photo-reports/{Id}/image";

    public string ThumbnailUrl => $"/api/v1/photo-reports/{Id}/thumbnail";
}

public sealed record ModerationRequest(bool Approve, string? Note);

/// <summary>
/// Photo reports (慧拍): a volunteer or resident sends a photo with text and place, about an activity or a
/// problem in the community. The image is decoded and re-encoded (which drops every metadata block, GPS
/// included, after turning it upright by its EXIF orientation), a thumbnail is made, and a moderator in
/// the community or the activity's organization approves it before anyone else sees it; approved reports
/// of an activity join its ledger.
/// </summary>
internal sealed class PhotoReports(
    VolunteersDbContext db, IFileStorage storage, IActivityCatalog catalog, ActivityAccess access, Points points, Microsoft.Extensions.Options.IOptions<PointsOptions> rules,
    ICurrentUser user, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 2048;
    public const int ThumbnailSide = 320;

    public async Task<PhotoReportDto> SubmitAsync(IFormFile? file, string? text, Guid? activityId, string? place, double? latitude, double? longitude, string? community, CancellationToken ct)
    {
        if (user.UserId is null)
        {
            throw new ForbiddenException(VolunteerText.Get("Photo_SignIn"));
        }

        if (file is null || file.Length == 0)
        {
            throw InputValidationException.For("file", VolunteerText.Get("Photo_Missing"));
        }

        if (file.Length > MaxBytes)
        {
            throw new FileTooLargeException(VolunteerText.Get("Photo_TooLarge", MaxBytes / 1024 / 1024));
        }

        if (string.IsNullOrWhiteSpace(text) || TextRules.Check(text, 500, multiline: true, allowMarkup: false) is not null)
        {
            throw InputValidationException.For("text", VolunteerText.Get("Photo_Text"));
        }

        if (place?.Length > 100 || latitude is < -90 or > 90 || longitude is < -180 or > 180 || (latitude is null) != (longitude is null))
        {
            throw InputValidationException.For("place", VolunteerText.Get("Photo_Place"));
        }

        ActivityBrief? activity = null;
        if (activityId is { } id)
        {
            activity = await catalog.FindAsync(id, ct) ?? throw new NotFoundException("Activity", id);
        }

        var volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.OwnerUserId == user.UserId, ct);
        var region = activity?.RegionCode ?? volunteer?.RegionCode ?? community;
        if (region is not { Length: 12 } || !region.All(char.IsAsciiDigit))
        {
            throw InputValidationException.For("community", VolunteerText.Get("Photo_Community"));
        }

        await using var upload = new MemoryStream();
        await file.CopyToAsync(upload, ct);
        var (image, width, height) = Reencode(upload.ToArray(), MaxSide, 85) ?? throw new UnsupportedFileException(VolunteerText.Get("Photo_NotImage"));
        var (thumbnail, _, _) = Reencode(image, ThumbnailSide, 75)!.Value;
        var imageKey = await storage.SaveAsync(new MemoryStream(image), ".jpg", ct);
        var thumbnailKey = await storage.SaveAsync(new MemoryStream(thumbnail), ".jpg", ct);
        var report = new PhotoReport
        {
            Id = Guid.CreateVersion7(), OwnerUserId = user.UserId, AuthorName = volunteer?.RealName ?? user.UserName ?? "", RegionCode = region,
            OrganizationId = activity?.OrganizationId ?? Guid.Empty, ActivityId = activity?.Id, ActivityTitle = activity?.Title, Text = text.Trim(), Place = place?.Trim(),
            Latitude = latitude, Longitude = longitude, ImageKey = imageKey, ThumbnailKey = thumbnailKey, Width = width, Height = height, Bytes = image.Length,
            Status = PhotoStatus.Pending, CreatedAt = clock.GetUtcNow(),
        };
        db.PhotoReports.Add(report);
        await db.SaveChangesAsync(ct);
        return ToDto(report);
    }

    /// <summary>The moderation queue (in the caller's scope) or the caller's own reports.</summary>
    public async Task<IReadOnlyList<PhotoReportDto>> ListAsync(PhotoStatus? status, Guid? activityId, bool mine, CancellationToken ct)
    {
        var query = db.PhotoReports.AsNoTracking();
        if (mine || !access.IsOrganizer)
        {
            query = query.Where(r => r.OwnerUserId == user.UserId);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (activityId is { } a)
        {
            query = query.Where(r => r.ActivityId == a);
        }

        return [.. (await query.OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct)).Select(ToDto)];
    }

    public async Task<PhotoReportDto> ModerateAsync(Guid id, ModerationRequest request, CancellationToken ct)
    {
        access.RequireOrganizer();
        if (request.Note?.Length > 200)
        {
            throw InputValidationException.For("note", VolunteerText.Get("Hours_ReasonRequired"));
        }

        if (!request.Approve && string.IsNullOrWhiteSpace(request.Note))
        {
            throw InputValidationException.For("note", VolunteerText.Get("Photo_RejectReason"));
        }

        var report = await db.PhotoReports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("PhotoReport", id);
        if (report.Status != PhotoStatus.Pending)
        {
            throw VolunteerRules.AlreadyModerated.Broken();
        }

        report.Status = request.Approve ? PhotoStatus.Approved : PhotoStatus.Rejected;
        report.ModerationNote = request.Note?.Trim();
        report.ModeratedBy = user.UserName;
        report.ModeratedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // A points rule: an approved report earns its volunteer author points, once (the key is the report).
        if (request.Approve && rules.Value.PointsPerApprovedPhoto > 0
            && await db.Volunteers.IgnoreQueryFilters().Where(v => v.OwnerUserId == report.OwnerUserId).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct) is { } author)
        {
            await points.EnsureBalanceAsync(author, ct);
            await points.AwardForServiceAsync(author, rules.Value.PointsPerApprovedPhoto, VolunteerText.Get("Photo_PointsReason", report.Text.Length > 20 ? report.Text[..20] + "…" : report.Text), "photo:" + report.Id, ct);
        }

        return ToDto(report);
    }

    /// <summary>The image or its thumbnail: anyone once approved; before that its author and moderators in scope.</summary>
    public async Task<Stream> OpenAsync(Guid id, bool thumbnail, CancellationToken ct)
    {
        var report = await db.PhotoReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            // Approved reports are public; look past the scope for those only.
            report = await db.PhotoReports.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Status == PhotoStatus.Approved, ct);
        }

        return report is null ? throw new NotFoundException("PhotoReport", id) : await storage.OpenReadAsync(thumbnail ? report.ThumbnailKey : report.ImageKey, ct);
    }

    /// <summary>
    /// Decodes any image Skia reads, turns it upright by its EXIF orientation, scales it to fit
    /// <paramref name="maxSide"/> and encodes a fresh JPEG: nothing of the original file's metadata survives.
    /// Null when the bytes are not an image.
    /// </summary>
    public static (byte[] Jpeg, int Width, int Height)? Reencode(byte[] bytes, int maxSide, int quality)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > 100_000_000)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, maxSide / (double)Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var resized = scale < 1 ? upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) : upright.Copy();
        using var image = SKImage.FromBitmap(resized);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return (encoded.ToArray(), width, height);
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (source.Width, source.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(-1, -1, w / 2f, h / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }

    private static PhotoReportDto ToDto(PhotoReport r) => new(
        r.Id, r.ActivityId, r.ActivityTitle, PersonName.Mask(r.AuthorName), r.Text, r.Place, r.Latitude, r.Longitude, r.Status, r.ModerationNote, r.Width, r.Height, r.CreatedAt);
}
