using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Yilian.Policies.Rules;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;

namespace Yilian.Policies;

public sealed record PolicySummary(string Id, int Version, string Name, Subject AppliesTo, string Department, string LegalBasis, Benefit Benefit, IReadOnlyList<string> Documents, bool Illustrative);

public sealed record PolicyText(string? Text);

public sealed record ValidationAnswer(bool Valid, IReadOnlyList<PolicyProblem> Problems);

public sealed record PolicyCheckRequest(Dictionary<string, List<string>>? Answers, DateOnly? Date);

/// <summary>The published policies in memory (the shipped catalogue until operators publish versions).</summary>
public sealed class PolicyCatalog
{
    public IReadOnlyList<Policy> Policies { get; } = ShippedPolicies.All();
}

/// <summary>Relief policies as data (issue 6): the catalogue, validation of policy files, and the resident's anonymous self-check.</summary>
public static class PoliciesModule
{
    public const int MaxPolicyFileChars = 200_000;

    public static IHostApplicationBuilder AddPoliciesModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PolicyCatalog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/v1/policies").WithTags("Policies");
        policies.MapGet("/", (PolicyCatalog catalog) => TypedResults.Ok(catalog.Policies.Select(Summary).ToList()))
            .AllowAnonymous().WithName("Policies").WithSummary("The published relief policies (public).");
        policies.MapGet("/{id}", (string id, PolicyCatalog catalog) =>
                catalog.Policies.FirstOrDefault(p => p.Id == id) is { } p ? Results.Ok(Summary(p)) : throw new NotFoundException("Policy", id))
            .AllowAnonymous().WithName("Policy");
        policies.MapPost("/validate", (PolicyText body, PolicyCatalog catalog) =>
            {
                if (body.Text is not { Length: > 0 and <= MaxPolicyFileChars } text)
                {
                    throw InputValidationException.For("text", $"请提供政策文件内容（不超过 {MaxPolicyFileChars / 1000} KB）。");
                }

                var problems = new List<PolicyProblem>();
                if (PolicyParser.TryParse(text, problems) is { } policy)
                {
                    problems.AddRange(PolicyParser.CheckSet([.. catalog.Policies.Where(p => p.Id != policy.Id), policy]));
                }

                return TypedResults.Ok(new ValidationAnswer(problems.Count == 0, problems));
            })
            .RequireAuthorization().DisableAntiforgery().WithName("ValidatePolicy").WithSummary("Checks a policy file; every problem with its line and column.");
        app.MapPost("/api/v1/policy-check", (PolicyCheckRequest request, PolicyCatalog catalog, TimeProvider clock) =>
            {
                var on = request.Date ?? ChinaTime.Today(clock);
                var answers = request.Answers?.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
                if (answers?.Count > 40)
                {
                    throw InputValidationException.For("answers", "回答过多。");
                }

                var facts = SelfCheck.Facts(answers, on, out var problems);
                if (problems.Count > 0)
                {
                    throw new InputValidationException(problems.GroupBy(p => p.Attribute).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
                }

                return TypedResults.Ok(SelfCheck.Run(catalog.Policies, facts, on));
            })
            .AllowAnonymous().DisableAntiforgery().WithTags("Policies").WithName("PolicyCheck")
            .WithSummary("Answers in; eligible and not eligible policies with reasons, and the next question that can still change an answer. Nothing is stored.");
        return app;
    }

    private static PolicySummary Summary(Policy p) =>
        new(p.Id, p.Version, p.Name, p.AppliesTo, p.Department, p.LegalBasis, p.Benefit, p.Documents, p.Parameters.Values.Any(v => v.Illustrative));
}
