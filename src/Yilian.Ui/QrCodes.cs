using QRCoder;

namespace Yilian.Ui;

/// <summary>QR codes drawn as SVG for pages (a check-in code, a rating link), scaling to their box.</summary>
public static class QrCodes
{
    public static string Svg(string text, int size = 240)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(size, size), "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
