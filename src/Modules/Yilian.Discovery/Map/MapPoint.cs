using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Data;

namespace Yilian.Discovery.Map;

/// <summary>
/// A findable document that has a place: what the charity map and <c>/api/v1/nearby</c> show. Kept by the search index's writer
/// beside the document's entry (decision 034); on SQLite an R*Tree over (latitude, longitude) follows it by triggers, on
/// PostgreSQL a generated <c>geography</c> column with a GiST index.
/// </summary>
[Unscoped("What the map shows is what search sources publish: public pages' content, or content for all back-office staff.")]
[AuditIgnore]
internal sealed class MapPoint
{
    /// <summary>Given by the writer from the index's numbering; the R*Tree's row id on SQLite.</summary>
    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public string SourceId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Url { get; set; } = "";

    public string? Category { get; set; }

    public string RegionCode { get; set; } = "";

    public SearchAudience Audience { get; set; }

    public DateTimeOffset Recent { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }
}
