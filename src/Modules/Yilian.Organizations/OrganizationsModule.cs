using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Features;
using Yilian.Organizations.Resources;
using Yilian.Organizations.Seeding;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Ui;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Organizations;

public static class OrganizationsModule
{
    public static IHostApplicationBuilder AddOrganizationsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<OrganizationsDbContext>(OrganizationsDbContext.Module);
        builder.Services.AddScoped<OrganizationQueries>();
        builder.Services.AddScoped<IWorkbenchSource, OrganizationsWorkbench>();
        builder.Services.AddScoped<RegisterOrganization>();
        builder.Services.AddScoped<UpdateOrganization>();
        builder.Services.AddScoped<ImportOrganizations>();
        builder.Services.AddScoped<Incubations>();
        builder.Services.AddScoped<OrganizationStaff>();
        builder.Services.AddScoped<IOrganizationLookup, OrganizationLookup>();
        builder.Services.AddScoped<ISeedStep, OrganizationSeedStep>();
        builder.Services.AddScoped<ISeedStep, LivingOrganizationsSeedStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", async ([AsParameters] OrganizationListQuery q, OrganizationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(q, ct)))
            .WithName("ListOrganizations").WithSummary("Organizations in the caller's scope.");
        api.MapGet("/{id:guid}", async (Guid id, OrganizationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithName("GetOrganization").WithSummary("One organization; 404 when it does not exist or is outside the caller's scope.");
        api.MapGet("/import-template", () => TypedResults.File(ImportOrganizations.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "organizations-template.xlsx"))
            .WithName("OrganizationImportTemplate");
        api.MapPost("/import", async (IFormFile? file, ImportOrganizations import, CancellationToken ct) => TypedResults.Ok(await import.HandleAsync(file, ct)))
            .WithName("ImportOrganizations").RequireAuthorization(Policies.Operator).DisableAntiforgery()
            .WithSummary("multipart/form-data file: an .xlsx laid out like the template; every bad row is reported and nothing is written unless all rows are good.");
        app.MapPost("/admin/organizations/import", async (IFormFile? file, ImportOrganizations import, CancellationToken ct) =>
            {
                try
                {
                    var result = await import.HandleAsync(file, ct);
                    return Results.LocalRedirect($"/admin/organizations?imported={result.Imported}");
                }
                catch (Yilian.SharedKernel.Errors.InputValidationException e)
                {
                    var lines = e.Errors.Take(10).Select(x => x.Key == "file" ? string.Join(" ", x.Value) : $"{x.Key}：{string.Join(" ", x.Value)}");
                    return Results.LocalRedirect($"/admin/organizations?importError={Uri.EscapeDataString(string.Join("\n", lines))}");
                }
            })
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        app.MapPost("/admin/organizations/{id:guid}/staff", async (Guid id, [FromForm] string? name, [FromForm] string? title, [FromForm] CertificateLevel? certificate,
                [FromForm] string? certificateNumber, [FromForm] string? phone, OrganizationStaff staff, CancellationToken ct) =>
            {
                try
                {
                    await staff.AddAsync(id, new StaffRequest { Name = name, Title = title, Certificate = certificate ?? CertificateLevel.None, CertificateNumber = certificateNumber, Phone = phone }, ct);
                    return Results.LocalRedirect($"/admin/organizations/{id}");
                }
                catch (Exception e) when (e is Yilian.SharedKernel.Errors.InputValidationException or Yilian.SharedKernel.Errors.ForbiddenException)
                {
                    var message = Yilian.SharedKernel.Errors.ErrorText.Of(e);
                    return Results.LocalRedirect($"/admin/organizations/{id}?staffError={Uri.EscapeDataString(message)}");
                }
            })
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/organizations/{id:guid}/staff/{staffId:guid}/remove", async (Guid id, Guid staffId, [FromForm] string? unused, OrganizationStaff staff, CancellationToken ct) =>
            {
                try
                {
                    await staff.RemoveAsync(id, staffId, ct);
                    return Results.LocalRedirect($"/admin/organizations/{id}");
                }
                catch (Yilian.SharedKernel.Errors.ForbiddenException e)
                {
                    return Results.LocalRedirect($"/admin/organizations/{id}?staffError={Uri.EscapeDataString(e.Message)}");
                }
            })
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/incubation/incubations/{id:guid}/graduate", async (Guid id, [FromForm] string? unused, Incubations i, CancellationToken ct) =>
                await PageForms.RunAsync(IncubationPage, () => i.GraduateAsync(id, ct), SetupError))
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        app.MapPost("/admin/incubation/incubators", async ([FromForm] string? name, [FromForm] IncubatorKind? kind, [FromForm] string? regionCode, Incubations i, CancellationToken ct) =>
                await PageForms.RunAsync(IncubationPage, () => i.CreateIncubatorAsync(new CreateIncubatorRequest(name, kind, string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim()), ct), SetupError))
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        app.MapPost("/admin/incubation/incubations", async ([FromForm] Guid incubatorId, [FromForm] string? creditCode, [FromForm] string? steward, [FromForm] string? mentors,
                [FromForm] Guid? projectId, Incubations i, IOrganizationLookup organizations, CancellationToken ct) =>
                await PageForms.RunAsync(IncubationPage, async () =>
                {
                    var org = creditCode is null ? null : await organizations.FindByCreditCodeAsync(creditCode.Trim().ToUpperInvariant(), ct);
                    var names = (mentors ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    await i.IncubateAsync(incubatorId, new IncubateRequest(org?.Id, projectId, steward?.Trim(), names), ct);
                }, SetupError))
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        api.MapGet("/export", Export).WithName("ExportOrganizations").WithSummary("The filtered list as an Excel workbook (.xlsx).");
        api.MapGet("/{id:guid}/profile", async (Guid id, OrganizationQueries queries, UpdateOrganization changes, CancellationToken ct) =>
                TypedResults.Ok(await queries.ProfileAsync(id, changes, ct)))
            .WithName("GetOrganizationProfile");
        api.MapPut("/{id:guid}", async (Guid id, UpdateOrganizationRequest request, UpdateOrganization handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, ct) is { } change
                    ? Results.Accepted($"/api/v1/organizations/changes/{change}", new { changeId = change })
                    : Results.NoContent())
            .WithName("UpdateOrganization").WithSummary("Profile fields apply at once; registration fields answer 202 with a change for the regulator to review.");
        api.MapPut("/{id:guid}/regulatory", async (Guid id, RegulatoryUpdateRequest request, UpdateOrganization handler, CancellationToken ct) =>
            {
                await handler.RegulateAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RegulateOrganization").WithSummary("Regulator: evaluation grade (valid five years), status, charity and public-fundraising status.");
        api.MapPut("/{id:guid}/annual-reports/{year:int}", async (Guid id, int year, AnnualReportRequest request, UpdateOrganization handler, CancellationToken ct) =>
            {
                await handler.RecordAnnualReportAsync(id, year, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordAnnualReport");
        api.MapGet("/{id:guid}/staff", async (Guid id, OrganizationStaff staff, CancellationToken ct) => TypedResults.Ok(await staff.ListAsync(id, ct)))
            .WithName("ListOrganizationStaff");
        api.MapPost("/{id:guid}/staff", async (Guid id, StaffRequest request, OrganizationStaff staff, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/organizations/{id}/staff/{await staff.AddAsync(id, request, ct)}"))
            .WithName("AddOrganizationStaff");
        api.MapDelete("/{id:guid}/staff/{staffId:guid}", async (Guid id, Guid staffId, OrganizationStaff staff, CancellationToken ct) =>
            {
                await staff.RemoveAsync(id, staffId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveOrganizationStaff");
        api.MapGet("/changes", async (ChangeStatus? status, UpdateOrganization handler, CancellationToken ct) => TypedResults.Ok(await handler.ChangesAsync(status, ct)))
            .WithName("ListRegistrationChanges");
        api.MapPost("/changes/{changeId:guid}/approve", async (Guid changeId, ReviewRequest request, UpdateOrganization handler, CancellationToken ct) =>
            {
                await handler.ReviewAsync(changeId, approve: true, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ApproveRegistrationChange");
        api.MapPost("/changes/{changeId:guid}/reject", async (Guid changeId, ReviewRequest request, UpdateOrganization handler, CancellationToken ct) =>
            {
                await handler.ReviewAsync(changeId, approve: false, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RejectRegistrationChange");
        api.MapPost("/", Register).WithName("RegisterOrganization").RequireAuthorization(Policies.Operator).WithIdempotency()
            .WithSummary("Register an organization (credit code checked, duplicates refused with 409).");
        var incubation = app.MapGroup("/api/v1").WithTags("Incubation").RequireAuthorization(Policies.BackOffice);
        incubation.MapGet("/incubators", async (Incubations i, CancellationToken ct) => TypedResults.Ok(await i.IncubatorsAsync(ct))).WithName("ListIncubators");
        incubation.MapPost("/incubators", async (CreateIncubatorRequest request, Incubations i, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/incubators/{await i.CreateIncubatorAsync(request, ct)}")).WithName("CreateIncubator");
        incubation.MapPost("/incubators/{id:guid}/incubations", async (Guid id, IncubateRequest request, Incubations i, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/incubations/{await i.IncubateAsync(id, request, ct)}"))
            .WithName("Incubate").WithSummary("An organization (or one project) enters the incubator with a steward (a platform operator) and mentors.");
        incubation.MapGet("/incubations", async (Guid? organizationId, Incubations i, CancellationToken ct) => TypedResults.Ok(await i.ListAsync(organizationId, ct)))
            .WithName("ListIncubations");
        incubation.MapPost("/incubations/{id:guid}/notes", async (Guid id, NoteRequest request, Incubations i, CancellationToken ct) =>
            {
                await i.AddNoteAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("AddAdviceNote");
        incubation.MapPost("/incubations/{id:guid}/graduate", async (Guid id, Incubations i, CancellationToken ct) =>
            {
                await i.GraduateAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("GraduateIncubation");
        return app;
    }

    private const string IncubationPage = "/admin/incubation";

    private const string SetupError = "setupError";

    private static async Task<FileContentHttpResult> Export([AsParameters] OrganizationListQuery q, OrganizationQueries queries, IDictionaries dictionaries, CancellationToken ct)
    {
        var fieldNames = (await dictionaries.ListAsync(DictionaryTypes.ServiceField, includeInactive: true, ct)).ToDictionary(f => f.Code, f => f.Name);
        var rows = (await queries.AllAsync(q, ct)).Select(o => new Dictionary<string, object?>
        {
            [OrgText.Get("Org_Name")] = o.Name,
            [OrgText.Get("Org_CreditCode")] = o.CreditCode,
            [OrgText.Get("Org_Type")] = OrgText.Get("Type_" + o.Type),
            [OrgText.Get("Org_Status")] = OrgText.Get("Status_" + o.Status),
            [OrgText.Get("Org_Region")] = o.RegionCode,
            [OrgText.Get("Org_LegalRepresentative")] = o.LegalRepresentative,
            [OrgText.Get("Org_RegistrationAuthority")] = o.RegistrationAuthority,
            [OrgText.Get("Org_RegisteredOn")] = o.RegisteredOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [OrgText.Get("Org_Grade")] = OrgText.Get("Grade_" + o.Grade),
            [OrgText.Get("Org_GradeValidUntil")] = o.GradeValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [OrgText.Get("Org_IsCharity")] = OrgText.Get(o.IsCharity ? "Yes" : "No"),
            [OrgText.Get("Org_PublicFundraising")] = OrgText.Get(o.HasPublicFundraising ? "Yes" : "No"),
            [OrgText.Get("Org_ServiceFields")] = string.Join("、", o.ServiceFields.Select(f => fieldNames.GetValueOrDefault(f, f))),
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows, cancellationToken: ct);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "organizations.xlsx");
    }

    private static async Task<Created<OrganizationDto>> Register(RegisterOrganizationRequest request, RegisterOrganization handler, OrganizationQueries queries, CancellationToken ct)
    {
        var id = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/v1/organizations/{id}", await queries.GetAsync(id, ct));
    }
}
