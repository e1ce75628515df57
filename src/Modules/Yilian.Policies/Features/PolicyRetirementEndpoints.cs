using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies;

/// <summary>The HTTP endpoints of PolicyRetirement: its API operation and the policies page's form post.</summary>
internal static class PolicyRetirementEndpoints
{
    public static IEndpointRouteBuilder MapPolicyRetirementEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Policies");
        feature.MapPost("/api/v1/policies/{id}/retire", RetirePolicyAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery().WithName("RetirePolicy").WithSummary("Retire a policy")
            .WithDescription("Takes a policy out of force by recording a version that retires it; earlier versions and results stay. "
                + "Publishing a higher version brings it back.");
        feature.MapPost("/admin/policies/{id}/retire", RetireFormAsync)
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<PolicyVersionInfo>> RetirePolicyAsync(
        string id, RetireRequest body, PolicyRetirement retirement, CancellationToken ct) =>
        TypedResults.Ok(await retirement.RetireAsync(id, body.Note, ct));

    private static async Task<IResult> RetireFormAsync(string id, [FromForm] string? note, PolicyRetirement retirement,
        CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/policies", async () =>
            {
                var retired = await retirement.RetireAsync(id, note, ct);
                return "/admin/policies?published=" + Uri.EscapeDataString(Resources.PolicyText.Get("Retire_Done", retired.Name,
                    retired.Version));
            });
}
