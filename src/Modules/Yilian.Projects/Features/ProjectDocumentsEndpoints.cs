using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Projects.Features;

/// <summary>The HTTP endpoints of ProjectDocuments: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ProjectDocumentsEndpoints
{
    public static IEndpointRouteBuilder MapProjectDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Project documents");
        var api = feature.MapGroup("/api/v1/projects").RequireAuthorization(Policies.BackOffice);
        api.MapPost("/{id:guid}/documents", UploadProjectDocumentAsync)
            .WithName("UploadProjectDocument")
            .WithSummary("Upload a project document")
            .DisableAntiforgery()
            .WithDescription("multipart/form-data: documentType and file (PDF, images, Office; checked by content; 20 MB).");
        // The same actions for the static pages: forms with antiforgery, then back to the page.
        feature.MapPost("/admin/projects/{id:guid}/documents", ProjectsDocumentsFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        api.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadProjectDocumentAsync)
            .WithName("DownloadProjectDocument").ProducesFile("application/octet-stream").WithSummary("Download a project document")
            .WithDescription("The document as an attachment (never rendered inline).");
        return app;
    }

    private static async Task<Ok<DocumentDto>> UploadProjectDocumentAsync(
        Guid id, [FromForm] string? documentType, IFormFile? file, ProjectDocuments documents, CancellationToken ct) =>
        TypedResults.Ok(await documents.UploadAsync(id, documentType, file, ct));

    private static async Task<IResult> ProjectsDocumentsFormAsync(
        Guid id, [FromForm] string? documentType, IFormFile? file, ProjectDocuments documents, CancellationToken ct)
    {
        try
        {
            await documents.UploadAsync(id, documentType, file, ct);
            return Results.LocalRedirect($"/admin/projects/{id}?uploaded=true");
        }
        catch (Exception e) when (e is Yilian.SharedKernel.Errors.UnsupportedFileException or Yilian.SharedKernel.Errors.FileTooLargeException or Yilian.SharedKernel.Errors.InputValidationException)
        {
            var message = Yilian.SharedKernel.Errors.ErrorText.Of(e);
            return Results.LocalRedirect($"/admin/projects/{id}?uploadError={Uri.EscapeDataString(message)}");
        }
    }

    private static async Task<FileStreamHttpResult> DownloadProjectDocumentAsync(Guid id, Guid documentId, ProjectDocuments documents, HttpContext http, CancellationToken ct)
    {
        var (content, fileName, contentType) = await documents.OpenAsync(id, documentId, ct);
        // Never rendered inline: a document can't run as a page of this site.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, contentType, fileName);
    }
}
