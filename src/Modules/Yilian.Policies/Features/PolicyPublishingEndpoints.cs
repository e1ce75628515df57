using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Ui;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies;

/// <summary>The HTTP endpoints of PolicyPublishing: its API operations and its pages' form posts, each a named handler.</summary>
internal static class PolicyPublishingEndpoints
{
    public static IEndpointRouteBuilder MapPolicyPublishingEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Policies");
        var policies = feature.MapGroup("/api/v1/policies");
        policies.MapPost("/", PublishPolicyAsync)
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery().WithName("PublishPolicy").WithSummary("Publish a policy")
            .WithDescription("Publishes a new version of a policy (a higher version number than the one in force); earlier versions and results stay "
                + "as they were.");
        feature.MapPost("/admin/policies/publish", PoliciesPublishFormAsync)
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        return app;
    }

    private static async Task<Created<PolicySummary>> PublishPolicyAsync(
        PolicyFile body, PolicyPublishing publishing, CancellationToken ct)
    {
        var published = await publishing.PublishAsync(body.Text, ct);
        return TypedResults.Created($"/api/v1/policies/{published.Id}?version={published.Version}", PolicyCatalogEndpoints.Summary(published));
    }

    private static async Task<IResult> PoliciesPublishFormAsync(
        [FromForm] string? text, PolicyPublishing publishing, CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/policies", async () =>
            {
                var policy = await publishing.PublishAsync(text, ct);
                return "/admin/policies?published=" + Uri.EscapeDataString($"{policy.Name} v{policy.Version}");
            });
}
