using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Supply.Features;

/// <summary>The HTTP endpoints of a need's attachments: added, opened in the back office and from the public list.</summary>
internal static class NeedAttachmentsEndpoints
{
    public static IEndpointRouteBuilder MapNeedAttachmentsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Needs");
        feature.MapPost("/api/v1/needs/{id:guid}/attachments", AddAttachmentAsync).RequireAuthorization(Policies.BackOffice)
            .DisableAntiforgery().WithName("AddNeedAttachment").WithSummary("Attach a file to a need")
            .WithDescription("multipart/form-data: file (PDF, Word, Excel, PNG or JPEG, checked by content, 10 MB, at most 10 per "
                + "need); only while the need is open.");
        feature.MapGet("/api/v1/needs/{id:guid}/attachments/{attachmentId:guid}", OpenAttachmentAsync)
            .RequireAuthorization(Policies.BackOffice).WithName("OpenNeedAttachment").WithSummary("Open a need's attachment")
            .ProducesFile("application/octet-stream").WithDescription("The file as stored, for the officers in scope.");
        feature.MapGet("/api/v1/needs/public/{id:guid}/attachments/{attachmentId:guid}", OpenPublicAttachmentAsync).AllowAnonymous()
            .WithName("OpenPublicNeedAttachment").WithSummary("Open a public need's attachment")
            .ProducesFile("application/octet-stream").WithDescription("The file of an open public need, for anyone.");
        feature.MapPost("/admin/supply/needs/{id:guid}/attachments", AddAttachmentFormAsync).RequireAuthorization(Policies.BackOffice)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Created<NeedAttachmentDto>> AddAttachmentAsync(Guid id, IFormFile? file, NeedAttachments attachments,
        CancellationToken ct)
    {
        var attachment = await attachments.AddAsync(id, file, ct);
        return TypedResults.Created($"/api/v1/needs/{id}/attachments/{attachment.Id}", attachment);
    }

    private static Task<FileStreamHttpResult> OpenAttachmentAsync(Guid id, Guid attachmentId, NeedAttachments attachments,
        HttpContext http, CancellationToken ct) => FileAsync(id, attachmentId, publicOnly: false, attachments, http, ct);

    private static Task<FileStreamHttpResult> OpenPublicAttachmentAsync(Guid id, Guid attachmentId, NeedAttachments attachments,
        HttpContext http, CancellationToken ct) => FileAsync(id, attachmentId, publicOnly: true, attachments, http, ct);

    private static async Task<FileStreamHttpResult> FileAsync(Guid id, Guid attachmentId, bool publicOnly, NeedAttachments attachments,
        HttpContext http, CancellationToken ct)
    {
        var (content, contentType, fileName) = await attachments.OpenAsync(id, attachmentId, publicOnly, ct);
        return StoredFiles.Sandboxed(http, content, contentType, fileName);
    }

    private static async Task<IResult> AddAttachmentFormAsync(Guid id, HttpRequest http, NeedAttachments attachments, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        return await PageForms.RunAsync($"/admin/supply/needs/{id}", () => attachments.AddAsync(id, form.Files.GetFile("file"), ct));
    }
}
