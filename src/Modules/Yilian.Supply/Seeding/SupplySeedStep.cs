using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Seeding;
using Yilian.Supply.Data;
using Yilian.Supply.Features;

namespace Yilian.Supply.Seeding;

/// <summary>
/// Demo needs, posted through the handler by the demo community officer (in their community), the street officer (across
/// the street's communities) and the operator (elsewhere in the district): most public, one past its answer date so the
/// street and the regulator see an unanswered need, one met and closed.
/// </summary>
internal sealed class SupplySeedStep(SupplyDbContext db, IActAs actAs, IRegionDirectory regions, TimeProvider clock, IConfiguration config)
    : ISeedStep
{
    public int Order => 140;

    public string Name => "supply";

    /// <summary>A service field by its code, or the first there is when an operator retired that one.</summary>
    private static async Task<Func<string, string>> FieldAsync(Needs needs)
    {
        var fields = await needs.FieldsAsync(CancellationToken.None);
        return code => fields.ContainsKey(code) ? code : fields.Keys.First();
    }

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || !config.GetValue("Demo:LivingDistrict", true) || context.Communities.Count == 0
            || await db.Needs.AnyAsync(ct))
        {
            return;
        }

        var today = ChinaTime.Today(clock);
        var home = context.Communities[0];
        var street = (await regions.CommunitiesAsync(ct)).Where(c => c.Code[..9] == home[..9] && c.Code != home).Select(c => c.Code).Take(2)
            .ToList();
        var elsewhere = (await regions.CommunitiesAsync(ct)).Where(c => c.Code[..9] != home[..9]).Select(c => c.Code).Take(2).ToList();
        NeedInput Need(string title, string field, string group, string region, decimal budget, int answerIn, string text,
            bool shown = true) =>
            new(title, text, field, group, region, today.AddDays(answerIn + 7), today.AddDays(answerIn + 97), budget,
                today.AddDays(answerIn),
                shown);
        var posted = await actAs.RunAsync("officer", async sp =>
        {
            var needs = sp.GetRequiredService<Needs>();
            var F = await FieldAsync(needs);
            return new List<NeedDto>
            {
                await needs.PostAsync(Need("独居老人每周上门探访", F("elderly"), "80 岁以上独居老人（约 35 人）", home, 36_000m, 14,
                    "社区有 35 位 80 岁以上独居老人，希望每周上门探访一次，关注健康和安全，建立探访台账，发现异常及时报告社区。"), ct),
                await needs.PostAsync(Need("暑期困境儿童托管与课业辅导", F("children"), "困境儿童、留守儿童（约 20 人）", home, 24_000m, 30,
                    "暑假 6 周，工作日下午托管，提供课业辅导、安全教育和兴趣小组。"), ct),
                await needs.PostAsync(Need("楼道堆物清理志愿行动", F("environment"), "老旧小区居民", home, 0m, 5,
                    "老旧小区楼道堆物多，需要志愿者配合物业开展两次集中清理和宣传。", shown: false), ct),
            };
        }, ct);
        if (street.Count > 0)
        {
            await actAs.RunAsync("street", async sp =>
            {
                var needs = sp.GetRequiredService<Needs>();
                var F = await FieldAsync(needs);
                await needs.PostAsync(Need("残疾人康复训练与家庭支持", F("disabled"), "持证残疾人及家庭", street[0], 48_000m, 21,
                    "为街道内持证残疾人提供每月两次社区康复训练，并为照护家庭提供喘息服务。"), ct);
                await needs.PostAsync(Need("社区议事会能力建设", F("governance"), "居民议事会成员", street[^1], 15_000m, 10,
                    "为议事会成员开展议事规则、协商技巧培训，并陪伴完成两次议事会。"), ct);
                return true;
            }, ct);
        }

        if (elsewhere.Count > 0)
        {
            await actAs.RunAsync("operator", async sp =>
            {
                var needs = sp.GetRequiredService<Needs>();
                var F = await FieldAsync(needs);
                await needs.PostAsync(Need("长者助餐点运营", F("elderly"), "60 岁以上老人", elsewhere[0], 120_000m, 25,
                    "社区长者助餐点需要专业机构运营，每日午餐约 80 份，含送餐上门。"), ct);
                return true;
            }, ct);
        }

        // One asked three weeks ago and still unanswered (answers were wanted a week ago); one met by volunteers and closed.
        await db.Needs.Where(n => n.Id == posted[1].Id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.AnswerBy, today.AddDays(-7)).SetProperty(n => n.PostedAt, clock.GetUtcNow().AddDays(-21)), ct);
        await actAs.RunAsync("officer", sp => sp.GetRequiredService<Needs>().CloseAsync(posted[2].Id,
            new NeedClosing("由“清洁楼道·美丽家园”项目联合社区志愿服务队两次集中清理完成，共清理楼道 42 个。"), ct), ct);
        await SeedListsAsync(context, home, posted[2].Id, ct);
        await new ProcurementSeeding(db, actAs, clock).RunAsync(posted[0].Id, home, ct);
        await new CompetitionSeeding(db, actAs, clock).RunAsync(home, ct);
    }

    /// <summary>
    /// Service projects of the demo organizations (the two with accounts list their own; the operator lists others'), one full
    /// so matching leaves it out with the reason; resources on offer; the met need rated, so its project's rating counts.
    /// </summary>
    private async Task SeedListsAsync(SeedContext context, string home, Guid metNeed, CancellationToken ct)
    {
        var streetOf = home[..9] + "000";
        static ServiceProjectInput Project(Guid? org, string name, string field, string group, string[] areas, decimal from, decimal to,
            int capacity, int load, string summary) =>
            new(org, name, summary, field, group, areas, from, to, capacity, load);
        await actAs.RunAsync("orgadmin", async sp =>
        {
            var projects = sp.GetRequiredService<ServiceProjects>();
            var F = await FieldAsync(sp.GetRequiredService<Needs>());
            await projects.CreateAsync(Project(null, "安心探访·独居长者关爱", F("elderly"), "独居老人、高龄老人", [streetOf], 20_000m, 40_000m, 4, 1,
                "社工带领志愿者每周上门探访独居、高龄老人，建立健康和安全台账，异常情况当天报告社区。已在 3 个社区连续开展两年。"), ct);
            await projects.CreateAsync(Project(null, "四点半课堂", F("children"), "困境儿童、留守儿童", [streetOf], 15_000m, 30_000m, 3, 1,
                "放学后托管与课业辅导，配合安全教育和兴趣小组；寒暑假可开设全日营。"), ct);
            await sp.GetRequiredService<ResourceOffers>().OfferAsync(new ResourceInput("Skills", "社工督导与项目设计辅导",
                "机构两名中级社工师可为社区社会组织提供项目设计和督导，每月 8 小时。", null, null, null, "每月 8 小时", null, null, true), ct);
            return true;
        }, ct);
        await actAs.RunAsync("orgadmin2", async sp =>
        {
            var projects = sp.GetRequiredService<ServiceProjects>();
            var F = await FieldAsync(sp.GetRequiredService<Needs>());
            await projects.CreateAsync(Project(null, "长者助餐与送餐上门", F("elderly"), "60 岁以上老人、失能老人", [], 60_000m, 150_000m, 2, 0,
                "运营社区长者助餐点，每日午餐 60–120 份，行动不便老人送餐上门，每月营养讲座一次。"), ct);
            return true;
        }, ct);
        var others = context.Organizations.Skip(2).Take(5).ToList();
        if (others.Count < 5)
        {
            return;
        }

        var listed = await actAs.RunAsync("operator", async sp =>
        {
            var projects = sp.GetRequiredService<ServiceProjects>();
            var F = await FieldAsync(sp.GetRequiredService<Needs>());
            var made = new List<ServiceProjectDto>
            {
                await projects.CreateAsync(Project(others[0].Id, "清洁楼道·美丽家园", F("environment"), "老旧小区居民", [], 5_000m, 20_000m, 5, 1,
                    "组织居民和志愿者开展楼道堆物清理、垃圾分类宣传，建立楼道长制度。"), ct),
                await projects.CreateAsync(Project(others[1].Id, "银龄互助·长者关爱", F("elderly"), "空巢老人", [], 10_000m, 30_000m, 3, 3,
                    "低龄老人结对帮扶高龄空巢老人，每周电话问候和上门陪伴。"), ct),
                await projects.CreateAsync(Project(others[2].Id, "康复驿站", F("disabled"), "持证残疾人及其家庭", [streetOf], 30_000m, 60_000m, 4, 1,
                    "社区康复训练、辅具适配和照护者喘息服务。"), ct),
                await projects.CreateAsync(Project(others[3].Id, "社区议事能力建设", F("governance"), "居民议事会成员、楼组长", [], 8_000m, 20_000m, 6, 2,
                    "议事规则培训和陪伴式协商，帮助社区议事会形成议题清单。"), ct),
                await projects.CreateAsync(Project(others[4].Id, "智慧助老·长者数字课堂", F("elderly"), "60 岁以上老人", [], 8_000m, 25_000m, 5, 1,
                    "教老人使用智能手机挂号、缴费、防诈骗，每期 8 课时。"), ct),
            };
            await sp.GetRequiredService<ResourceOffers>().OfferAsync(new ResourceInput("Money", "社区微公益资金",
                "爱心企业设立的社区微公益资金，支持社区社会组织开展小微项目，单个项目不超过 2 万元。", "苏州某爱心企业基金", "Enterprise", home,
                "50,000 元", null, null, true), ct);
            return made;
        }, ct);
        await actAs.RunAsync("officer", async sp =>
        {
            await sp.GetRequiredService<ResourceOffers>().OfferAsync(new ResourceInput("Space", "社区党群服务中心多功能室",
                "可容纳 60 人，配投影和音响，工作日白天可预约用于公益活动。", "社区党群服务中心", "Venue", home, "1 间，约 120 平方米", null, null,
                true), ct);
            return await sp.GetRequiredService<Evaluations>().RateAsync(new EvaluationInput(metNeed, listed[0].Id, 5,
                "两次集中清理组织有序，居民参与度高，楼道长制度已建立。"), ct);
        }, ct);
    }
}
