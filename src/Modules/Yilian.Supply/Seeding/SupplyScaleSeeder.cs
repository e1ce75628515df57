using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel.Seeding;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;

namespace Yilian.Supply.Seeding;

/// <summary>
/// Scale data for the supply benchmark (docs/benchmarks.md): service projects of the district's organizations (one to five
/// each, in one to three fields, some full, some withdrawn, with ratings received) and open needs across its communities, most
/// public. Generated test data written in bulk, not user writes (no audit entries). The organizations are the district seed's
/// own, so matching reads their real published facts.
/// </summary>
public sealed class SupplyScaleSeeder
{
    private static readonly string[] Groups = ["独居老人", "高龄老人", "失能老人", "困境儿童", "留守儿童", "残疾人及家庭", "新就业群体",
        "社区居民", "青少年", "妇女"];

    private readonly SupplyDbContext _db;

    internal SupplyScaleSeeder(SupplyDbContext db) => _db = db;

    public sealed record Written(int Projects, int Needs);

    public async Task<Written> RunAsync(IReadOnlyList<(Guid Id, string RegionCode)> organizations, IReadOnlyList<string> communities,
        IReadOnlyList<string> fields, int projects, int needs, int seed, CancellationToken ct)
    {
        if (await _db.ServiceProjects.CountAsync(ct) >= projects)
        {
            return new Written(0, 0);
        }

        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        var written = 0;
        for (var i = 0; i < projects; i++)
        {
            var (org, region) = organizations[i < organizations.Count ? i : random.Next(organizations.Count)];
            var capacity = random.Next(1, 8);
            var ratings = random.Next(4) == 0 ? 0 : random.Next(1, 30);
            var from = random.Next(0, 20) * 5_000m;
            _db.ServiceProjects.Add(new ServiceProject
            {
                Id = FakeChinese.Id(random), OrganizationId = org, RegionCode = region, Name = $"品牌服务项目 {i + 1:00000}",
                Summary = "面向社区的专业服务，按季度开展并接受评估。", ServiceField = fields[random.Next(fields.Count)],
                TargetGroup = Groups[random.Next(Groups.Length)] + "、" + Groups[random.Next(Groups.Length)],
                AreaCodes = random.Next(3) == 0 ? "" : string.Join(',', Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => communities[random.Next(communities.Count)] is var c && random.Next(2) == 0 ? c[..9] + "000" : c)),
                PriceFrom = from, PriceTo = from + random.Next(0, 10) * 10_000m, Capacity = capacity,
                Load = random.Next(10) == 0 ? capacity : random.Next(0, capacity),
                Status = random.Next(20) == 0 ? ServiceProjectStatus.Withdrawn : ServiceProjectStatus.Listed, RatingCount = ratings,
                RatingSum = Enumerable.Range(0, ratings).Sum(_ => random.Next(2, 6)), CreatedBy = "bench",
                    CreatedAt = now.AddDays(-random.Next(400)),
                UpdatedAt = now.AddDays(-random.Next(60)),
            });
            if (++written % 5_000 == 0)
            {
                await FlushAsync(ct);
            }
        }

        for (var i = 0; i < needs; i++)
        {
            var region = communities[random.Next(communities.Count)];
            _db.Needs.Add(new Need
            {
                Id = FakeChinese.Id(random), Number = $"XQ{today:yyyyMMdd}-B{i + 1:00000}", Title = $"社区服务需求 {i + 1:00000}",
                Description = "社区居民提出的服务需求，希望专业机构承接。", ServiceField = fields[random.Next(fields.Count)],
                TargetGroup = Groups[random.Next(Groups.Length)], RegionCode = region, RegionName = region, Budget = random.Next(0,
                    30) * 5_000m,
                AnswerBy = today.AddDays(random.Next(1, 60)), Public = random.Next(5) > 0, Status = NeedStatus.Open, PostedBy = "bench",
                PostedAt = now.AddDays(-random.Next(30)),
            });
            if (++written % 5_000 == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
        return new Written(projects, needs);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();
    }
}
