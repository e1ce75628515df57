namespace Yilian.SharedKernel.Data;

/// <summary>
/// Pages that every anonymous visitor sees alike (the home page, the public activities) are kept rendered for a short while
/// (decision 022). A save that changes a row shown on them refreshes them at once on the instance that saved it; other
/// instances follow within <see cref="Seconds"/>.
/// </summary>
public static class PublicPages
{
    /// <summary>The output-cache policy a page names: <c>@attribute [OutputCache(PolicyName = PublicPages.Policy)]</c>.</summary>
    public const string Policy = "public-page";

    public const string Tag = "public";

    public const int Seconds = 15;
}

/// <summary>An entity that public pages show while <see cref="IsShownPublicly"/> holds (a published activity).</summary>
public interface IShownOnPublicPages
{
    bool IsShownPublicly { get; }
}
