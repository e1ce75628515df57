using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Organizations.Contracts;
using Yilian.Organizations.Domain;
using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Organizations.Features;

/// <summary>The HTTP endpoints of Incubations: its API operations and its pages' form posts, each a named handler.</summary>
internal static class IncubationsEndpoints
{
    public static IEndpointRouteBuilder MapIncubationsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Incubation");
        var incubation = feature.MapGroup("/api/v1").RequireAuthorization(Policies.BackOffice);
        feature.MapPost("/admin/incubation/incubations/{id:guid}/graduate", IncubationIncubationsGraduateFormAsync)
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        feature.MapPost("/admin/incubation/incubators", IncubationIncubatorsFormAsync)
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        feature.MapPost("/admin/incubation/incubations", IncubationIncubationsFormAsync)
            .RequireAuthorization(Policies.Operator).ExcludeFromDescription();
        incubation.MapGet("/incubators", ListIncubatorsAsync)
            .WithName("ListIncubators").WithSummary("List incubators")
            .WithDescription("The incubators (operating bases) and how many organizations each is incubating.");
        incubation.MapPost("/incubators", CreateIncubatorAsync)
            .WithName("CreateIncubator").WithSummary("Create an incubator")
            .WithDescription("Platform operators add an incubator with its name and address.");
        incubation.MapPost("/incubators/{id:guid}/incubations", IncubateAsync)
            .WithName("Incubate")
            .WithSummary("Incubate")
            .WithDescription("An organization (or one project) enters the incubator with a steward (a platform operator) and mentors.");
        incubation.MapGet("/incubations", ListIncubationsAsync)
            .WithName("ListIncubations").WithSummary("List incubations")
            .WithDescription("Organizations in incubation within the caller's scope, with steward, mentors and last advice; mentors see their own.");
        incubation.MapPost("/incubations/{id:guid}/notes", AddAdviceNoteAsync)
            .WithName("AddAdviceNote").WithSummary("Add an advice note")
            .WithDescription("The steward or a mentor records advice given to the incubated organization.");
        incubation.MapPost("/incubations/{id:guid}/graduate", GraduateIncubationAsync)
            .WithName("GraduateIncubation").WithSummary("Graduate an incubation")
            .WithDescription("Ends the incubation as graduated; its notes stay on record.");
        return app;
    }

    private static async Task<IResult> IncubationIncubationsGraduateFormAsync(
        Guid id, [FromForm] string? unused, Incubations i, CancellationToken ct) =>
        await PageForms.RunAsync(IncubationPage, () => i.GraduateAsync(id, ct), SetupError);

    private static async Task<IResult> IncubationIncubatorsFormAsync(
        [FromForm] string? name, [FromForm] IncubatorKind? kind, [FromForm] string? regionCode, Incubations i, CancellationToken ct) =>
        await PageForms.RunAsync(IncubationPage, () => i.CreateIncubatorAsync(new CreateIncubatorRequest(name, kind, string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim()), ct), SetupError);

    private static async Task<IResult> IncubationIncubationsFormAsync(
        [FromForm] Guid incubatorId,
        [FromForm] string? creditCode,
        [FromForm] string? steward,
        [FromForm] string? mentors,
        [FromForm] Guid? projectId,
        Incubations i,
        IOrganizationLookup organizations,
        CancellationToken ct) =>
        await PageForms.RunAsync(IncubationPage, async () =>
            {
                var org = creditCode is null ? null : await organizations.FindByCreditCodeAsync(creditCode.Trim().ToUpperInvariant(), ct);
                var names = (mentors ?? "")
                    .Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .ToList();
                await i.IncubateAsync(incubatorId, new IncubateRequest(org?.Id, projectId, steward?.Trim(), names), ct);
            }, SetupError);

    private static async Task<Ok<IReadOnlyList<IncubatorDto>>> ListIncubatorsAsync(Incubations i, CancellationToken ct) =>
        TypedResults.Ok(await i.IncubatorsAsync(ct));

    private static async Task<Created> CreateIncubatorAsync(CreateIncubatorRequest request, Incubations i, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incubators/{await i.CreateIncubatorAsync(request, ct)}");

    private static async Task<Created> IncubateAsync(Guid id, IncubateRequest request, Incubations i, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/incubations/{await i.IncubateAsync(id, request, ct)}");

    private static async Task<Ok<IReadOnlyList<IncubationDto>>> ListIncubationsAsync(
        Guid? organizationId, Incubations i, CancellationToken ct) =>
        TypedResults.Ok(await i.ListAsync(organizationId, ct));

    private static async Task<NoContent> AddAdviceNoteAsync(Guid id, NoteRequest request, Incubations i, CancellationToken ct)
    {
        await i.AddNoteAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> GraduateIncubationAsync(Guid id, Incubations i, CancellationToken ct)
    {
        await i.GraduateAsync(id, ct);
        return TypedResults.NoContent();
    }

    private const string IncubationPage = "/admin/incubation";

    private const string SetupError = "setupError";
}
