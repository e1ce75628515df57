using System.Globalization;

using QRCoder;

using SkiaSharp;

namespace Yilian.Ui.Pdf;

/// <summary>
/// What the PDFs Yilian draws share (volunteer certificates, donation receipts): the Chinese font, a QR code drawn as vector
/// squares, and text wrapped character by character.
/// </summary>
public static class PdfKit
{
    private static readonly Lazy<SKTypeface> LazyFace = new(FindFace);

    /// <summary>The CJK typeface (see <see cref="FindFace"/>).</summary>
    public static SKTypeface Face => LazyFace.Value;

    /// <summary>A one-page PDF of the given size (points), titled and dated, drawn by <paramref name="draw"/>.</summary>
    public static byte[] OnePage(float width, float height, string title, DateTimeOffset at, Action<SKCanvas> draw)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title, Creator = "Yilian", Producer = "Yilian", Creation = at.UtcDateTime, Modified = at.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            draw(document.BeginPage(width, height));
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    public static void DrawQr(SKCanvas canvas, string text, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var cell = size / n;
        using var dark = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                if (matrix[row][col])
                {
                    canvas.DrawRect(x + col * cell, y + row * cell, cell + 0.05f, cell + 0.05f, dark);
                }
            }
        }
    }

    /// <summary>Draws text wrapped at the width (character by character: Chinese has no spaces to break at); returns the last
    /// baseline.</summary>
    public static float Paragraph(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKPaint paint, float lineHeight)
    {
        var line = new System.Text.StringBuilder();
        var baseline = y;
        foreach (var rune in text.EnumerateRunes())
        {
            var candidate = line + rune.ToString();
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                canvas.DrawText(line.ToString(), x, baseline, SKTextAlign.Left, font, paint);
                baseline += lineHeight;
                line.Clear();
            }

            line.Append(rune.ToString());
        }

        if (line.Length > 0)
        {
            canvas.DrawText(line.ToString(), x, baseline, SKTextAlign.Left, font, paint);
        }

        return baseline;
    }

    /// <summary>
    /// The CJK font, loaded from its file: the self-contained Skia build used here has no fontconfig, so
    /// families cannot be looked up by name. <c>YILIAN_CJK_FONT</c> names another file (and <c>#index</c> in a collection).
    /// </summary>
    private static SKTypeface FindFace()
    {
        var candidates = new List<(string File, int Index)>();
        if (Environment.GetEnvironmentVariable("YILIAN_CJK_FONT") is { Length: > 0 } configured)
        {
            var parts = configured.Split('#', 2);
            candidates.Add((parts[0], parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var i) ? i : 0));
        }

        candidates.AddRange(
        [
            ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
            ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
            ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
            ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
            ("C:/Windows/Fonts/msyh.ttc", 0),
            ("/System/Library/Fonts/PingFang.ttc", 0),
        ]);
        foreach (var (file, index) in candidates.Where(c => File.Exists(c.File)))
        {
            var face = SKTypeface.FromFile(file, index);
            if (face is null)
            {
                continue;
            }

            using var font = new SKFont(face);
            if (font.ContainsGlyph('证'))
            {
                return face;
            }
        }

        throw new InvalidOperationException(
            "No Chinese font found for PDFs: install fonts-noto-cjk (or fonts-wqy-microhei), or set YILIAN_CJK_FONT to a font file.");
    }
}
