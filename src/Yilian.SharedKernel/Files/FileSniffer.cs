using System.IO.Compression;

namespace Yilian.SharedKernel.Files;

public enum FileKind
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Pptx,
    LegacyOffice,
}

/// <summary>Tells a file's kind from its bytes, never from its name, and which extensions each kind may carry.</summary>
public static class FileSniffer
{
    private static readonly Dictionary<string, FileKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileKind.Pdf,
        [".png"] = FileKind.Png,
        [".jpg"] = FileKind.Jpeg,
        [".jpeg"] = FileKind.Jpeg,
        [".docx"] = FileKind.Docx,
        [".xlsx"] = FileKind.Xlsx,
        [".pptx"] = FileKind.Pptx,
        [".doc"] = FileKind.LegacyOffice,
        [".xls"] = FileKind.LegacyOffice,
        [".ppt"] = FileKind.LegacyOffice,
    };

    public static readonly IReadOnlyDictionary<FileKind, string> ContentTypes = new Dictionary<FileKind, string>
    {
        [FileKind.Pdf] = "application/pdf",
        [FileKind.Png] = "image/png",
        [FileKind.Jpeg] = "image/jpeg",
        [FileKind.Docx] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [FileKind.Xlsx] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [FileKind.Pptx] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [FileKind.LegacyOffice] = "application/octet-stream",
    };

    public static IReadOnlyCollection<string> AllowedExtensions => Extensions.Keys;

    public static FileKind KindOfExtension(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : FileKind.Unknown;

    /// <summary>Reads the head (and for Office Open XML the zip directory) of a seekable stream; leaves it at position 0.</summary>
    public static FileKind Sniff(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return FileKind.Png;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return FileKind.Jpeg;
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return FileKind.LegacyOffice;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            try
            {
                using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                var names = zip.Entries.Select(e => e.FullName).ToList();
                if (names.Contains("[Content_Types].xml"))
                {
                    if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
                    {
                        return FileKind.Docx;
                    }

                    if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
                    {
                        return FileKind.Xlsx;
                    }

                    if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
                    {
                        return FileKind.Pptx;
                    }
                }
            }
            catch (InvalidDataException)
            {
                return FileKind.Unknown;
            }
            finally
            {
                content.Position = 0;
            }
        }

        return FileKind.Unknown;
    }
}
