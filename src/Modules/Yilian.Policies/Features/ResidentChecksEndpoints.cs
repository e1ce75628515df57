using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Features;

/// <summary>The endpoints of <see cref="ResidentChecks"/> and <see cref="EligibilityTraces"/>: one resident against the policies.</summary>
internal static class ResidentChecksEndpoints
{
    public static IEndpointRouteBuilder MapResidentChecksEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags(CandidatesEndpoints.Tag).RequireAuthorization(AuthPolicies.BackOffice);
        var residents = feature.MapGroup("/api/v1/residents");
        residents.MapPost("/lookup", ResidentLookupAsync)
            .WithName("ResidentLookup").WithSummary("Look up a resident")
            .WithDescription("A resident found by ID number (within the caller's scope), checked against every policy in force "
                + "with the traces. The ID number travels in the body only, never in the address (logs, proxies).");
        residents.MapGet("/{id:guid}/trace", ResidentTraceAsync)
            .WithName("ResidentTrace").WithSummary("Trace a resident's eligibility")
            .WithDescription("Every condition of a policy for one resident, with the value used and the department it came from.");
        return app;
    }

    private static async Task<Ok<ResidentCheck>> ResidentLookupAsync(
        ResidentLookupRequest request, ResidentChecks c, CancellationToken ct) =>
        TypedResults.Ok(await c.LookupAsync(request.IdNumber, request.Date, ct));

    private static async Task<Ok<TraceView>> ResidentTraceAsync(
        Guid id, string policy, int? version, DateOnly? date, EligibilityTraces t, CancellationToken ct) =>
        TypedResults.Ok(await t.TraceAsync(id, policy, version, date, ct));
}

/// <summary>Whom to check, and on which day (today when absent).</summary>
public sealed record ResidentLookupRequest(string? IdNumber, DateOnly? Date);
