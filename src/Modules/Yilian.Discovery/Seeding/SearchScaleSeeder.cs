using Yilian.Discovery.Domain;
using Yilian.Discovery.Search;
using Yilian.Platform.Contracts;

namespace Yilian.Discovery.Seeding;

/// <summary>
/// Scale data for the search benchmark (docs/benchmarks.md): a million findable documents written straight into the index in
/// bulk, as a district would have them after years — mostly activities (titles from everyday community work, numbered
/// sessions), services, organizations and policies — named from a vocabulary so that common words (社区, 服务, 老人) are in a
/// large share of them and rare ones in few; each with a place on the charity map around its community. Replaces the index;
/// the indexer then follows the audit trail from its end.
/// </summary>
public sealed class SearchScaleSeeder
{
    private static readonly string[] Places =
    [
        "金鸡湖", "斜塘", "娄葑", "唯亭", "胜浦", "湖西", "湖东", "月亮湾", "独墅湖", "星湖", "钟南", "玲珑", "青剑湖", "翰林", "天域",
        "东沙湖", "莲花", "车坊", "澄湖", "淞泽", "葑谊", "荷韵", "景城", "朝前", "方洲", "新未来", "东港", "港田", "凤凰城", "银杏",
    ];

    private static readonly string[] Topics =
    [
        "重阳节敬老", "垃圾分类宣传", "亲子阅读", "四点半课堂", "长者助餐", "居家养老探访", "青少年心理健康", "妇女技能培训", "退役军人座谈",
        "残疾人康复训练", "家庭教育讲座", "健康义诊", "法律咨询", "就业招聘", "环保手工", "邻里节", "文明实践", "防诈骗宣传", "消防演练",
        "书法兴趣", "太极拳", "广场舞", "智能手机教学", "独居老人关爱", "困境儿童帮扶", "社区议事", "楼道清理", "绿色出行", "中医养生",
        "读书分享", "电影放映", "便民理发", "家电维修", "心理疏导", "科普讲座", "亲子运动会", "暑期托管", "非遗体验", "志愿者培训", "银行理财防骗",
    ];

    private static readonly string[] Forms = ["活动", "讲座", "培训班", "志愿服务", "主题沙龙", "进社区", "公益行", "小组", "工作坊", "服务日"];

    private static readonly string[] Groups = ["老年人", "儿童", "青少年", "妇女", "残疾人", "退役军人", "新市民", "社区居民", "家庭", "志愿者"];

    private static readonly string[] Services =
    [
        "养老服务站", "长者助餐点", "日间照料中心", "儿童之家", "四点半课堂", "妇女微家", "残疾人康复驿站", "退役军人服务站", "家庭教育指导站",
        "健康小屋", "法律援助工作站", "就业服务站", "垃圾分类宣教点", "邻里中心", "心理咨询室", "老年大学教学点", "便民服务点", "图书漂流站",
    ];

    private static readonly string[] Fields = ["社会工作", "养老", "助残", "青少年发展", "慈善", "志愿服务", "文化", "环保", "教育", "健康"];

    private static readonly string[] OrganizationForms = ["服务中心", "发展中心", "协会", "促进会", "基金会", "服务社"];

    private readonly SearchIndexWriter _writer;

    internal SearchScaleSeeder(SearchIndexWriter writer) => _writer = writer;

    /// <summary>Writes <paramref name="documents"/> documents (replacing the index); false when the indexer held the cursor.</summary>
    public Task<bool> RunAsync(int documents, int seed, long auditSequence, CancellationToken ct) =>
        _writer.RebuildAsync(Generate(documents, seed).ToAsyncEnumerable(), auditSequence, ct);

    private static IEnumerable<(string Kind, SearchDocument Document)> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        // Each community has a centre in a district about 17 km by 24 km; its documents lie within about 1.5 km of it.
        var centres = Places.Select((_, i) => (Lat: 31.25 + (0.15 * (i % 5) / 4), Lng: 120.60 + (0.25 * (i / 5) / 5))).ToArray();
        for (var i = 0; i < count; i++)
        {
            var community = random.Next(Places.Length);
            var place = Places[community] + "社区";
            var at = new MapPlace(centres[community].Lat + ((random.NextDouble() - 0.5) * 0.027),
                centres[community].Lng + ((random.NextDouble() - 0.5) * 0.032), $"bench{community:D2}");
            var when = start.AddMinutes(i * 1.5);
            var id = $"bench-{i:D7}";
            var roll = random.Next(100);
            if (roll < 4)
            {
                var name = $"{Pick(Services)}（{place}）";
                yield return ("service", new SearchDocument(id, name, $"{Pick(Groups)} {Pick(Fields)} {place}党群服务中心",
                    $"{place}", $"/services/{id}", SearchAudience.Public, when, at, ServiceCategories.All[random.Next(
                        ServiceCategories.All.Count)]));
            }
            else if (roll < 6)
            {
                var name = $"苏州工业园区{Pick(Places)}{Pick(Fields)}{Pick(OrganizationForms)}";
                yield return ("organization", new SearchDocument(id, name, $"{Pick(Fields)} {place}", place,
                    $"/services?organizationId={id}", SearchAudience.Public, when, at));
            }
            else
            {
                var name = random.Next(3) == 0 ? $"{Pick(Topics)}{Pick(Forms)}（第{random.Next(1, 60)}期）"
                    : $"{place}{Pick(Topics)}{Pick(Forms)}";
                var venue = place + Pick(["活动室", "广场", "党群服务中心", "邻里中心"]);
                yield return ("activity", new SearchDocument(id, name, $"{Pick(Groups)} {venue}", $"{when:yyyy-MM-dd}",
                    $"/activities#a-{id}", SearchAudience.Public, when, at));
            }
        }
    }
}
