using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel.Errors;

namespace Yilian.Policies;

/// <summary>The HTTP endpoints of PolicyCatalog: its API operations and its pages' form posts, each a named handler.</summary>
internal static class PolicyCatalogEndpoints
{
    public static IEndpointRouteBuilder MapPolicyCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Policies");
        var policies = feature.MapGroup("/api/v1/policies");
        policies.MapGet("/", PoliciesAsync)
            .AllowAnonymous()
            .WithName("Policies")
            .WithSummary("Policies")
            .WithDescription("The policies in force (public), each at its current version.");
        policies.MapGet("/{id}", PolicyAsync)
            .AllowAnonymous().WithName("Policy").WithSummary("Policy").WithDescription("One policy, current or a given version.");
        policies.MapPost("/validate", ValidatePolicyAsync)
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithName("ValidatePolicy")
            .WithSummary("Validate policy")
            .WithDescription("Checks a policy file; every problem with its line and column.");
        feature.MapPost("/api/v1/policy-check", PolicyCheckAsync)
            .AllowAnonymous().DisableAntiforgery().WithName("PolicyCheck").WithSummary("Check which policies apply")
            .WithDescription("Answers in; eligible and not eligible policies with reasons, and the next question that can still change an answer. "
                + "Nothing is stored.");
        return app;
    }

    private static async Task<Ok<List<PolicySummary>>> PoliciesAsync(PolicyCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.CurrentAsync(ct)).Select(Summary).ToList());

    private static async Task<Ok<PolicySummary>> PolicyAsync(string id, int? version, PolicyCatalog catalog, CancellationToken ct) =>
        (version is { } v ? catalog.Version(id, v) : (await catalog.CurrentAsync(ct)).FirstOrDefault(p => p.Id == id)) is { } p
            ? TypedResults.Ok(Summary(p))
            : throw new NotFoundException("Policy", id);

    private static async Task<Ok<ValidationAnswer>> ValidatePolicyAsync(PolicyFile body, PolicyCatalog catalog, CancellationToken ct)
    {
        if (body.Text is not { Length: > 0 and <= PolicyCatalog.MaxFileChars } text)
        {
            throw InputValidationException.For("text", PolicyText.Get("Publish_TextRequired", PolicyCatalog.MaxFileChars / 1000));
        }

        var current = await catalog.CurrentAsync(ct);
        var problems = new List<PolicyProblem>();
        if (PolicyParser.TryParse(text, problems, catalog.Facts) is { } policy)
        {
            problems.AddRange(PolicyParser.CheckSet([.. current.Where(p => p.Id != policy.Id), policy]));
        }

        return TypedResults.Ok(new ValidationAnswer(problems.Count == 0, problems));
    }

    private static async Task<Ok<SelfCheckResult>> PolicyCheckAsync(
        PolicyCheckRequest request, PolicyCatalog catalog, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(PolicyCatalog.RunSelfCheck(request.Answers, request.Date, await catalog.CurrentAsync(ct), clock, catalog.Facts));

    internal static PolicySummary Summary(Policy p) =>
        new(p.Id, p.Version, p.Name, p.AppliesTo, p.Department, p.LegalBasis, p.Benefit, p.Documents, p.Parameters.Values.Any(v => v.Illustrative));
}
