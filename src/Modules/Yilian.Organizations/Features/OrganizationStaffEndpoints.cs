using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Organizations.Domain;
using Yilian.Platform.Contracts;

namespace Yilian.Organizations.Features;

/// <summary>The HTTP endpoints of OrganizationStaff: its API operations and its pages' form posts, each a named handler.</summary>
internal static class OrganizationStaffEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Organization staff");
        var api = feature.MapGroup("/api/v1/organizations").RequireAuthorization(Policies.BackOffice);
        feature.MapPost("/admin/organizations/{id:guid}/staff", OrganizationsStaffFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        feature.MapPost("/admin/organizations/{id:guid}/staff/{staffId:guid}/remove", OrganizationsStaffRemoveFormAsync)
            .RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
        api.MapGet("/{id:guid}/staff", ListOrganizationStaffAsync)
            .WithName("ListOrganizationStaff").WithSummary("List an organization's staff")
            .WithDescription("The organization's staff, phone numbers masked.");
        api.MapPost("/{id:guid}/staff", AddOrganizationStaffAsync)
            .WithName("AddOrganizationStaff").WithSummary("Add a staff member")
            .WithDescription("Adds a staff member to the organization (name and mobile number checked).");
        api.MapDelete("/{id:guid}/staff/{staffId:guid}", RemoveOrganizationStaffAsync)
            .WithName("RemoveOrganizationStaff").WithSummary("Remove a staff member")
            .WithDescription("Removes a staff member; bookings that named them keep their history.");
        return app;
    }

    private static async Task<IResult> OrganizationsStaffFormAsync(
        Guid id,
        [FromForm] string? name,
        [FromForm] string? title,
        [FromForm] CertificateLevel? certificate,
        [FromForm] string? certificateNumber,
        [FromForm] string? phone,
        OrganizationStaff staff,
        CancellationToken ct)
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
    }

    private static async Task<IResult> OrganizationsStaffRemoveFormAsync(
        Guid id, Guid staffId, [FromForm] string? unused, OrganizationStaff staff, CancellationToken ct)
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
    }

    private static async Task<Ok<IReadOnlyList<StaffDto>>> ListOrganizationStaffAsync(
        Guid id, OrganizationStaff staff, CancellationToken ct) =>
        TypedResults.Ok(await staff.ListAsync(id, ct));

    private static async Task<Created> AddOrganizationStaffAsync(
        Guid id, StaffRequest request, OrganizationStaff staff, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/organizations/{id}/staff/{await staff.AddAsync(id, request, ct)}");

    private static async Task<NoContent> RemoveOrganizationStaffAsync(
        Guid id, Guid staffId, OrganizationStaff staff, CancellationToken ct)
    {
        await staff.RemoveAsync(id, staffId, ct);
        return TypedResults.NoContent();
    }
}
