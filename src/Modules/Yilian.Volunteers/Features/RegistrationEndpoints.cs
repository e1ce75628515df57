using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Registration: its API operations and its pages' form posts, each a named handler.</summary>
internal static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Volunteer registration");
        var volunteers = feature.MapGroup("/api/v1/volunteers");
        volunteers.MapPost("/verification-codes", SendVerificationCodeAsync)
            .AllowAnonymous().DisableAntiforgery().WithName("SendVerificationCode").WithSummary("Send a verification code")
            .WithDescription("Texts a six-digit code to the phone (valid ten minutes, one per minute).");
        volunteers.MapPost("/", RegisterVolunteerAsync)
            .AllowAnonymous().DisableAntiforgery().WithName("RegisterVolunteer").WithSummary("Register as a volunteer")
            .WithDescription("Self-registration with the phone code, real name and ID number (encrypted), consents; under 14 a guardian's consent.");
        return app;
    }

    private static async Task<NoContent> SendVerificationCodeAsync(CodeRequest request, Registration r, CancellationToken ct)
    {
        await r.SendCodeAsync(request, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<VolunteerDto>> RegisterVolunteerAsync(
        RegisterRequest request, Registration r, CancellationToken ct)
    {
        var created = await r.RegisterAsync(request, ct);
        return TypedResults.Created($"/api/v1/volunteers/{created.Id}", created);
    }
}
