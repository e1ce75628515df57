using Yilian.Web.Resources;

namespace Yilian.Web.Hosting;

/// <summary>
/// Every problem body carries its trace id, and the ones the framework writes by itself (a status with no exception
/// behind it: 401, 403, 404, 405, 415) speak the user's language like the rest.
/// </summary>
internal static class ProblemText
{
    public static void Localize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        if (context.Exception is not null)
        {
            return;
        }

        (string Title, string? Detail)? text = context.ProblemDetails.Status switch
        {
            StatusCodes.Status401Unauthorized => (WebText.Get("Problem_Unauthorized"), null),
            StatusCodes.Status403Forbidden => (WebText.Get("Problem_Forbidden"), null),
            StatusCodes.Status404NotFound => (WebText.Get("Problem_NotFound"), null),
            StatusCodes.Status405MethodNotAllowed => (WebText.Get("Problem_Method"), null),
            StatusCodes.Status415UnsupportedMediaType => (WebText.Get("Problem_FileType"), WebText.Get("Problem_MediaTypeDetail")),
            _ => null,
        };
        if (text is { } t)
        {
            context.ProblemDetails.Title = t.Title;
            context.ProblemDetails.Detail ??= t.Detail;
        }
    }
}
