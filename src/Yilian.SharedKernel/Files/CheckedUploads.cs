using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;

namespace Yilian.SharedKernel.Files;

/// <summary>An upload read, checked by its bytes and stored: what a module records about the file.</summary>
public sealed record StoredUpload(string FileName, FileKind Kind, string ContentType, long Size, string Sha256, string StorageKey);

/// <summary>
/// The one way an uploaded file is taken in: read into memory, its kind told from its bytes (never its name), refused unless
/// that kind is one the caller allows and the name's extension agrees, hashed, and stored. Each module keeps its own messages
/// (and its own size limit, checked before reading); this keeps the checks the same everywhere.
/// </summary>
public static class CheckedUploads
{
    /// <summary>The stored upload, or null when the content is not an allowed kind or the extension disagrees with it.</summary>
    /// <param name="allowed">The kinds the caller takes; null for any kind <see cref="FileSniffer"/> knows.</param>
    public static async Task<StoredUpload?> StoreAsync(IFormFile file, IReadOnlyCollection<FileKind>? allowed, IFileStorage storage,
        CancellationToken ct)
    {
        var fileName = FileNames.Safe(file.FileName);
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var kind = FileSniffer.Sniff(buffer);
        if (kind == FileKind.Unknown || (allowed is not null && !allowed.Contains(kind)) || FileSniffer.KindOfExtension(fileName) != kind)
        {
            return null;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        buffer.Position = 0;
        var key = await storage.SaveAsync(buffer, Path.GetExtension(fileName).ToLowerInvariant(), ct);
        return new StoredUpload(fileName, kind, FileSniffer.ContentTypes[kind], buffer.Length, sha, key);
    }
}
