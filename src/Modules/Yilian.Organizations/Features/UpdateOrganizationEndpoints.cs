using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Organizations.Domain;
using Yilian.Platform.Contracts;

namespace Yilian.Organizations.Features;

/// <summary>The HTTP endpoints of UpdateOrganization: its API operations and its pages' form posts, each a named handler.</summary>
internal static class UpdateOrganizationEndpoints
{
    public static IEndpointRouteBuilder MapUpdateOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Organizations");
        var api = feature.MapGroup("/api/v1/organizations").RequireAuthorization(Policies.BackOffice);
        api.MapPut("/{id:guid}", UpdateOrganizationAsync)
            .WithName("UpdateOrganization")
            .WithSummary("Update organization")
            .WithDescription("Profile fields apply at once; registration fields answer 202 with a change for the regulator to review.");
        api.MapPut("/{id:guid}/regulatory", RegulateOrganizationAsync)
            .WithName("RegulateOrganization")
            .WithSummary("Regulate organization")
            .WithDescription("Regulator: evaluation grade (valid five years), status, charity and public-fundraising status.");
        api.MapPut("/{id:guid}/annual-reports/{year:int}", RecordAnnualReportAsync)
            .WithName("RecordAnnualReport").WithSummary("Record an annual report")
            .WithDescription("The organization's annual report for a year: submitted date and result; the regulator sees who has not reported.");
        api.MapGet("/changes", ListRegistrationChangesAsync)
            .WithName("ListRegistrationChanges").WithSummary("List registration changes")
            .WithDescription("Changes to registered fields waiting for, or decided by, the regulator.");
        api.MapPost("/changes/{changeId:guid}/approve", ApproveRegistrationChangeAsync)
            .WithName("ApproveRegistrationChange").WithSummary("Approve a registration change")
            .WithDescription("The regulator applies the proposed registration fields to the organization.");
        api.MapPost("/changes/{changeId:guid}/reject", RejectRegistrationChangeAsync)
            .WithName("RejectRegistrationChange").WithSummary("Reject a registration change")
            .WithDescription("The regulator refuses the change with a reason; the organization keeps its registered fields.");
        return app;
    }

    private static async Task<Results<NoContent, Accepted<ChangeRequested>>> UpdateOrganizationAsync(
        Guid id, UpdateOrganizationRequest request, UpdateOrganization handler, CancellationToken ct) =>
        await handler.HandleAsync(id, request, ct) is { } change
            ? TypedResults.Accepted($"/api/v1/organizations/changes/{change}", new ChangeRequested(change))
            : TypedResults.NoContent();

    private static async Task<NoContent> RegulateOrganizationAsync(
        Guid id, RegulatoryUpdateRequest request, UpdateOrganization handler, CancellationToken ct)
    {
        await handler.RegulateAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RecordAnnualReportAsync(
        Guid id, int year, AnnualReportRequest request, UpdateOrganization handler, CancellationToken ct)
    {
        await handler.RecordAnnualReportAsync(id, year, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ChangeDto>>> ListRegistrationChangesAsync(
        ChangeStatus? status, UpdateOrganization handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ChangesAsync(status, ct));

    private static async Task<NoContent> ApproveRegistrationChangeAsync(
        Guid changeId, ReviewRequest request, UpdateOrganization handler, CancellationToken ct)
    {
        await handler.ReviewAsync(changeId, approve: true, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RejectRegistrationChangeAsync(
        Guid changeId, ReviewRequest request, UpdateOrganization handler, CancellationToken ct)
    {
        await handler.ReviewAsync(changeId, approve: false, request, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Registration fields changed: the change waits for the regulator.</summary>
public sealed record ChangeRequested(Guid ChangeId);
