using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using SkiaSharp;

using Yilian.Finance.Data;
using Yilian.Finance.Features;
using Yilian.Finance.Features.Charity;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Seeding;
using Yilian.Ui.Pdf;

namespace Yilian.Finance.Seeding;

/// <summary>
/// A demo charity project for the demo organization, made through the handlers: an approved budget, gifts over the last month
/// (online, by bank transfer, a cash count waiting for its second counter, a refund, a bank reference entered twice with a
/// different amount — refused and flagged), expenses paid from the gifts first in, first out, one more awaiting payment; and
/// two years of annual figures, the later with a management cost over its ratio.
/// </summary>
internal sealed class CharitySeedStep(FinanceDbContext db, IActAs actAs, TimeProvider clock, IConfiguration config) : ISeedStep
{
    public int Order => 131;

    public string Name => "charity";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || !config.GetValue("Demo:LivingDistrict", true) || context.Organizations.Count == 0
            || await db.CharityProjects.AnyAsync(ct))
        {
            return;
        }

        var today = ChinaTime.Today(clock);
        var taken = await db.Budgets.Select(b => b.ProjectId).ToListAsync(ct);
        var project = await actAs.RunAsync("orgadmin", async sp =>
        {
            var projects = sp.GetRequiredService<IOrganizationProjects>();
            foreach (var brief in (await projects.ForOrganizationAsync(context.Organizations[0].Id, ct)).Recent)
            {
                if (!taken.Contains(brief.Id) && await projects.FindProjectAsync(brief.Id, ct) is { } found && found.PeriodEnd >= today)
                {
                    return found;
                }
            }

            return null;
        }, ct);
        if (project is null)
        {
            return;
        }

        var budgetId = await actAs.RunAsync("orgstaff", async sp =>
        {
            var budgets = sp.GetRequiredService<Budgets>();
            var budget = await budgets.CreateAsync(new BudgetDraft(project.Id, today.AddDays(-40), today.AddDays(120), null,
            [
                new("aid-1", "activities", "困境儿童助学金", 60_000m), new("materials-1", "materials", "学习用品", 15_000m),
                new("management-1", "management", "项目执行费", 5_000m),
            ]), ct);
            await budgets.SubmitAsync(budget.Id, ct);
            return budget.Id;
        }, ct);
        await actAs.RunAsync("regulator", sp => sp.GetRequiredService<Budgets>().DecideAsync(budgetId, new BudgetDecision(true, "同意"), ct),
            ct);
        var charity = await actAs.RunAsync("orgadmin", sp => sp.GetRequiredService<CharityProjects>().CreateAsync(new CharityProjectDraft(
            project.Id, "困境儿童助学计划", "53320000MJ5400001X-2026-017",
            "为街道内 60 名困境儿童提供一学年的助学金和学习用品。每一笔支出及其票据都在本页公示。", 100_000m, today.AddDays(-30),
            today.AddDays(60)), ct), ct);

        await GiveAsync(charity, today, ct);
        await SpendAsync(charity, budgetId, today, ct);

        // Two years of the annual report: the later one's management cost (17.3% of spending) is over the 15% of its band.
        await actAs.RunAsync("orgstaff", async sp =>
        {
            var years = sp.GetRequiredService<YearReports>();
            await years.PutAsync(today.Year - 2, new YearReportInput("ServiceOrganization", false, 2_400_000m, 1_800_000m, 1_500_000m,
                180_000m, 1_900_000m), ct);
            await years.PutAsync(today.Year - 1, new YearReportInput("ServiceOrganization", false, 2_600_000m, 2_100_000m, 1_700_000m,
                380_000m, 2_200_000m), ct);
            return true;
        }, ct);
    }

    private async Task GiveAsync(CharityProjectDto charity, DateOnly today, CancellationToken ct)
    {
        string[] names = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐强", "孙丽"];
        var now = clock.GetUtcNow();
        await actAs.RunAsync("orgstaff", async sp =>
        {
            var online = sp.GetRequiredService<OnlineDonations>();
            var provider = sp.GetRequiredService<SimulatedPaymentProvider>();
            for (var i = 0; i < 36; i++)
            {
                var amount = new[] { 20m, 50m, 100m, 200m, 66.6m, 500m, 88m, 1_000m }[i % 8];
                var named = i % 3 != 0;
                var (intent, _) = await online.AskAsync(charity.Id, new DonationRequest(amount, named ? names[i % names.Length] : null,
                    i % 5 == 1, i % 4 == 0 ? "加油！" : null), ct);
                var paidAt = now.AddDays(-29 + i * 0.8).AddMinutes(-i * 7);
                await online.ConfirmAsync(provider.Pay(intent, amount, paidAt < now ? paidAt : now.AddMinutes(-i)), ct);
            }

            var donations = sp.GetRequiredService<Donations>();
            await donations.EnterAsync(new DonationInput(charity.Id, "BankTransfer", "ICBC20261102881234", 20_000m, "园区爱心企业联合会", true,
                null, now.AddDays(-20)), ct);
            await donations.EnterAsync(new DonationInput(charity.Id, "BankTransfer", "CCB20261110556677", 15_000m, "某科技有限公司", false,
                null, now.AddDays(-12)), ct);
            // The same statement line entered again with a mistyped amount: refused and flagged for the organization.
            try
            {
                await donations.EnterAsync(new DonationInput(charity.Id, "BankTransfer", "CCB20261110556677", 1_500m, "某科技有限公司",
                    false, null, now.AddDays(-12)), ct);
            }
            catch (Yilian.SharedKernel.Errors.BusinessRuleException)
            {
                // Expected: the flag is what the demo shows.
            }

            // Last Sunday's cash box at the community fair, waiting for the second counter.
            await donations.EnterAsync(new DonationInput(charity.Id, "Cash", null, 1_286.5m, null, false, null, now.AddDays(-1)), ct);
            return true;
        }, ct);
    }

    private async Task SpendAsync(CharityProjectDto charity, Guid budgetId, DateOnly today, CancellationToken ct)
    {
        var ids = await actAs.RunAsync("orgstaff", async sp =>
        {
            var expenses = sp.GetRequiredService<Expenses>();
            async Task<Guid> Add(string line, int daysAgo, decimal amount, string payee, string what)
            {
                var e = await expenses.DraftAsync(new ExpenseDraft(budgetId, line, charity.FundId, today.AddDays(-daysAgo), amount, payee,
                    what,
                    null), ct);
                var png = ReceiptImage(payee, amount, what);
                using var stream = new MemoryStream(png);
                var form = new FormFile(stream, 0, png.Length, "file", $"{e.Number}.png") { Headers = new HeaderDictionary(),
                    ContentType = "image/png" };
                await expenses.AddReceiptAsync(e.Id, form, null, null, ct);
                await expenses.SubmitAsync(e.Id, ct);
                return e.Id;
            }

            return new[]
            {
                await Add("aid-1", 10, 18_000m, "第一批受助学生（12 名）", "秋季学期助学金发放（名单经社区公示）"),
                await Add("materials-1", 6, 6_800m, "园区文体用品商店", "书包、文具 60 套"),
                await Add("aid-1", 1, 9_000m, "第二批受助学生（6 名）", "秋季学期助学金发放（第二批）"),
            };
        }, ct);
        await actAs.RunAsync("orgadmin", async sp =>
        {
            var expenses = sp.GetRequiredService<Expenses>();
            foreach (var id in ids.Take(2))
            {
                await expenses.ApproveAsync(id, ct);
                await expenses.PayAsync(id, ct);
            }

            await expenses.ApproveAsync(ids[2], ct);
            // A donor who gave twice by mistake asked for the second gift back.
            var donations = sp.GetRequiredService<Donations>();
            var last = (await donations.ListAsync(charity.Id, 1, 200, ct)).Items.Where(d => d.Channel == "Online" && d.Allocated == 0)
                .OrderByDescending(d => d.ReceivedAt).First();
            await donations.RefundAsync(last.Id, new RefundInput(last.Amount, "捐赠人重复支付，申请退回"), ct);
            return true;
        }, ct);
    }

    /// <summary>A receipt photo stand-in: a small PNG with the payee, amount and purpose written on it.</summary>
    private static byte[] ReceiptImage(string payee, decimal amount, string what)
    {
        using var surface = SKSurface.Create(new SKImageInfo(480, 320));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xFD, 0xFB, 0xF3));
        using var ink = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), IsAntialias = true };
        using var red = new SKPaint { Color = new SKColor(0xB7, 0x1C, 0x1C), IsAntialias = true };
        using var title = new SKFont(PdfKit.Face, 30);
        using var body = new SKFont(PdfKit.Face, 20);
        canvas.DrawText("收  据", 240, 56, SKTextAlign.Center, title, red);
        canvas.DrawText(payee, 32, 120, SKTextAlign.Left, body, ink);
        canvas.DrawText(what, 32, 170, SKTextAlign.Left, body, ink);
        canvas.DrawText("金额：¥" + amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture), 32, 230, SKTextAlign.Left,
            title, ink);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
