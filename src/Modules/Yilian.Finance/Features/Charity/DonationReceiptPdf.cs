using System.Globalization;

using SkiaSharp;

using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.SharedKernel;
using Yilian.Ui.Pdf;

namespace Yilian.Finance.Features.Charity;

/// <summary>A donor's acknowledgement as its PDF prints it (the name as the donor gave it: the receipt is theirs).</summary>
public sealed record DonorReceipt(
    string Number, string ProjectTitle, string OrganizationName, string RecordNumber, string DonorName, decimal Amount, decimal Refunded,
    DateTimeOffset ReceivedAt, string Channel);

/// <summary>
/// A donation's acknowledgement (捐赠回执) as a one-page A5 PDF, with a QR code of the page where anyone holding it can check it
/// and see what it paid for. Not the official 公益事业捐赠统一票据, which the finance bureau's system issues.
/// </summary>
internal static class DonationReceiptPdf
{
    private const float Width = 420;
    private const float Height = 595;
    private const float Margin = 40;

    public static byte[] Render(DonorReceipt r, string verifyUrl) =>
        PdfKit.OnePage(Width, Height, FinanceText.Get("DonorReceipt_Title") + " " + r.Number, r.ReceivedAt, canvas => Draw(canvas, r,
            verifyUrl));

    private static void Draw(SKCanvas canvas, DonorReceipt r, string verifyUrl)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var red = new SKPaint { Color = new SKColor(0xB7, 0x1C, 0x1C), IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        using var frame = new SKPaint { Color = red.Color, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        using var title = new SKFont(PdfKit.Face, 22);
        using var body = new SKFont(PdfKit.Face, 11);
        using var small = new SKFont(PdfKit.Face, 8.5f);
        canvas.DrawRect(20, 20, Width - 40, Height - 40, frame);
        canvas.DrawText(FinanceText.Get("DonorReceipt_Title"), Width / 2, 72, SKTextAlign.Center, title, red);
        canvas.DrawText(FinanceText.Get("DonorReceipt_NumberLine", r.Number), Width - Margin, 96, SKTextAlign.Right, small, grey);
        var y = 130f;
        var received = ChinaTime.ToChina(r.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var rows = new (string Label, string Value)[]
        {
            (FinanceText.Get("DonorReceipt_Donor"), r.DonorName),
            (FinanceText.Get("DonorReceipt_Amount"), "¥ " + WarningDetector.Money(r.Amount)
                + (r.Refunded > 0 ? FinanceText.Get("DonorReceipt_Refunded", WarningDetector.Money(r.Refunded)) : "")),
            (FinanceText.Get("DonorReceipt_Project"), r.ProjectTitle),
            (FinanceText.Get("DonorReceipt_Record"), r.RecordNumber),
            (FinanceText.Get("DonorReceipt_Organization"), r.OrganizationName),
            (FinanceText.Get("DonorReceipt_Received"), received),
            (FinanceText.Get("DonorReceipt_Channel"), FinanceText.Get("Channel_" + r.Channel)),
        };
        using var rule = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD), StrokeWidth = 0.8f };
        foreach (var (label, value) in rows)
        {
            canvas.DrawText(label, Margin, y, SKTextAlign.Left, body, grey);
            var next = PdfKit.Paragraph(canvas, value, Margin + 80, y, Width - 2 * Margin - 80, body, ink, 16);
            y = Math.Max(y + 22, next + 6);
            canvas.DrawLine(Margin, y - 14, Width - Margin, y - 14, rule);
        }

        PdfKit.Paragraph(canvas, FinanceText.Get("DonorReceipt_Thanks", r.OrganizationName), Margin, y + 14, Width - 2 * Margin, body, ink,
            17);
        const float qr = 96;
        var top = Height - Margin - qr - 24;
        PdfKit.DrawQr(canvas, verifyUrl, Margin, top, qr);
        canvas.DrawText(FinanceText.Get("DonorReceipt_Scan"), Margin + qr + 12, top + 16, SKTextAlign.Left, body, ink);
        PdfKit.Paragraph(canvas, verifyUrl, Margin + qr + 12, top + 34, Width - 2 * Margin - qr - 12, small, grey, 11);
        PdfKit.Paragraph(canvas, FinanceText.Get("DonorReceipt_Note"), Margin, Height - Margin, Width - 2 * Margin, small, grey, 11);
    }
}
