using Microsoft.Extensions.Options;
using Yilian.SharedKernel.Data;

namespace Yilian.SharedKernel.Files;

/// <summary>Where uploaded files live. The default is the data directory; an object store can replace it.</summary>
public interface IFileStorage
{
    /// <summary>Stores the content and returns an opaque key.</summary>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken ct);

    Task<Stream> OpenReadAsync(string key, CancellationToken ct);
}

public sealed class LocalFileStorage(IOptions<DatabaseOptions> options) : IFileStorage
{
    private string Root => Path.Combine(options.Value.DataDirectory, "files");

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        var key = $"{DateTime.UtcNow:yyyy/MM}/{Guid.CreateVersion7():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".part";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.WriteThrough))
        {
            await content.CopyToAsync(file, ct);
        }

        // Rename last so a half-written file is never visible under its key.
        File.Move(temp, path);
        return key;
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Storage key outside the storage root.", nameof(key));
        }

        return path;
    }
}
