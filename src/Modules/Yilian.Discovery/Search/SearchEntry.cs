using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Data;

namespace Yilian.Discovery.Search;

/// <summary>
/// One findable document as the index keeps it. <see cref="Seq"/> is given when its text is indexed, in order, so a higher number
/// is a more recent change: postings list numbers, and a document whose text changes takes a new number (the old one's postings
/// then point at nothing and are skipped, decision 033).
/// </summary>
[Unscoped("What search finds is what its sources publish: public pages' content, or content for all back-office staff "
    + "(Audience); never one organization's or one resident's records.")]
[AuditIgnore]
internal sealed class SearchEntry
{
    public long Seq { get; set; }

    public string Kind { get; set; } = "";

    public string SourceId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The name, a separator, then the keywords: what every term of a query must match.</summary>
    public string Text { get; set; } = "";

    /// <summary>The name normalized (<see cref="SharedKernel.Text.ChineseText.Normalize"/>): an exact name is looked up.</summary>
    public string NameKey { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Url { get; set; } = "";

    public SearchAudience Audience { get; set; }

    public DateTimeOffset Recent { get; set; }

    /// <summary>A hash of <see cref="Text"/>: a change that leaves the text alone keeps the number and the postings.</summary>
    public string TextHash { get; set; } = "";
}

/// <summary>
/// A run of document numbers that contain one gram of one kind, ascending, as varint deltas. A gram's blocks never overlap and
/// the last one (<see cref="Tail"/>) takes new numbers until it holds <see cref="PostingCodec.BlockSize"/>.
/// </summary>
[Unscoped("The search index's postings: numbers of documents that are themselves unscoped search entries.")]
[AuditIgnore]
internal sealed class PostingBlock
{
    public string Kind { get; set; } = "";

    public string Gram { get; set; } = "";

    public long MinSeq { get; set; }

    public long MaxSeq { get; set; }

    public int Count { get; set; }

    public byte[] Data { get; set; } = [];

    public bool Tail { get; set; }
}

/// <summary>Where the indexer is: the last audit entry it followed and the next document number (one row).</summary>
[Unscoped("The search indexer's own bookkeeping.")]
[AuditIgnore]
internal sealed class SearchCursor
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;

    /// <summary>The audit sequence followed so far; null until the first full build.</summary>
    public long? AuditSequence { get; set; }

    public long NextSeq { get; set; } = 1;

    /// <summary>Claimed first in every indexing transaction, so two instances never index at once.</summary>
    public long Version { get; set; }

    public DateTimeOffset? BuiltAt { get; set; }
}
