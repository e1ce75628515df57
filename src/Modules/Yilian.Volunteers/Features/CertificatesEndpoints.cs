using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.Ui;

namespace Yilian.Volunteers.Features;

/// <summary>The HTTP endpoints of Certificates: its API operations and its pages' form posts, each a named handler.</summary>
internal static class CertificatesEndpoints
{
    public static IEndpointRouteBuilder MapCertificatesEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Certificates");
        feature.MapPost("/api/v1/volunteers/me/certificates", IssueCertificateAsync)
            .RequireAuthorization().WithName("IssueCertificate").WithSummary("Issue my service certificate")
            .WithDescription("A certificate of the signed-in volunteer's confirmed hours, optionally for one organization, with a number anyone can "
                + "verify.");
        feature.MapGet("/api/v1/volunteers/me/certificates", MyCertificatesAsync)
            .RequireAuthorization().WithName("MyCertificates").WithSummary("List my certificates")
            .WithDescription("The certificates issued to the signed-in volunteer, newest first.");
        feature.MapGet("/api/v1/certificates/{number}", GetCertificateAsync)
            .RequireAuthorization().WithName("GetCertificate").WithSummary("Get a certificate")
            .WithDescription("One certificate by its number: the holder, or an organizer within scope.");
        feature.MapGet("/api/v1/certificates/{number}/pdf", CertificatePdfAsync)
            .RequireAuthorization().WithName("CertificatePdf").ProducesFile("application/pdf").WithSummary("Download a certificate as PDF")
            .WithDescription("The certificate as a PDF with a QR code that opens its public verification page.");
        feature.MapGet("/api/v1/public/certificates/{number}", VerifyCertificateAsync)
            .AllowAnonymous()
            .WithName("VerifyCertificate")
            .WithSummary("Verify certificate")
            .WithDescription("Anyone with the number: valid or not, with the name partly masked.");
        feature.MapPost("/volunteer/certificates", VolunteerCertificatesFormAsync)
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Created<CertificateDto>> IssueCertificateAsync(
        CertificateRequest request, Certificates c, CancellationToken ct)
    {
        var issued = await c.IssueAsync(request, ct);
        return TypedResults.Created($"/api/v1/certificates/{issued.Number}", issued);
    }

    private static async Task<Ok<IReadOnlyList<CertificateDto>>> MyCertificatesAsync(Certificates c, CancellationToken ct) =>
        TypedResults.Ok(await c.MineAsync(ct));

    private static async Task<Ok<CertificateDto>> GetCertificateAsync(string number, Certificates c, CancellationToken ct) =>
        TypedResults.Ok(await c.GetAsync(number, ct));

    private static async Task<FileContentHttpResult> CertificatePdfAsync(string number, HttpRequest http, Certificates c, CancellationToken ct)
    {
        var certificate = await c.GetAsync(number, ct);
        var pdf = CertificatePdf.Render(certificate, $"{http.Scheme}://{http.Host}/verify/certificates/{certificate.Number}");
        return TypedResults.File(pdf, "application/pdf", $"certificate-{certificate.Number}.pdf");
    }

    private static async Task<Ok<CertificateCheck>> VerifyCertificateAsync(string number, Certificates c, CancellationToken ct) =>
        await c.VerifyAsync(number, ct) is { } check ? TypedResults.Ok(check) : throw new NotFoundException("Certificate", number);

    private static async Task<IResult> VolunteerCertificatesFormAsync(
        [FromForm] Guid? organizationId, Certificates c, CancellationToken ct) =>
        await PageForms.RunAsync("/volunteer/hours", () => c.IssueAsync(new CertificateRequest(organizationId), ct));
}
