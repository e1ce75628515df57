using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Discovery.Data;
using Yilian.Discovery.Features;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Discovery.Seeding;

/// <summary>
/// Demo services for every age group across the demo district, added through the handler: the operator for the district's
/// organizations, and the demo organization's administrator for its own (so that it has a list to keep).
/// </summary>
internal sealed class DiscoverySeedStep(DiscoveryDbContext db, IActAs actAs, IRegionDirectory regions) : ISeedStep
{
    public int Order => 150;

    public string Name => "discovery";

    private static readonly (string Name, string Category, string Summary, string Hours, string Apply, string Keywords)[] Catalogue =
    [
        ("养老服务站", "elderly", "为 60 岁以上老人提供日间照料、健康监测、文体活动和助浴服务。", "周一至周六 8:30–17:00",
            "到站登记或拨打服务电话预约；80 岁以上独居老人可申请上门服务。", "日间照料 托老 助浴"),
        ("长者助餐点", "elderly", "老年食堂，每日午餐约 80 份，一荤两素一汤，行动不便的老人可送餐上门。", "每日 11:00–12:30",
            "持社保卡到助餐点登记，按月充值；高龄、低保老人享受助餐补贴。", "助餐 老年食堂 送餐"),
        ("居家养老上门服务", "elderly", "为失能、半失能老人提供上门助洁、助医、陪护和代购服务。", "预约后上门",
            "由社区审核后派单；政府购买服务的对象免费。", "上门 陪护 助洁"),
        ("四点半课堂", "children", "放学后托管，志愿者辅导作业、开展阅读和安全教育。", "上学日 16:30–18:30",
            "家长到社区报名，每期 30 人，困境儿童优先。", "托管 作业辅导 儿童"),
        ("儿童之家", "children", "社区儿童活动阵地：绘本阅读、手工、亲子活动，儿童主任定期走访困境儿童。", "周末 9:00–17:00",
            "免费开放，活动需在小程序预约。", "绘本 亲子 困境儿童"),
        ("青少年心理支持热线", "youth", "专业社工和心理咨询师为中学生及家长提供倾听与疏导。", "每日 18:00–22:00",
            "直接拨打热线，匿名、免费。", "心理 青春期 家长"),
        ("妇女微家", "women", "为妇女提供技能培训、法律咨询和家庭关系调适服务。", "周二、周四 9:00–16:00",
            "到社区妇联登记，或拨打电话预约。", "妇联 技能培训 维权"),
        ("残疾人康复驿站", "disabled", "为持证残疾人提供康复训练、辅具适配和家庭照护者喘息服务。", "周一至周五 9:00–16:30",
            "凭残疾人证登记，康复师评估后制定训练计划。", "康复 辅具 喘息服务"),
        ("退役军人服务站", "veterans", "为退役军人及家属提供政策咨询、就业推荐、优待证办理和帮扶。", "周一至周五 9:00–17:00",
            "带退役证件到站办理。", "优待证 拥军 就业"),
        ("家庭教育指导站", "families", "家庭教育讲座、个案咨询和亲子沟通小组。", "每月第二个周六 9:30–11:30",
            "到社区报名或电话预约个案咨询。", "亲子 家风 家庭"),
        ("健康小屋", "health", "自助测血压血糖，家庭医生每周坐诊，慢病随访。", "周一至周五 8:00–11:30",
            "免费使用，坐诊需预约。", "家庭医生 慢病 血压"),
        ("法律援助工作站", "legal", "律师值班解答法律问题，符合条件的居民可申请免费法律援助。", "每周三 14:00–17:00",
            "带身份证到站咨询；申请法律援助需提交经济困难证明。", "律师 调解 法律咨询"),
        ("就业服务站", "employment", "岗位推荐、求职登记、技能培训报名和灵活就业指导。", "周一至周五 9:00–17:00",
            "带身份证到站登记求职信息。", "招聘 求职 培训"),
        ("垃圾分类宣教点", "environment", "垃圾分类指导、旧物回收兑换积分和环保手工课。", "每周六 9:00–11:00",
            "现场参与，积分可兑换生活用品。", "垃圾分类 旧物回收 环保"),
        ("邻里中心共享空间", "community", "居民议事、兴趣社团和公益活动可免费预约使用的共享空间。", "每日 8:00–21:00",
            "在小程序预约场地，公益活动优先。", "议事 场地预约 社团"),
    ];

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || context.Organizations.Count == 0 || context.Communities.Count == 0
            || await db.Services.AnyAsync(ct))
        {
            return;
        }

        var communities = (await regions.CommunitiesAsync(ct)).Where(c => context.Communities.Contains(c.Code)).ToList();
        var random = context.RandomFor(Name);
        await actAs.RunAsync("operator", async sp =>
        {
            var services = sp.GetRequiredService<Services>();
            for (var i = 0; i < Catalogue.Length; i++)
            {
                var (name, category, summary, hours, apply, keywords) = Catalogue[i];
                // Every third in the demo community (its officer and residents see them first), the rest around the district.
                var community = i % 3 == 0 ? communities[0] : communities[random.Next(communities.Count)];
                var provider = context.Organizations[(i + 1) % context.Organizations.Count];
                var (lat, lng) = (31.30 + (random.NextDouble() * 0.08), 120.58 + (random.NextDouble() * 0.10));
                await services.CreateAsync(new ServiceInput(provider.Id, $"{name}（{community.Name}）", category, summary, community.Code,
                    $"{community.Name}党群服务中心 {random.Next(1, 3)} 楼", hours, apply,
                        $"0512-6{random.Next(100, 999)}{random.Next(1000, 9999)}",
                    keywords, Math.Round(lat, 6), Math.Round(lng, 6)), ct);
            }

            return true;
        }, ct);
    }
}
