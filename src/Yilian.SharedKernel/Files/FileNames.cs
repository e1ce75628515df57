namespace Yilian.SharedKernel.Files;

/// <summary>
/// An uploaded file's name as it may be stored and shown: no path, no control or markup characters, no right-to-left override.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 150;

    public static string Safe(string name)
    {
        var clean = new string([.. Path.GetFileName(name)
            .Where(c => !char.IsControl(c) && c is not ('<' or '>' or '"' or '/' or '\\' or '\u202E'))]);
        return clean.Length == 0 ? "file" : clean.Length > MaxLength ? clean[^MaxLength..] : clean;
    }
}
