using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Neighbours.Features;

/// <summary>The HTTP endpoints of neighbour help.</summary>
internal static class HelpPostsEndpoints
{
    public static IEndpointRouteBuilder MapHelpPostsEndpoints(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/v1/help-posts").WithTags("Neighbour help").RequireAuthorization();
        posts.MapGet("", BoardAsync).WithName("HelpBoard").WithSummary("A community's board")
            .WithDescription("Open asks and offers shown with their posters' consent, newest first: community (region code), kind "
                + "(Ask or Offer) and category narrow it. Names are shown as a family name only; no one's phone or address.");
        posts.MapGet("/mine", MineAsync).WithName("MyHelpPosts").WithSummary("My asks, offers and answers")
            .WithDescription("The caller's own posts with their answers, then the posts the caller answered.");
        posts.MapPost("", PostAsync).WithName("PostHelp").WithSummary("Post an ask or an offer")
            .WithDescription("kind (Ask or Offer), category, title, details, regionCode (the community, never the address), when (in "
                + "words), until (the last day; 14 days when empty) or noExpiry, contact (a mobile number given only to the "
                + "neighbour the poster accepts) and consent to show it on the board (required).");
        posts.MapGet("/{id:guid}", GetAsync).WithName("GetHelpPost").WithSummary("One post")
            .WithDescription("As the caller may see it: anyone signed in while it is open; its poster with every answer; the "
                + "accepted neighbour with the poster's phone; the community's officer.");
        posts.MapGet("/{id:guid}/matches", MatchesAsync).WithName("HelpMatches").WithSummary("Matching posts nearby")
            .WithDescription("For the caller's own post: open posts of the other kind in the same community and category.");
        posts.MapPost("/{id:guid}/responses", RespondAsync).WithName("RespondToHelp").WithSummary("Answer a post")
            .WithDescription("\"I can help\" to an ask or \"I would like this\" to an offer: a message, a mobile number and consent "
                + "to give it to the poster if accepted. One open answer per neighbour and post.");
        posts.MapPost("/{id:guid}/responses/{responseId:guid}/accept", AcceptAsync).WithName("AcceptHelpResponse")
            .WithSummary("Accept an answer").WithDescription("The poster accepts one answer: the others are declined and the two "
                + "see each other's phone.");
        posts.MapPost("/{id:guid}/responses/{responseId:guid}/decline", DeclineAsync).WithName("DeclineHelpResponse")
            .WithSummary("Decline an answer").WithDescription("The poster declines one answer.");
        posts.MapPost("/{id:guid}/done", DoneAsync).WithName("ConfirmHelpDone").WithSummary("Say it is done")
            .WithDescription("The poster or the accepted neighbour confirms; the post is done when both have.");
        posts.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawHelpPost").WithSummary("Take a post back")
            .WithDescription("After a match the reason is required: a late withdrawal is recorded and shown to the neighbour.");
        posts.MapPost("/{id:guid}/responses/mine/withdraw", WithdrawResponseAsync).WithName("WithdrawHelpResponse")
            .WithSummary("Take my answer back").WithDescription("After being accepted the reason is required: the post opens again "
                + "and the poster sees the late withdrawal.");
        posts.MapPost("/{id:guid}/reports", ReportAsync).WithName("ReportHelpPost").WithSummary("Report a post")
            .WithDescription("A scam, an advert, something unsafe: the community's officer decides.");

        var reports = app.MapGroup("/api/v1/help-reports").WithTags("Neighbour help").RequireAuthorization();
        reports.MapGet("", ReportsAsync).WithName("HelpReports").WithSummary("Reports to decide")
            .WithDescription("Open reports in the officer's communities, oldest first.");
        reports.MapPost("/{id:guid}/decide", DecideAsync).WithName("DecideHelpReport").WithSummary("Decide a report")
            .WithDescription("remove takes the post down with the note (the poster is told); otherwise the report is dismissed.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<HelpPostDto>>> BoardAsync(string? community, string? kind, string? category,
        HelpPosts help, CancellationToken ct) => TypedResults.Ok(await help.BoardAsync(community, kind, category, ct));

    private static async Task<Ok<IReadOnlyList<HelpPostDto>>> MineAsync(HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.MineAsync(ct));

    private static async Task<Created<HelpPostDto>> PostAsync(HelpPostInput input, HelpPosts help, CancellationToken ct)
    {
        var post = await help.PostAsync(input, ct);
        return TypedResults.Created($"/api/v1/help-posts/{post.Id}", post);
    }

    private static async Task<Ok<HelpPostDto>> GetAsync(Guid id, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.GetAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<HelpPostDto>>> MatchesAsync(Guid id, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.MatchesAsync(id, ct));

    private static async Task<Ok<HelpPostDto>> RespondAsync(Guid id, HelpResponseInput input, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.RespondAsync(id, input, ct));

    private static async Task<Ok<HelpPostDto>> AcceptAsync(Guid id, Guid responseId, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.AcceptAsync(id, responseId, ct));

    private static async Task<Ok<HelpPostDto>> DeclineAsync(Guid id, Guid responseId, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.DeclineAsync(id, responseId, ct));

    private static async Task<Ok<HelpPostDto>> DoneAsync(Guid id, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.ConfirmDoneAsync(id, ct));

    private static async Task<Ok<HelpPostDto>> WithdrawAsync(Guid id, ReasonInput input, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.WithdrawAsync(id, input, ct));

    private static async Task<Ok<HelpPostDto>> WithdrawResponseAsync(Guid id, ReasonInput input, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.WithdrawResponseAsync(id, input, ct));

    private static async Task<Ok<HelpReportDto>> ReportAsync(Guid id, ReasonInput input, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.ReportAsync(id, input, ct));

    private static async Task<Ok<IReadOnlyList<HelpReportDto>>> ReportsAsync(HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.ReportsAsync(ct));

    private static async Task<Ok<HelpReportDto>> DecideAsync(Guid id, ModerationInput input, HelpPosts help, CancellationToken ct) =>
        TypedResults.Ok(await help.DecideAsync(id, input, ct));
}
