using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Yilian.Ui;

/// <summary>How an uploaded file (a receipt, an attachment) is answered: shown in the browser when it is an image or a PDF, but
/// under a sandboxing content security policy, so a file can never run as a page of this site.</summary>
public static class StoredFiles
{
    public const string Policy = "default-src 'none'; img-src 'self'; object-src 'self'; sandbox";

    public static FileStreamHttpResult Sandboxed(HttpContext http, Stream content, string contentType, string? fileName = null)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        return TypedResults.File(content, contentType, fileName, enableRangeProcessing: false);
    }
}
