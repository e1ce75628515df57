using System.Text;

using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.Projects.Features;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Projects.Seeding;

/// <summary>
/// Seed step 20: about 200 projects over every stage in demo size (with their documents and timeline),
/// 100,000 in district size (city scale, for benchmarks; no files).
/// </summary>
internal sealed class ProjectSeedStep(ProjectsDbContext db, WorkflowStore workflows, IFileStorage storage) : ISeedStep
{
    private static readonly (string Stage, int Weight)[] StageWeights =
        [("intake", 20), ("review", 15), ("execution", 25), ("midterm", 15), ("closing", 10), ("closed", 10), ("terminated", 5)];

    private static readonly string[] Topics = ["长者助餐", "四点半课堂", "邻里互助", "残障人士康复", "社区环保", "退役军人关爱", "妇女就业赋能", "青少年心理支持", "困境儿童陪伴", "社区议事协商", "独居老人探访", "垃圾分类宣传"];
    private static readonly string[] Groups = ["老年人", "儿童", "青少年", "残障人士", "妇女", "退役军人", "社区居民"];
    private static readonly string[] Fields = ["养老服务", "儿童服务", "助残服务", "环境保护", "社区治理", "退役军人服务", "妇女服务"];
    private static readonly byte[] TinyPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public int Order => 20;

    public string Name => "projects";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Projects.AnyAsync(ct) || context.Organizations.Count == 0)
        {
            return;
        }

        var random = context.RandomFor(Name);
        var workflow = await workflows.CurrentAsync(ct);
        var demo = context.Size == SeedSize.Demo;
        var count = demo ? 200 : 100_000;
        var anchor = new DateOnly(2026, 11, 1);
        var at = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var org = context.Organizations[demo ? i % context.Organizations.Count : random.Next(context.Organizations.Count)];
            var stage = PickStage(random);
            var start = anchor.AddDays(-random.Next(30, 400));
            var project = new Project
            {
                Id = FakeChinese.Id(random),
                OrganizationId = org.Id,
                OrganizationName = org.Name,
                RegionCode = org.RegionCode,
                Name = $"{FakeChinese.Pick(random, Topics)}项目（{2025 + (i % 2)}-{i + 1:D3}）",
                Summary = "面向社区的公益服务项目，按季度开展活动并接受评估。",
                ServiceFields = FakeChinese.Pick(random, Fields),
                TargetGroups = FakeChinese.Pick(random, Groups),
                PeriodStart = start,
                PeriodEnd = start.AddDays(365),
                FundingSource = random.Next(2) == 0 ? "政府购买服务" : "公益创投",
                FundingAmount = random.Next(2, 50) * 10_000,
                Stage = stage,
                WorkflowId = workflow.Id,
                CreatedAt = at.AddDays(-random.Next(0, 300)),
                StageChangedAt = at.AddDays(-random.Next(0, 30)),
            };
            var reached = Array.FindIndex(StageWeights, s => s.Stage == stage);
            for (var k = 0; k < 2; k++)
            {
                project.Indicators.Add(new Indicator
                {
                    Id = FakeChinese.Id(random), OrganizationId = org.Id, RegionCode = org.RegionCode,
                    Name = k == 0 ? "服务人次" : "开展活动场次", Unit = k == 0 ? "人次" : "场", Target = k == 0 ? 500 : 24,
                    Actual = reached >= 4 && stage != "terminated" ? (k == 0 ? random.Next(400, 700) : random.Next(18, 30)) : null,
                });
            }

            db.Projects.Add(project);
            db.Timeline.Add(Event(project, random, TimelineKind.Created, null, "intake", project.CreatedAt));
            if (stage != "intake")
            {
                db.Timeline.Add(Event(project, random, TimelineKind.StageChanged, "intake", stage, project.StageChangedAt));
            }

            if (demo)
            {
                var required = new List<string>();
                if (reached >= 1)
                {
                    required.AddRange(["application", "plan"]);
                }

                if (reached >= 3 && stage != "terminated")
                {
                    required.Add("midterm-report");
                }

                if (reached >= 4 && stage != "terminated")
                {
                    required.AddRange(["closing-report", "financial-statement"]);
                }

                foreach (var type in required)
                {
                    using var content = new MemoryStream(TinyPdf);
                    var key = await storage.SaveAsync(content, ".pdf", ct);
                    db.Documents.Add(new ProjectDocument
                    {
                        Id = FakeChinese.Id(random), ProjectId = project.Id, OrganizationId = org.Id, RegionCode = org.RegionCode, DocumentType = type, Version = 1,
                        FileName = $"{DocumentTypes.All[type].Zh}.pdf", ContentType = "application/pdf", Size = TinyPdf.Length, Sha256 = "", StorageKey = key,
                        UploadedBy = "seed", UploadedAt = project.CreatedAt,
                    });
                }
            }

            if (i % 2000 == 1999)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static TimelineEvent Event(Project p, Random random, TimelineKind kind, string? from, string? to, DateTimeOffset at) => new()
    {
        Id = FakeChinese.Id(random), ProjectId = p.Id, OrganizationId = p.OrganizationId, RegionCode = p.RegionCode, Kind = kind, FromStage = from, ToStage = to,
        Actor = "seed", ActorName = "seed", OccurredAt = at,
    };

    private static string PickStage(Random random)
    {
        var roll = random.Next(StageWeights.Sum(s => s.Weight));
        foreach (var (stage, weight) in StageWeights)
        {
            if ((roll -= weight) < 0)
            {
                return stage;
            }
        }

        return StageWeights[0].Stage;
    }
}
