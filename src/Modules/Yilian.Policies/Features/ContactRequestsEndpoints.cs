using System.Text.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies.Features;

/// <summary>The HTTP endpoints of ContactRequests: its API operations and its pages' form posts, each a named handler.</summary>
internal static class ContactRequestsEndpoints
{
    public static IEndpointRouteBuilder MapContactRequestsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Self-check contacts");
        feature.MapPost("/api/v1/policy-check/contact", PolicyCheckContactAsync)
            .AllowAnonymous().DisableAntiforgery().WithName("PolicyCheckContact").WithSummary("Ask to be contacted")
            .WithDescription("With the resident's consent only: keeps their name, phone and the policies found, so a case worker can call.");
        feature.MapGet("/api/v1/policy-check/contacts", PolicyCheckContactsAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("PolicyCheckContacts").WithSummary("List contact requests")
            .WithDescription("Residents who asked to be contacted after their self-check, within the caller's data scope.");
        feature.MapPost("/api/v1/policy-check/contacts/{id:guid}/handled", PolicyCheckContactHandledAsync)
            .RequireAuthorization(AuthPolicies.BackOffice)
            .DisableAntiforgery()
            .WithName("PolicyCheckContactHandled")
            .WithSummary("Mark a contact request handled")
            .WithDescription("The case worker has called the resident back.");
        feature.MapPost("/check/contact", CheckContactFormAsync)
            .AllowAnonymous().ExcludeFromDescription();
        feature.MapPost("/admin/relief/contacts/{id:guid}/handled", ReliefContactsHandledFormAsync)
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        return app;
    }

    private static async Task<Created<ContactRequestCreated>> PolicyCheckContactAsync(
        ContactRequestInput input, ContactRequests contacts, CancellationToken ct) =>
        TypedResults.Created("/api/v1/policy-check/contact", await contacts.CreateAsync(input, ct));

    private static async Task<Ok<IReadOnlyList<ContactRequestView>>> PolicyCheckContactsAsync(
        bool? handled, ContactRequests contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.ListAsync(handled == true, ct));

    private static async Task<NoContent> PolicyCheckContactHandledAsync(Guid id, ContactRequests contacts, CancellationToken ct)
    {
        await contacts.MarkHandledAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CheckContactFormAsync(
        [FromForm] string? name,
        [FromForm] string? phone,
        [FromForm] bool? consent,
        [FromForm] string? answers,
        [FromForm] string? community,
        ContactRequests contacts,
        CancellationToken ct)
    {
        Dictionary<string, List<string>>? given = null;
        try
        {
            given = answers is { Length: > 0 and < 20_000 } ? JsonSerializer.Deserialize<Dictionary<string, List<string>>>(answers) : null;
        }
        catch (JsonException)
        {
            // Tampered hidden field: checked as if no answers were given.
        }

        return await PageForms.RunAsync("/check?contacted=true", () => contacts.CreateAsync(new ContactRequestInput(name, phone, consent == true, given, community), ct));
    }

    private static async Task<IResult> ReliefContactsHandledFormAsync(Guid id, ContactRequests contacts, CancellationToken ct) =>
        await PageForms.RunAsync("/admin/relief", () => contacts.MarkHandledAsync(id, ct));
}
