namespace Yilian.Web.Hosting;

/// <summary>
/// The Content-Security-Policy of every response: scripts only from this site, never inline, so a name or a note that
/// slips past encoding into a page cannot run (decision 018). Pages declare behaviour with data- attributes that
/// wwwroot/js/forms.js reads. Styles may be inline (Blazor and the calendar set style attributes); images may be data:
/// or blob: (photo previews). The API reference at /api/docs is a third-party viewer that configures itself with an
/// inline script and shows no user data: only there are inline scripts allowed.
/// </summary>
internal static class ContentSecurity
{
    private const string Common = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    public const string Pages = "script-src 'self'; " + Common;

    public const string ApiReference = "script-src 'self' 'unsafe-inline'; " + Common;

    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/api/docs") || path.StartsWithSegments("/scalar") ? ApiReference : Pages;
}
