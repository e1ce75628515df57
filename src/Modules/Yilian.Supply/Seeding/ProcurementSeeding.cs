using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Activities.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.Supply.Data;
using Yilian.Supply.Features;
using Yilian.Volunteers.Contracts;

namespace Yilian.Supply.Seeding;

/// <summary>
/// Demo purchases, made through the handlers by the people who would make them, then dated back so the threads read as weeks of
/// work: one under contract (the demo organization won it, reported its first milestone with an activity whose volunteers'
/// hours show, the second is due), one under review (the operator has scored, the mentor half, the regulator not yet; the
/// community can close it), one open that the demo organization was invited to and has not answered.
/// </summary>
internal sealed class ProcurementSeeding(SupplyDbContext db, IActAs actAs, TimeProvider clock)
{
    public async Task RunAsync(Guid visiting, string home, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var fields = await actAs.RunAsync("officer", sp => sp.GetRequiredService<Needs>().FieldsAsync(ct), ct);
        string F(string code) => fields.ContainsKey(code) ? code : fields.Keys.First();
        var (meals, camp) = await actAs.RunAsync("officer", async sp =>
        {
            var needs = sp.GetRequiredService<Needs>();
            var meals = await needs.PostAsync(new NeedInput("高龄老人助餐与健康管理", "为社区 80 岁以上老人提供工作日午餐（堂食或送餐），每季度一次健康评估。",
                F("elderly"), "80 岁以上老人（约 60 人）", home, today.AddDays(20), today.AddDays(300), 80_000m, today.AddDays(10), true), ct);
            var camp = await needs.PostAsync(new NeedInput("困境儿童周末成长营", "每月两个周末开展成长营：情绪支持、安全教育、户外拓展。",
                F("children"), "困境儿童（约 25 人）", home, today.AddDays(30), today.AddDays(210), 30_000m, today.AddDays(20), true), ct);
            return (meals, camp);
        }, ct);

        var contracted = await OpenAsync(visiting, "每周上门探访不少于 1 次，建立探访台账，异常情况当天报告；每月提交服务报告。", 36_000m, now.AddDays(7), ct);
        var reviewing = await OpenAsync(meals.Id, "工作日午餐 60 份以内，送餐上门不超过 20 份；每季度健康评估并建档。", 80_000m, now.AddDays(7), ct);
        await OpenAsync(camp.Id, "每月两次周末成长营，每次不少于 20 名儿童参加，配持证社工。", 30_000m, now.AddDays(10), ct);

        var (a1, a2) = await ProposeBothAsync(contracted, "探访", 34_000m, 36_000m, ct);
        var (b1, b2) = await ProposeBothAsync(reviewing, "助餐", 52_000m, 78_000m, ct);
        await db.Procurements.Where(p => p.Id == contracted || p.Id == reviewing)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProposalsDue, now.AddMinutes(-5)), ct);
        await actAs.RunAsync("officer", async sp =>
        {
            var procurements = sp.GetRequiredService<Procurements>();
            foreach (var judge in new[] { "operator", "mentor", "regulator" })
            {
                await procurements.SeatJudgeAsync(contracted, judge, ct);
                await procurements.SeatJudgeAsync(reviewing, judge, ct);
            }

            return true;
        }, ct);
        await ScoreAsync("operator", contracted, a1, [26, 17, 16, 12, 13], ct);
        await ScoreAsync("operator", contracted, a2, [20, 15, 13, 9, 10], ct);
        await ScoreAsync("mentor", contracted, a1, [27, 16, 17, 13, 12], ct);
        await ScoreAsync("mentor", contracted, a2, [21, 14, 14, 10, 11], ct);
        await ScoreAsync("regulator", contracted, a1, [25, 18, 15, 12, 12], ct);
        await ScoreAsync("regulator", contracted, a2, [22, 15, 12, 10, 10], ct);
        await ScoreAsync("operator", reviewing, b1, [24, 18, 15, 11, 12], ct);
        await ScoreAsync("operator", reviewing, b2, [27, 15, 17, 13, 12], ct);
        await ScoreAsync("mentor", reviewing, b2, [26, 14, 16, 12, 13], ct);

        var call = await actAs.RunAsync("officer", async sp =>
        {
            var procurements = sp.GetRequiredService<Procurements>();
            await procurements.CloseReviewAsync(contracted, ct);
            return await procurements.AwardAsync(contracted, new AwardInput(a1, 34_000m, null,
            [
                new MilestoneInput("建档与首轮探访", today.AddDays(-3), 12_000m), new MilestoneInput("季度探访与服务报告", today.AddDays(60), 22_000m),
            ]), ct);
        }, ct);
        var winner = call.Proposals.First(p => p.Id == a1).OrganizationId;
        await actAs.RunAsync("orgadmin", async sp =>
        {
            // The activities that had volunteers serving (their confirmed hours show on the thread).
            var held = await sp.GetRequiredService<IActivityCatalog>().OfOrganizationAsync(winner, now.AddDays(-60), now, ct);
            var served = await sp.GetRequiredService<IActivityServiceHours>().OfActivitiesAsync([.. held.Select(a => a.Id)], ct);
            return await sp.GetRequiredService<Procurements>().ReportAsync(contracted, call.Milestones[0].Id, new MilestoneReportInput(
                "已为 35 位独居老人建档，完成首轮上门探访，发现 3 户安全隐患并已报告社区。",
                [.. served.Values.OrderByDescending(a => a.Hours).Take(2).Select(a => a.ActivityId)]), ct);
        }, ct);
        // The elders visited so far, who agreed to be asked: each gets a rating link when the delivery is accepted.
        await actAs.RunAsync("orgadmin", sp => sp.GetRequiredService<Procurements>().ListServedAsync(contracted, new ServedInput(
            "13800138001\n13800138002\n13800138003\n13912345678", true), ct), ct);
        await actAs.RunAsync("officer", async sp =>
        {
            var procurements = sp.GetRequiredService<Procurements>();
            var evaluators = await procurements.EvaluatorChoicesAsync(contracted, ct);
            return evaluators.Count == 0 ? null : await procurements.NameEvaluatorAsync(contracted, evaluators[0].Id, ct);
        }, ct);
        await DateBackAsync([visiting, meals.Id], contracted, reviewing, ct);
    }

    private async Task<Guid> OpenAsync(Guid needId, string requirements, decimal budget, DateTimeOffset due, CancellationToken ct) =>
        (await actAs.RunAsync("officer", sp => sp.GetRequiredService<Procurements>().OpenAsync(new ProcurementInput(needId, null,
            requirements, budget, due, true, null, false, false), ct), ct)).Id;

    /// <summary>Both demo organizations propose, each with its first listed project in the call's field (or its first).</summary>
    private async Task<(Guid First, Guid Second)> ProposeBothAsync(Guid call, string plan, decimal first, decimal second,
        CancellationToken ct)
    {
        async Task<Guid> Propose(string user, decimal budget) => await actAs.RunAsync(user, async sp =>
        {
            var projects = (await sp.GetRequiredService<ServiceProjects>().ListAsync(new ServiceProjectFilter(null, null, null, null),
                Yilian.SharedKernel.Paging.PageRequest.Of(1, 20), ct)).Items;
            var need = await db.Procurements.Where(p => p.Id == call).Join(db.Needs, p => p.NeedId, n => n.Id, (p, n) => n.ServiceField)
                .FirstAsync(ct);
            var project = projects.FirstOrDefault(p => p.ServiceField == need) ?? projects[0];
            return (await sp.GetRequiredService<Procurements>().ProposeAsync(call, new ProposalInput(project.Id,
                $"{plan}方案：{project.Summary}", budget), null, ct)).Id;
        }, ct);
        return (await Propose("orgadmin", first), await Propose("orgadmin2", second));
    }

    private Task<ProcurementDto> ScoreAsync(string judge, Guid call, Guid proposal, decimal[] points, CancellationToken ct) =>
        actAs.RunAsync(judge, sp => sp.GetRequiredService<Procurements>().ScoreAsync(call, proposal, new ScoreInput(
            points.Select((p, i) => (p, i)).ToDictionary(x => $"c{x.i + 1}", x => x.p), null), ct), ct);

    /// <summary>The threads as weeks of work: the need posted five weeks ago, the call a month ago, and so on.</summary>
    private async Task DateBackAsync(Guid[] needs, Guid contracted, Guid reviewing, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Needs.Where(n => n.Id == needs[0]).ExecuteUpdateAsync(s => s.SetProperty(n => n.PostedAt, now.AddDays(-35)), ct);
        await db.Needs.Where(n => n.Id == needs[1]).ExecuteUpdateAsync(s => s.SetProperty(n => n.PostedAt, now.AddDays(-14)), ct);
        await db.Procurements.Where(p => p.Id == contracted).ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenedAt, now.AddDays(-30))
            .SetProperty(p => p.ProposalsDue, now.AddDays(-16)).SetProperty(p => p.AwardedAt, now.AddDays(-12)), ct);
        await db.Procurements.Where(p => p.Id == reviewing).ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenedAt, now.AddDays(-12))
            .SetProperty(p => p.ProposalsDue, now.AddDays(-2)), ct);
        foreach (var (call, back) in new[] { (contracted, 18), (reviewing, 4) })
        {
            var panel = await db.Procurements.Where(p => p.Id == call).Select(p => p.PanelId).FirstAsync(ct);
            await db.Proposals.Where(p => p.ProcurementId == call).ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmittedAt,
                now.AddDays(-back)), ct);
            await db.PanelJudges.Where(j => j.PanelId == panel).ExecuteUpdateAsync(s => s.SetProperty(j => j.SeatedAt, now.AddDays(-back
                + 1)),
                ct);
            await db.PanelScores.Where(x => x.PanelId == panel).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt,
                now.AddDays(-back + 3)),
                ct);
            await db.Panels.Where(x => x.Id == panel && x.ClosedAt != null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt,
                now.AddDays(-back + 4)), ct);
        }

        await db.Milestones.Where(m => m.ProcurementId == contracted && m.ReportedAt != null).ExecuteUpdateAsync(s => s.SetProperty(
            m => m.ReportedAt, now.AddDays(-2)), ct);
    }
}
