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
            new NeedClosing("由社区志愿服务队两次集中清理完成，共清理楼道 42 个。"), ct), ct);
    }
}
