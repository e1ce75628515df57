using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Features;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Finance.Seeding;

/// <summary>
/// Demo books for the demo organization, made through the handlers as its staff: an approved budget with paid expenses and one
/// expense for each warning rule (over a line, abnormal, split below the approval limit, a receipt used twice, outside the
/// budget period), a line spent ahead of its quarterly plan, a draft over its line waiting for its author, and two budgets
/// waiting for the regulator's approval (one for a project awaiting 立项, whose gate requires it).
/// </summary>
internal sealed class FinanceSeedStep(FinanceDbContext db, IActAs actAs, TimeProvider clock, IConfiguration config) : ISeedStep
{
    public int Order => 130;

    public string Name => "finance";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        // Part of the living demo district (tests start from books of their own).
        if (context.Size != SeedSize.Demo || !config.GetValue("Demo:LivingDistrict", true) || context.Organizations.Count == 0
            || await db.Budgets.AnyAsync(ct))
        {
            return;
        }

        var today = ChinaTime.Today(clock);
        List<Guid> inReview = [];
        var projects = await actAs.RunAsync("orgadmin", async sp =>
        {
            var organization = await sp.GetRequiredService<IOrganizationProjects>().ForOrganizationAsync(context.Organizations[0].Id, ct);
            inReview = [.. organization.Recent.Where(p => p.Stage == "review").Select(p => p.Id)];
            var found = new List<ProjectRef>();
            foreach (var brief in organization.Recent)
            {
                if (await sp.GetRequiredService<IOrganizationProjects>().FindProjectAsync(brief.Id, ct) is { } project
                    && project.PeriodStart <= today.AddDays(-60) && project.PeriodEnd >= today)
                {
                    found.Add(project);
                }
            }

            // Those running past this quarter first, so the phased line below has a quarter before its last (whatever the date).
            var quarterEnd = Quarters.EndOf(Quarters.Of(today, today)[0]);
            return found.OrderBy(p => p.PeriodEnd <= quarterEnd).ToList();
        }, ct);
        if (projects.Count < 2)
        {
            return;
        }

        var (first, second) = (projects[0], projects[1]);
        var ids = await actAs.RunAsync("orgstaff", async sp =>
        {
            var budgets = sp.GetRequiredService<Budgets>();
            var funds = sp.GetRequiredService<Funds>();
            var grant = await funds.CreateAsync(new FundDraft("区民政局公益创投资助", "Grant", first.Id, 80_000m), ct);
            await funds.CreateAsync(new FundDraft("机构自有资金", "Unrestricted", null, 50_000m), ct);
            // Labour phased by quarter, little planned for the first: the two labour payments run ahead of plan.
            var quarters = Quarters.Of(today.AddDays(-50), first.PeriodEnd).Select(Quarters.Label).ToList();
            var later = quarters.Count > 1 ? decimal.Round(27_000m / (quarters.Count - 1), 2) : 0;
            var labour = quarters.Count < 2 ? null : quarters.Select((q, i) => (q, Amount: i == 0 ? 3_000m
                : i < quarters.Count - 1 ? later : 27_000m - (later * (quarters.Count - 2)))).ToDictionary(x => x.q, x =>
                    (decimal?)x.Amount);
            var budget = await budgets.CreateAsync(new BudgetDraft(first.Id, today.AddDays(-50), first.PeriodEnd, null,
            [
                new("personnel-1", "personnel", "项目社工劳务", 30_000m, labour), new("activities-1", "activities", "社区活动场地与物资", 20_000m),
                new("materials-1", "materials", "宣传印刷品", 8_000m), new("management-1", "management", "项目管理费", 5_000m),
            ]), ct);
            await budgets.SubmitAsync(budget.Id, ct);
            var waiting = await budgets.CreateAsync(new BudgetDraft(second.Id, null, null, null,
                [new(null, "activities", "长者健康讲座", 12_000m), new(null, "materials", "讲座资料", 3_000m)]), ct);
            await budgets.SubmitAsync(waiting.Id, ct);
            // A project awaiting 立项, whose gate requires its budget approved first (not one of the two above: they may be in
            // review too).
            if (inReview.FirstOrDefault(id => id != first.Id && id != second.Id) is var reviewed && reviewed != Guid.Empty)
            {
                var review = await budgets.CreateAsync(new BudgetDraft(reviewed, null, null, null,
                    [new(null, "personnel", "社工服务费", 24_000m), new(null, "activities", "小组活动物资", 6_000m),
                        new(null, "management", "项目管理费", 2_000m)]), ct);
                await budgets.SubmitAsync(review.Id, ct);
            }
            return (Budget: budget.Id, Grant: grant.Id);
        }, ct);
        await actAs.RunAsync("regulator", sp => sp.GetRequiredService<Budgets>().DecideAsync(ids.Budget, new BudgetDecision(true, "同意"),
            ct), ct);

        var made = await actAs.RunAsync("orgstaff", async sp =>
        {
            var expenses = sp.GetRequiredService<Expenses>();
            var made = new List<(Guid Id, bool Pay)>();
            async Task<Guid> Add(string line, int daysAgo, decimal amount, string payee, string what, string? invoice = null,
                string? file = null)
            {
                var e = await expenses.DraftAsync(new ExpenseDraft(ids.Budget, line, ids.Grant, today.AddDays(-daysAgo), amount, payee,
                    what, null), ct);
                var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {file ?? e.Number}\n1 0 obj << /Type /Catalog >> "
                    + "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
                using var stream = new MemoryStream(content);
                var form = new FormFile(stream, 0, content.Length, "file", $"{e.Number}.pdf") { Headers = new HeaderDictionary(),
                    ContentType = "application/pdf" };
                await expenses.AddReceiptAsync(e.Id, form, invoice, invoice is null ? null : amount, ct);
                return e.Id;
            }

            // Ordinary printing, paid: the history the abnormal-expense rule compares against.
            foreach (var (days, amount) in new[] { (40, 620m), (35, 780m), (30, 540m), (26, 700m), (21, 660m), (18, 590m) })
            {
                made.Add((await Add("materials-1", days, amount, "园区快印店", "活动海报与宣传单印刷"), true));
            }

            made.Add((await Add("personnel-1", 30, 6_000m, "社工 王丽", "十月社工劳务费", "04412345"), true));
            // Printing far above the usual, which also takes the line over its 8,000.
            made.Add((await Add("materials-1", 12, 4_900m, "园区广告公司", "大型展板制作"), false));
            // Two payments to one payee just under the 5,000 approval limit, two days apart.
            made.Add((await Add("activities-1", 9, 4_800m, "星光会务服务部", "社区活动场地租赁（上）"), false));
            made.Add((await Add("activities-1", 7, 4_750m, "星光会务服务部", "社区活动场地租赁（下）"), false));
            // The invoice of the September labour claimed a second time.
            made.Add((await Add("personnel-1", 5, 6_000m, "社工 王丽", "劳务费补发", "04412345"), false));
            // Bought before the budget period began.
            made.Add((await Add("management-1", 55, 800m, "园区文具店", "办公用品"), false));
            foreach (var (id, pay) in made)
            {
                await expenses.SubmitAsync(id, ct);
            }

            // Left as a draft for its author: more activities than the line has left (the warning shows before submitting).
            await Add("activities-1", 2, 11_000m, "园区体育馆", "社区运动会场地");
            return made;
        }, ct);
        await actAs.RunAsync("orgadmin", async sp =>
        {
            var expenses = sp.GetRequiredService<Expenses>();
            foreach (var (id, _) in made.Where(m => m.Pay))
            {
                await expenses.ApproveAsync(id, ct);
                await expenses.PayAsync(id, ct);
            }

            return true;
        }, ct);
    }
}
