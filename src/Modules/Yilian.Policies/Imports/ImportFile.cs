using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using MiniExcelLibs;
using MiniExcelLibs.Csv;

using Yilian.Policies.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Policies.Imports;

/// <summary>
/// A department's file as it arrived, read as a stream of rows keyed by header and never held whole in memory: the
/// upload is kept on disk (the request's own buffer when it can seek, otherwise a temporary file that goes when this
/// is disposed), its SHA-256 taken and its kind recognised on the way in — Excel, or CSV in UTF-8 (with or without a
/// byte-order mark) or GB18030 (a superset of GBK), each decoded strictly. A file over the limit, in another encoding
/// or holding binary is refused before any row is read.
/// </summary>
internal sealed class ImportFile : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly bool owned;
    private readonly Encoding? encoding;

    private ImportFile(Stream stream, bool owned, string hash, Encoding? encoding)
    {
        this.stream = stream;
        this.owned = owned;
        Hash = hash;
        this.encoding = encoding;
    }

    /// <summary>The SHA-256 of the bytes received, in lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>"Excel", "UTF-8" or "GB18030".</summary>
    public string Encoding => encoding is null ? "Excel" : encoding.CodePage == 54936 ? "GB18030" : "UTF-8";

    static ImportFile() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<ImportFile> OpenAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var owned = !content.CanSeek;
        var stream = owned
            ? new FileStream(Path.Combine(Path.GetTempPath(), "yilian-import-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous)
            : content;
        try
        {
            var (hash, length, head, utf8, nul) = await ScanAsync(content, owned ? stream : null, maxBytes, ct);
            if (length == 0)
            {
                throw InputValidationException.For("file", PolicyText.Get("Import_Empty"));
            }

            if (head is [(byte)'P', (byte)'K', 3, 4, ..])
            {
                return new ImportFile(stream, owned, hash, null);
            }

            if (nul)
            {
                throw new UnsupportedFileException(PolicyText.Get("Import_NotTable"));
            }

            var gb18030 = System.Text.Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            if (!utf8 && !await DecodesAsync(stream, gb18030, ct))
            {
                throw InputValidationException.For("file", PolicyText.Get("Import_Encoding"));
            }

            return new ImportFile(stream, owned, hash, utf8 ? new UTF8Encoding(false) : gb18030);
        }
        catch
        {
            if (owned)
            {
                await stream.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// The rows in file order, each with its line number as a spreadsheet shows it (the header is line 1); rows with every
    /// cell blank are left out. Read lazily: one row at a time is in memory.
    /// </summary>
    public IEnumerable<ResidentImport.TableRow> Rows()
    {
        stream.Position = 0;
        IEnumerable<dynamic> query;
        try
        {
            query = encoding is null
                ? MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX)
                : MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.CSV,
                    configuration: new CsvConfiguration
                    {
                        StreamReaderFunc = s => new StreamReader(s, encoding, detectEncodingFromByteOrderMarks: true),
                    });
        }
        catch (Exception e) when (e is not InputValidationException)
        {
            throw new UnsupportedFileException(PolicyText.Get("Import_NotTable"));
        }

        return Table(query, encoding is null);
    }

    public async ValueTask DisposeAsync()
    {
        if (owned)
        {
            await stream.DisposeAsync();
        }
    }

    private static IEnumerable<ResidentImport.TableRow> Table(IEnumerable<dynamic> query, bool excel)
    {
        using var records = Guard(() => query.GetEnumerator(), excel);
        var number = 1;
        while (Guard(records.MoveNext, excel))
        {
            number++;
            var record = (IDictionary<string, object?>)records.Current;
            var cells = new Dictionary<string, string>(record.Count, StringComparer.Ordinal);
            var blank = true;
            foreach (var (key, value) in record)
            {
                if (!string.IsNullOrWhiteSpace(key))
                {
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    cells[key.Trim()] = text;
                    blank &= string.IsNullOrWhiteSpace(text);
                }
            }

            if (!blank)
            {
                yield return new ResidentImport.TableRow(number, cells);
            }
        }
    }

    /// <summary>A workbook that turns out broken half-way is refused as not a table, like one broken at the start.</summary>
    private static T Guard<T>(Func<T> read, bool excel)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (excel && e is not InputValidationException)
        {
            throw new UnsupportedFileException(PolicyText.Get("Import_NotTable"));
        }
    }

    /// <summary>
    /// One pass over the upload: copies it to the spool (when there is one), hashes it, and watches whether it stays valid
    /// UTF-8 and free of NUL bytes.
    /// </summary>
    private static async Task<(string Hash, long Length, byte[] Head, bool Utf8, bool Nul)> ScanAsync(
        Stream content, Stream? spool, long maxBytes, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        var head = Array.Empty<byte>();
        var (length, utf8, nul) = (0L, true, false);
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                throw new FileTooLargeException(PolicyText.Get("Import_TooLarge", maxBytes / 1024 / 1024));
            }

            var bytes = buffer.AsSpan(0, read);
            sha.AppendData(bytes);
            if (head.Length < 8)
            {
                head = [.. head, .. bytes[..Math.Min(8 - head.Length, read)]];
            }

            nul |= bytes.Contains((byte)0);
            if (utf8)
            {
                try
                {
                    decoder.GetChars(bytes, chars, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    utf8 = false;
                }
            }

            if (spool is not null)
            {
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (utf8)
        {
            try
            {
                decoder.GetChars([], chars, flush: true);
            }
            catch (DecoderFallbackException)
            {
                utf8 = false;
            }
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), length, head, utf8, nul);
    }

    private static async Task<bool> DecodesAsync(Stream stream, Encoding strict, CancellationToken ct)
    {
        stream.Position = 0;
        var decoder = strict.GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length * 2 + 4];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
