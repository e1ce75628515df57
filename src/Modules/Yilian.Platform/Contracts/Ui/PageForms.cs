using Microsoft.AspNetCore.Http;

using Yilian.SharedKernel.Errors;

namespace Yilian.Platform.Contracts.Ui;

/// <summary>
/// The back-office forms that post to an endpoint: run the action, go back to the page, and on a user
/// error go back with the message in the user's language as a query parameter the page shows.
/// </summary>
public static class PageForms
{
    public static async Task<IResult> RunAsync(string page, Func<Task> action, string errorParameter = "error")
    {
        try
        {
            await action();
            return Results.LocalRedirect(page);
        }
        catch (Exception e) when (e is InputValidationException or BusinessRuleException or ForbiddenException or NotFoundException or FileTooLargeException or UnsupportedFileException)
        {
            var separator = page.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return Results.LocalRedirect($"{page}{separator}{errorParameter}={Uri.EscapeDataString(ErrorText.Of(e))}");
        }
    }
}
