using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Supply.Features;

public sealed record JudgeSeating(string? UserName);

public sealed record ConflictDeclaration(string? Reason);

public sealed record CancelInput(string? Note);

public sealed record EvaluatorChoice(Guid? OrganizationId);

/// <summary>The HTTP endpoints of the purchase of services: the call, proposals, the panel, the award, delivery.</summary>
internal static class ProcurementsEndpoints
{
    public static IEndpointRouteBuilder MapProcurementsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/procurements").WithTags("Procurements").RequireAuthorization(Policies.BackOffice);
        api.MapPost("/", OpenAsync).WithIdempotency().WithName("OpenProcurement").WithSummary("Open a call for proposals for a need")
            .WithDescription("needId, title (the need's when left out), requirements, budget, proposalsDue (at least an hour ahead), "
                + "public, "
                + "rubric (criteria with name and weight summing to 100; a default when left out), normalize (z-score per judge), "
                + "dropExtremes. The best five matches are invited.");
        api.MapGet("/", (Procurements p, CancellationToken ct) => p.ListAsync(ct)).WithName("ListProcurements")
            .WithSummary("List calls in scope").WithDescription("The community's, the street's or the district's calls, newest first.");
        api.MapGet("/open", (Procurements p, CancellationToken ct) => p.OpenCallsAsync(ct)).WithName("OpenCalls")
            .WithSummary("Calls an organization may answer")
            .WithDescription("For an organization's people: calls it was invited to or that are public, still taking proposals, and those "
                + "it proposed to.");
        api.MapGet("/{id:guid}", (Guid id, Procurements p, CancellationToken ct) => p.GetAsync(id, ct)).WithName("GetProcurement")
            .WithSummary("The whole thread of a call")
            .WithDescription("The call, its proposals (sealed until the due time), the panel as the caller sees it, the contract, the "
                + "milestones with the activities and volunteer hours that delivered them, the timeline from need to ratings, and what "
                + "the caller may do next.");
        api.MapPost("/{id:guid}/proposals", ProposeAsync).DisableAntiforgery().WithName("Propose").WithSummary("Submit a proposal")
            .WithDescription("multipart/form-data: serviceProjectId (one of the organization's listed projects), plan, budget (within the "
                + "call's), file (PDF, Word or Excel, 20 MB, optional). Refused after the due time, and a second time.");
        api.MapGet("/{id:guid}/proposals/{proposalId:guid}/file", ProposalFileAsync).WithName("OpenProposalFile")
            .WithSummary("Open a proposal's document").ProducesFile("application/octet-stream")
            .WithDescription("For its organization; for the call's officers and judges once the due time has passed.");
        api.MapPost("/{id:guid}/judges", (Guid id, JudgeSeating input, Procurements p, CancellationToken ct) =>
            p.SeatJudgeAsync(id, input.UserName, ct)).WithName("SeatJudge").WithSummary("Seat a judge on the call's panel")
            .WithDescription("By account name; the organizations the account works for or mentors are noted and its judge is recused from "
                + "their proposals.");
        api.MapPost("/{id:guid}/proposals/{proposalId:guid}/scores", (Guid id, Guid proposalId, ScoreInput input, Procurements p,
            CancellationToken ct) => p.ScoreAsync(id, proposalId, input, ct)).WithName("ScoreProposal").WithSummary("Score a proposal")
            .WithDescription("A judge's scores by criterion code (each 0 to its weight, one decimal) and a comment; after the due time, "
                + "until the review closes; again to change them. Other judges' scores show after one's own.");
        api.MapPost("/{id:guid}/proposals/{proposalId:guid}/conflict", (Guid id, Guid proposalId, ConflictDeclaration input,
            Procurements p, CancellationToken ct) => p.DeclareConflictAsync(id, proposalId, input.Reason, ct)).WithName("DeclareConflict")
            .WithSummary("Declare a conflict of interest").WithDescription("The judge is recused from the proposal.");
        api.MapPost("/{id:guid}/review/close", (Guid id, Procurements p, CancellationToken ct) => p.CloseReviewAsync(id, ct))
            .WithName("CloseReview").WithSummary("Close the review")
            .WithDescription("Scores become final; the ranking shows each judge's.");
        api.MapPost("/{id:guid}/award", (Guid id, AwardInput input, Procurements p, CancellationToken ct) => p.AwardAsync(id, input, ct))
            .WithName("Award").WithSummary("Select a proposal and contract")
            .WithDescription("proposalId, amount (within the budget and the proposal's), note (required when not the first place), "
                + "milestones (title, dueOn, amount; summing to the amount).");
        api.MapPost("/{id:guid}/milestones/{milestoneId:guid}/report", (Guid id, Guid milestoneId, MilestoneReportInput input,
            Procurements p, CancellationToken ct) => p.ReportAsync(id, milestoneId, input, ct)).WithName("ReportMilestone")
            .WithSummary("Report a milestone").WithDescription("The contracted organization: report text and the ids of its activities "
                + "that delivered it.");
        api.MapPost("/{id:guid}/deliver", (Guid id, Procurements p, CancellationToken ct) => p.DeliverAsync(id, ct))
            .WithName("AcceptDelivery").WithSummary("Accept the delivery")
            .WithDescription("Once every milestone is reported: the need is met and can be rated.");
        api.MapPost("/{id:guid}/cancel", (Guid id, CancelInput input, Procurements p, CancellationToken ct) =>
            p.CancelAsync(id, input.Note, ct)).WithName("CancelProcurement").WithSummary("Cancel a call")
            .WithDescription("Only before a proposal is selected; the reason is required.");
        api.MapPost("/{id:guid}/served", (Guid id, ServedInput input, Procurements p, CancellationToken ct) =>
            p.ListServedAsync(id, input, ct)).WithName("ListServedPeople").WithSummary("List the people served")
            .WithDescription("The contracted organization: phones (mainland mobile numbers, one per line or comma-separated, at most 500 a "
                + "call) and consent (true: they agreed to be asked). Each gets their own one-tap rating link by SMS when the delivery "
                + "is accepted, at once when listed after it. Numbers are stored encrypted and shown masked.");
        api.MapPost("/{id:guid}/evaluator", (Guid id, EvaluatorChoice input, Procurements p, CancellationToken ct) =>
            p.NameEvaluatorAsync(id, input.OrganizationId, ct)).WithName("NameEvaluator").WithSummary("Name a third-party evaluator")
            .WithDescription("The community: organizationId of an active organization other than the contracted one; its staff read the "
                + "thread and rate the delivery once.");
        api.MapPost("/{id:guid}/evaluator-rating", (Guid id, RatingInput input, Procurements p, CancellationToken ct) =>
            p.RateAsEvaluatorAsync(id, input, ct)).WithName("RateAsEvaluator").WithSummary("Rate the delivery as the third party")
            .WithDescription("The named evaluator's staff, after the delivery: score (1 to 5) and comment (the evaluation's findings, "
                + "required); counted on the service project like every rating.");
        return app;
    }

    private static async Task<Created<ProcurementDto>> OpenAsync(ProcurementInput input, Procurements procurements, CancellationToken ct)
    {
        var made = await procurements.OpenAsync(input, ct);
        return TypedResults.Created($"/api/v1/procurements/{made.Id}", made);
    }

    private static async Task<Created<ProposalDto>> ProposeAsync(Guid id, HttpRequest http, Procurements procurements, CancellationToken ct)
    {
        var form = await PageForms.ReadFormAsync(http, ct);
        var proposal = await procurements.ProposeAsync(id, ProposalForm.Read(form), form.Files.GetFile("file"), ct);
        return TypedResults.Created($"/api/v1/procurements/{id}", proposal);
    }

    private static async Task<FileStreamHttpResult> ProposalFileAsync(Guid id, Guid proposalId, Procurements procurements,
        HttpContext http, CancellationToken ct)
    {
        var (content, contentType, fileName) = await procurements.ProposalFileAsync(id, proposalId, ct);
        return StoredFiles.Sandboxed(http, content, contentType, fileName);
    }
}

/// <summary>A proposal as posted in a form (the API's and the page's): numbers that do not parse are sent on as -1, which the
/// handler names as not an amount.</summary>
internal static class ProposalForm
{
    public static ProposalInput Read(IFormCollection form) => new(
        Guid.TryParse(form["serviceProjectId"], out var project) ? project : null, form["plan"],
        string.IsNullOrWhiteSpace(form["budget"]) ? null
        : decimal.TryParse(form["budget"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture,
            out var budget) ? budget : -1m);
}
