using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Ledgers: its API operations and its pages' form posts, each a named handler.</summary>
internal static class LedgersEndpoints
{
    public static IEndpointRouteBuilder MapLedgersEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Service ledgers");
        var ledgers = feature.MapGroup("/api/v1/ledgers").RequireAuthorization();
        ledgers.MapGet("/activities/{id:guid}", ActivityLedgerAsync)
            .WithName("ActivityLedger")
            .WithSummary("Activity ledger")
            .WithDescription("Sign-ups, attendance, confirmed hours and approved photos of one activity.");
        ledgers.MapGet("/activities/{id:guid}/export", ExportActivityLedgerAsync)
            .WithName("ExportActivityLedger").ProducesFile(ModuleApi.SpreadsheetType).WithSummary("Export an activity's ledger")
            .WithDescription("Sign-ups, attendance and confirmed hours of one activity, as Excel.");
        ledgers.MapGet("/organizations/{id:guid}", OrganizationLedgerAsync)
            .WithName("OrganizationLedger")
            .WithSummary("Organization ledger")
            .WithDescription("Per activity in the period (default: the last three months, at most a year).");
        ledgers.MapGet("/organizations/{id:guid}/export", ExportOrganizationLedgerAsync)
            .WithName("ExportOrganizationLedger").ProducesFile(ModuleApi.SpreadsheetType).WithSummary("Export an organization's ledger")
            .WithDescription("Every activity of the organization in the period with attendance and hours, as Excel.");
        ledgers.MapGet("/volunteers/me/export", ExportMyServiceRecordAsync)
            .WithName("ExportMyServiceRecord").ProducesFile(ModuleApi.SpreadsheetType).WithSummary("Export my service record")
            .WithDescription("The signed-in volunteer's confirmed service, as Excel.");
        ledgers.MapGet("/volunteers/{id:guid}/export", ExportVolunteerServiceRecordAsync)
            .WithName("ExportVolunteerServiceRecord")
            .ProducesFile(ModuleApi.SpreadsheetType)
            .WithSummary("Export a volunteer's service record")
            .WithDescription("One volunteer's confirmed service within the caller's scope, as Excel.");
        return app;
    }

    private static async Task<Ok<Ledger>> ActivityLedgerAsync(Guid id, Ledgers l, CancellationToken ct) =>
        TypedResults.Ok((await l.ForActivityAsync(id, ct)).Ledger);

    private static async Task<FileContentHttpResult> ExportActivityLedgerAsync(Guid id, Ledgers l, CancellationToken ct)
    {
        var (ledger, records) = await l.ForActivityAsync(id, ct);
        return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "activity-ledger.xlsx");
    }

    private static async Task<Ok<Ledger>> OrganizationLedgerAsync(
        Guid id, DateOnly? from, DateOnly? to, Ledgers l, CancellationToken ct) =>
        TypedResults.Ok((await l.ForOrganizationAsync(id, from, to, ct)).Ledger);

    private static async Task<FileContentHttpResult> ExportOrganizationLedgerAsync(
        Guid id, DateOnly? from, DateOnly? to, Ledgers l, CancellationToken ct)
    {
        var (ledger, records) = await l.ForOrganizationAsync(id, from, to, ct);
        return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "organization-ledger.xlsx");
    }

    private static async Task<FileContentHttpResult> ExportMyServiceRecordAsync(Ledgers l, CancellationToken ct)
    {
        var (ledger, records) = await l.ForVolunteerAsync(null, ct);
        return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "my-service-record.xlsx");
    }

    private static async Task<FileContentHttpResult> ExportVolunteerServiceRecordAsync(Guid id, Ledgers l, CancellationToken ct)
    {
        var (ledger, records) = await l.ForVolunteerAsync(id, ct);
        return TypedResults.File(await Ledgers.ExcelAsync(ledger, records, ct), Ledgers.ExcelType, "volunteer-service-record.xlsx");
    }
}
