using Microsoft.AspNetCore.Http;

using Yilian.SharedKernel.Errors;

namespace Yilian.Ui;

/// <summary>
/// The back-office forms that post to an endpoint: run the action, go back to the page, and on a user
/// error go back with the message in the user's language as a query parameter the page shows.
/// </summary>
public static class PageForms
{
    /// <summary>How many messages travel back in the address (a long list would overflow the request line); the last one is always kept, it usually sums up.</summary>
    public const int MaxMessages = 8;

    /// <summary>
    /// The request's form, for the handlers that read it by hand (a file with its fields, repeated keys). A request that
    /// is not a form answers 415 with a problem body, not 500.
    /// </summary>
    public static async Task<IFormCollection> ReadFormAsync(
        HttpRequest http, CancellationToken ct, Microsoft.AspNetCore.Http.Features.FormOptions? options = null)
    {
        if (!http.HasFormContentType)
        {
            throw new BadHttpRequestException(Resources.UiText.Get("Form_NotAForm"), StatusCodes.Status415UnsupportedMediaType);
        }

        return options is null ? await http.ReadFormAsync(ct) : await http.ReadFormAsync(options, ct);
    }

    public static Task<IResult> RunAsync(string page, Func<Task> action, string errorParameter = "error") =>
        RunThenAsync(page, async () =>
        {
            await action();
            return page;
        }, errorParameter);

    /// <summary>As <see cref="RunAsync"/>, for an action whose result decides the page to go to next; errors go back to <paramref name="errorPage"/>, one message per line.</summary>
    public static async Task<IResult> RunThenAsync(string errorPage, Func<Task<string>> action, string errorParameter = "error")
    {
        try
        {
            return Results.LocalRedirect(await action());
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException or ForbiddenException or NotFoundException or FileTooLargeException or UnsupportedFileException)
        {
            var lines = ErrorText.Lines(e);
            var shown = lines.Count > MaxMessages ? [.. lines.Take(MaxMessages - 1), lines[^1]] : lines;
            var separator = errorPage.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return Results.LocalRedirect($"{errorPage}{separator}{errorParameter}={Uri.EscapeDataString(string.Join("\n", shown))}");
        }
    }
}
