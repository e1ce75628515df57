using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>A document or photo posted with a need (a site plan, a list of the people to serve, a photo of the place), checked by
/// content and stored by key. Scoped with its need's region.</summary>
internal sealed class NeedAttachment : IRegionScoped
{
    public Guid Id { get; set; }

    public Guid NeedId { get; set; }

    public string RegionCode { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string StorageKey { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}
