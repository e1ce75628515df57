namespace Yilian.Discovery.Map;

/// <summary>
/// The charity map's background (<c>Discovery:Map</c>). With no tile URL the map is drawn on a plain background — the demo and
/// tests, where no tiles can be fetched. In production, Amap's tiles (GCJ-02, as the places are stored), e.g.
/// <c>https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&amp;size=1&amp;scale=1&amp;style=8&amp;x={x}&amp;y={y}&amp;z={z}</c>
/// with subdomains <c>1234</c>.
/// </summary>
public sealed class MapOptions
{
    public string? TileUrl { get; set; }

    public string Subdomains { get; set; } = "1234";

    public string Attribution { get; set; } = "";
}
