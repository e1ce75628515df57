using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Supply.Features;

/// <param name="IncubatorId">The incubator the funded projects enter (none when left out).</param>
public sealed record AwardsInput(IReadOnlyList<FundedInput>? Funded, Guid? IncubatorId = null);

/// <summary>The HTTP endpoints of competitions: the call, entries, the roadshow, the panel and the awards.</summary>
internal static class CompetitionsEndpoints
{
    public static IEndpointRouteBuilder MapCompetitionsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/competitions").WithTags("Competitions").RequireAuthorization(Policies.BackOffice);
        api.MapPost("/", OpenAsync).WithIdempotency().WithName("OpenCompetition").WithSummary("Open a competition")
            .WithDescription("title, rules, fields (service-field codes; empty for any), maxAmount, minGrade (0–5), applicationsDue, "
                + "presentMinutes and questionMinutes (8 and 7 when left out), rubric (weights summing to 100), normalize, dropExtremes.");
        api.MapGet("/", (Competitions c, CancellationToken ct) => c.ListAsync(ct)).WithName("ListCompetitions")
            .WithSummary("List competitions").WithDescription("Every call, newest first.");
        api.MapGet("/{id:guid}", (Guid id, Competitions c, CancellationToken ct) => c.GetAsync(id, ct)).WithName("GetCompetition")
            .WithSummary("A competition").WithDescription("The call, the entries the caller may see with their screening and roadshow "
                + "slots, the panel as the caller sees it (the ranking after the close), and what the caller may do next.");
        api.MapPost("/{id:guid}/entries", EnterAsync).WithName("EnterCompetition").WithSummary("Enter a competition")
            .WithDescription("An organization's people, before the due time, once: title, summary, serviceField, amount. Screened at "
                + "once; an ineligible entry is kept with every reason.");
        api.MapPost("/{id:guid}/roadshow", (Guid id, RoadshowInput input, Competitions c, CancellationToken ct) =>
            c.ScheduleRoadshowAsync(id, input, ct)).WithName("ScheduleRoadshow").WithSummary("Put the roadshow on the calendar")
            .WithDescription("After the due time: start, venueId or regionCode (a community, online); the eligible entries in the order "
                + "they came, each presentMinutes + questionMinutes; the calendar refuses a clash.");
        api.MapPost("/{id:guid}/judges", (Guid id, JudgeSeating input, Competitions c, CancellationToken ct) =>
            c.SeatJudgeAsync(id, input.UserName, ct)).WithName("SeatCompetitionJudge").WithSummary("Seat a judge")
            .WithDescription("By account name; the judge is recused from the entries of the organizations it works for or mentors.");
        api.MapPost("/{id:guid}/entries/{entryId:guid}/scores", (Guid id, Guid entryId, ScoreInput input, Competitions c,
            CancellationToken ct) => c.ScoreAsync(id, entryId, input, ct)).WithName("ScoreEntry").WithSummary("Score an entry")
            .WithDescription("A judge's scores by criterion code, after the due time, until the review closes.");
        api.MapPost("/{id:guid}/entries/{entryId:guid}/conflict", (Guid id, Guid entryId, ConflictDeclaration input, Competitions c,
            CancellationToken ct) => c.DeclareConflictAsync(id, entryId, input.Reason, ct)).WithName("DeclareEntryConflict")
            .WithSummary("Declare a conflict of interest").WithDescription("The judge is recused from the entry.");
        api.MapPost("/{id:guid}/review/close", (Guid id, Competitions c, CancellationToken ct) => c.CloseReviewAsync(id, ct))
            .WithName("CloseCompetitionReview").WithSummary("Close the review")
            .WithDescription("After the due time: scores become final; the ranking shows each judge's.");
        app.MapGet("/api/v1/competitions/public", (Competitions c, CancellationToken ct) => c.PublicListAsync(ct)).AllowAnonymous()
            .WithTags("Competitions").WithName("PublicCompetitions").WithSummary("Competitions and their results, for anyone")
            .WithDescription("The latest 50 competitions with rules, stage and entry count; after the award every eligible entry's place, "
                + "organization, title, final score and funding (judges' names and single scores are not published).");
        api.MapPost("/{id:guid}/awards", (Guid id, AwardsInput input, Competitions c, CancellationToken ct) =>
            c.AwardAsync(id, input.Funded, input.IncubatorId, ct)).WithName("AwardCompetition").WithSummary("Fund entries")
            .WithDescription("After the close, once: funded (entryId, amount within what it asked); each becomes a project at intake. "
                + "Not idempotent by key: the projects are created under the request.");
        return app;
    }

    private static async Task<Created<CompetitionDto>> OpenAsync(CompetitionInput input, Competitions competitions, CancellationToken ct)
    {
        var made = await competitions.OpenAsync(input, ct);
        return TypedResults.Created($"/api/v1/competitions/{made.Id}", made);
    }

    private static async Task<Created<EntryDto>> EnterAsync(Guid id, EntryInput input, Competitions competitions, CancellationToken ct)
    {
        var entry = await competitions.EnterAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/competitions/{id}", entry);
    }
}
