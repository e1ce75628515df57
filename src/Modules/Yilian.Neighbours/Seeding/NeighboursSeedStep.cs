using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Neighbours.Data;
using Yilian.Neighbours.Features;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Neighbours.Seeding;

/// <summary>
/// Demo neighbour help in the first demo community, made through the real handler as the demo accounts: the resident's ask with
/// a neighbour's answer waiting to be accepted, an offer open, an ask matched and one done, and a reported advert for the
/// community's officer to decide.
/// </summary>
internal sealed class NeighboursSeedStep(NeighboursDbContext db, IActAs actAs, TimeProvider clock) : ISeedStep
{
    public int Order => 160;

    public string Name => "neighbours";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || context.Communities.Count == 0 || await db.Posts.AnyAsync(ct))
        {
            return;
        }

        var community = context.Communities[0];
        var until = ChinaTime.Today(clock).AddDays(10);
        HelpPostInput Post(string kind, string category, string title, string details, string when, bool noExpiry = false) =>
            new(kind, category, title, details, community, when, noExpiry ? null : until, noExpiry, "13900001234", true);
        Task<HelpPostDto> AsAsync(string userName, Func<HelpPosts, Task<HelpPostDto>> work) =>
            actAs.RunAsync(userName, sp => work(sp.GetRequiredService<HelpPosts>()), ct);
        var answer = new HelpResponseInput("我住隔壁楼，这个时间有空，可以帮忙。", "13800005678", true);

        // Waiting for the resident: a neighbour offered to help.
        var parcel = await AsAsync("resident", h => h.PostAsync(Post("Ask", "errand", "帮忙取快递",
            "腿脚不便，想请邻居帮忙从小区驿站取两个快递，送到楼下即可。", "本周六上午"), ct));
        await AsAsync("volunteer", h => h.RespondAsync(parcel.Id, answer, ct));

        await AsAsync("volunteer", h => h.PostAsync(Post("Offer", "digital", "教老人用手机挂号、视频通话",
            "周末有空，可以上门或在社区活动室一对一教。", "周末下午", noExpiry: true), ct));
        await AsAsync("volunteer", h => h.PostAsync(Post("Offer", "errand", "下班顺路帮忙买菜、取药",
            "每天傍晚路过菜场和社区药房，可以捎带。", "工作日傍晚", noExpiry: true), ct));
        await AsAsync("volunteer", h => h.PostAsync(Post("Offer", "repair", "帮忙换灯泡、修水龙头",
            "自备工具，小修小补免费。", "工作日晚上"), ct));
        await AsAsync("mentor", h => h.PostAsync(Post("Ask", "company", "想找人下象棋、聊聊天",
            "退休在家，想每周找一两次邻居下象棋。", "每周二、四下午"), ct));

        // Matched, and one done by both.
        var lift = await AsAsync("resident", h => h.PostAsync(Post("Ask", "transport", "周一送孩子去医院复查",
            "上午 8 点出发，社区医院，大约两小时。", "下周一上午"), ct));
        var taken = await AsAsync("volunteer", h => h.RespondAsync(lift.Id, answer, ct));
        await AsAsync("resident", h => h.AcceptAsync(lift.Id, taken.MyResponse!.Id, ct));
        var lamp = await AsAsync("resident", h => h.PostAsync(Post("Ask", "repair", "楼道灯坏了想请人看看", "", "这两天晚上"), ct));
        var fixer = await AsAsync("volunteer", h => h.RespondAsync(lamp.Id, answer, ct));
        await AsAsync("resident", h => h.AcceptAsync(lamp.Id, fixer.MyResponse!.Id, ct));
        await AsAsync("resident", h => h.ConfirmDoneAsync(lamp.Id, ct));
        await AsAsync("volunteer", h => h.ConfirmDoneAsync(lamp.Id, ct));

        // An advert posing as an offer, reported: the officer's to decide.
        var advert = await AsAsync("mentor", h => h.PostAsync(Post("Offer", "other", "低价保健品，老人吃了好",
            "加微信了解详情。", "随时"), ct));
        await actAs.RunAsync("volunteer", sp => sp.GetRequiredService<HelpPosts>().ReportAsync(advert.Id,
            new ReasonInput("像是推销保健品，不是邻里互助。"), ct), ct);
    }
}
