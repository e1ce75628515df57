using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Auditing;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Paging;
namespace Yilian.Platform.Features.Audit;

/// <summary>The audit trail: search, export and verification of the hash chain, for auditors only.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Audit");
        var audit = feature.MapGroup("/api/v1/audit").RequireAuthorization(Policies.AuditReader);
        audit.MapGet("/", SearchAuditAsync).WithName("SearchAudit").WithSummary("Search the audit trail")
            .WithDescription("Every write with who, when, what changed; personal data masked.");
        audit.MapGet("/export", ExportAuditAsync).WithName("ExportAudit").ProducesFile("text/csv").WithSummary("Export the audit trail")
            .WithDescription("The filtered audit entries as CSV.");
        audit.MapGet("/verify", VerifyAuditAsync).WithName("VerifyAudit").WithSummary("Verify the audit chain")
            .WithDescription("Seals pending entries and checks the hash chain from the first entry; names the first broken link.");
        return app;
    }

    private static async Task<Ok<PagedResult<AuditEntryDto>>> SearchAuditAsync([AsParameters] AuditQuery q, SearchAudit search, CancellationToken ct) =>
        TypedResults.Ok(await search.HandleAsync(q, ct));

    private static async Task<FileContentHttpResult> ExportAuditAsync([AsParameters] AuditQuery q, SearchAudit search, CancellationToken ct) =>
        TypedResults.File(await search.ExportCsvAsync(q, ct), "text/csv; charset=utf-8", "audit.csv");

    private static async Task<Ok<AuditVerification>> VerifyAuditAsync(AuditChain chain, CancellationToken ct)
    {
        await chain.SealPendingAsync(ct);
        return TypedResults.Ok(await chain.VerifyAsync(ct));
    }
}
