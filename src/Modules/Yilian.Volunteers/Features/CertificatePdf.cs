using System.Globalization;

using SkiaSharp;

using Yilian.Ui.Pdf;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>
/// Draws a certificate as a one-page A4 PDF with SkiaSharp's PDF back end (MIT; decision 013): the
/// fields the national rules require, and a QR code of the verification URL drawn as vector squares.
/// Chinese text uses an installed CJK font file. Noto Sans CJK SC comes first: measured here, Skia embeds
/// only the glyphs drawn from it (about 20 KB), while it embeds WenQuanYi Micro Hei whole (2.3 MB).
/// </summary>
public static class CertificatePdf
{
    private const float Width = 595;
    private const float Height = 842;
    private const float Margin = 64;

    public static byte[] Render(CertificateDto c, string verifyUrl) =>
        PdfKit.OnePage(Width, Height, VolunteerText.Get("Cert_Title") + " " + c.Number, c.IssuedAt, canvas => Draw(canvas, c, verifyUrl));

    private static void Draw(SKCanvas canvas, CertificateDto c, string verifyUrl)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var red = new SKPaint { Color = new SKColor(0xB7, 0x1C, 0x1C), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        using var title = new SKFont(PdfKit.Face, 28);
        using var body = new SKFont(PdfKit.Face, 12.5f);
        using var small = new SKFont(PdfKit.Face, 9.5f);
        using var frame = new SKPaint { Color = new SKColor(0xB7, 0x1C, 0x1C), Style = SKPaintStyle.Stroke, StrokeWidth = 2,
            IsAntialias = true };
        canvas.DrawRect(28, 28, Width - 56, Height - 56, frame);

        canvas.DrawText(VolunteerText.Get("Cert_Title"), Width / 2, 110, SKTextAlign.Center, title, red);
        canvas.DrawText(VolunteerText.Get("Cert_NumberLine", c.Number), Width - Margin, 140, SKTextAlign.Right, small, grey);

        var y = 185f;
        var opening = VolunteerText.Get("Cert_Body", c.VolunteerName, c.IdType, c.IdNumberMasked, c.VolunteerNumber,
            Date(c.ServiceFrom), Date(c.ServiceTo), c.OrganizationName, c.Hours);
        y = PdfKit.Paragraph(canvas, opening, Margin, y, Width - 2 * Margin, body, ink, 22);

        y += 18;
        var rows = new (string Label, string Value)[]
        {
            (VolunteerText.Get("Cert_Name"), c.VolunteerName),
            (VolunteerText.Get("Cert_IdType"), c.IdType),
            (VolunteerText.Get("Cert_IdNumber"), c.IdNumberMasked),
            (VolunteerText.Get("Cert_VolunteerNumber"), c.VolunteerNumber),
            (VolunteerText.Get("Cert_Hours"), VolunteerText.Get("Cert_HoursValue", c.Hours, c.Records)),
            (VolunteerText.Get("Cert_Period"), $"{Date(c.ServiceFrom)} — {Date(c.ServiceTo)}"),
            (VolunteerText.Get("Cert_Content"), c.ServiceContent),
            (VolunteerText.Get("Cert_Organization"), c.OrganizationName),
            (VolunteerText.Get("Cert_Handler"), c.HandlerName),
            (VolunteerText.Get("Cert_Contact"), string.IsNullOrEmpty(c.HandlerContact) ? "—" : c.HandlerContact),
            (VolunteerText.Get("Cert_Number"), c.Number),
            (VolunteerText.Get("Cert_IssuedOn"), Date(DateOnly.FromDateTime(Yilian.SharedKernel.ChinaTime.ToChina(c.IssuedAt).DateTime))),
        };
        using var rule = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD), StrokeWidth = 0.8f };
        foreach (var (label, value) in rows)
        {
            canvas.DrawText(label, Margin, y, SKTextAlign.Left, body, grey);
            var next = PdfKit.Paragraph(canvas, value, Margin + 110, y, Width - 2 * Margin - 110, body, ink, 18);
            y = Math.Max(y + 24, next + 6);
            canvas.DrawLine(Margin, y - 16, Width - Margin, y - 16, rule);
        }

        // Seal line and QR code.
        canvas.DrawText(VolunteerText.Get("Cert_IssuerLine", c.OrganizationName), Width - Margin, y + 30, SKTextAlign.Right, body, ink);
        var qrSize = 112f;
        var qrTop = Height - Margin - qrSize - 30;
        PdfKit.DrawQr(canvas, verifyUrl, Margin, qrTop, qrSize);
        canvas.DrawText(VolunteerText.Get("Cert_Scan"), Margin + qrSize + 14, qrTop + 20, SKTextAlign.Left, body, ink);
        PdfKit.Paragraph(canvas, verifyUrl, Margin + qrSize + 14, qrTop + 42, Width - 2 * Margin - qrSize - 14, small, grey, 13);
        PdfKit.Paragraph(canvas, VolunteerText.Get("Cert_Basis"), Margin, Height - Margin, Width - 2 * Margin, small, grey, 13);
        if (c.Revoked)
        {
            using var stamp = new SKFont(PdfKit.Face, 60);
            canvas.DrawText(VolunteerText.Get("Cert_Revoked"), Width / 2, Height / 2, SKTextAlign.Center, stamp, red);
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
