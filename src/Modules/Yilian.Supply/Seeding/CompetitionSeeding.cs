using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.Supply.Data;
using Yilian.Supply.Features;

namespace Yilian.Supply.Seeding;

/// <summary>
/// A demo competition through the handlers: the operator's call, both demo organizations' entries, entries closed, the roadshow
/// on the calendar next week, three judges seated and the mentor's scores in — the regulator and the operator still to score.
/// </summary>
internal sealed class CompetitionSeeding(SupplyDbContext db, IActAs actAs, TimeProvider clock)
{
    public async Task RunAsync(string home, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var call = await actAs.RunAsync("operator", sp => sp.GetRequiredService<Competitions>().OpenAsync(new CompetitionInput(
            "2027 年度社区公益创投大赛", "面向园区登记的社会组织，聚焦为老服务和儿童服务；单个项目资助不超过 5 万元，执行期一年。路演每个项目陈述 8 分钟、答辩 7 分钟。",
            ["elderly", "children"], 50_000m, 0, now.AddDays(14), 8, 7, null, false, false), ct), ct);
        var entries = new List<Guid>();
        foreach (var (user, title, field, amount, summary) in new[]
        {
            ("orgadmin", "银发数字课堂", "elderly", 40_000m, "教社区老人使用智能手机：挂号、缴费、视频通话和防诈骗，每期 8 课时，全年 6 期。"),
            ("orgadmin2", "童心成长营", "children", 30_000m, "每月两次周末成长营，情绪支持、安全教育和户外拓展，服务困境儿童 25 名。"),
        })
        {
            entries.Add(await actAs.RunAsync(user, async sp => (await sp.GetRequiredService<Competitions>().EnterAsync(call.Id,
                new EntryInput(title, summary, field, amount), ct)).Id, ct));
        }

        await db.Competitions.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ApplicationsDue, now.AddMinutes(-5)),
            ct);
        var start = new DateTimeOffset(ChinaTime.Today(clock).AddDays(7).ToDateTime(new TimeOnly(14, 0)), TimeSpan.FromHours(8));
        await actAs.RunAsync("operator", async sp =>
        {
            var competitions = sp.GetRequiredService<Competitions>();
            await competitions.ScheduleRoadshowAsync(call.Id, new RoadshowInput(start, null, home), ct);
            foreach (var judge in new[] { "mentor", "regulator", "operator" })
            {
                await competitions.SeatJudgeAsync(call.Id, judge, ct);
            }

            return true;
        }, ct);
        await actAs.RunAsync("mentor", async sp =>
        {
            var competitions = sp.GetRequiredService<Competitions>();
            foreach (var (entry, points) in entries.Zip(new[] { new[] { 26m, 17, 16, 12, 12 }, [24m, 16, 16, 12, 13] }))
            {
                await competitions.ScoreAsync(call.Id, entry, new ScoreInput(points.Select((p, i) => (p, i))
                    .ToDictionary(x => $"c{x.i + 1}", x => x.p), null), ct);
            }

            return true;
        }, ct);
        await db.Competitions.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, now.AddDays(-30))
            .SetProperty(c => c.ApplicationsDue, now.AddDays(-2)), ct);
    }
}
