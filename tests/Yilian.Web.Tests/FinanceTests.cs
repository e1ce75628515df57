using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Finance.Data;
using Yilian.Finance.Features;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

using static Yilian.Web.Tests.Answers;

namespace Yilian.Web.Tests;

/// <summary>
/// Budgets, expenses and the warnings behind them through the API, on every configured provider: a draft over its line is
/// warned before anyone approves it; once submitted the regulator finds the warning, opens the expense and its receipt;
/// the organization explains and the regulator decides; paid expenses are corrected only by reversal.
/// </summary>
public sealed class FinanceTests
{
    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\ntrailer << >>\n%%EOF\n");

    private static Task<HttpResponseMessage> ReceiptAsync(HttpClient client, string expenseId, byte[] content, string name, string? invoice = null, decimal? amount = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (invoice is not null)
        {
            form.Add(new StringContent(invoice), "invoiceNumber");
            form.Add(new StringContent(amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "invoiceAmount");
        }

        return client.PostAsync($"/api/v1/expenses/{expenseId}/receipts", form);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Draft_Over_Its_Line_Is_Warned_Before_Approval_And_The_Regulator_Lands_On_The_Expense(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var staff = await app.ClientAsAsync("orgstaff");
        using var admin = await app.ClientAsAsync("orgadmin");
        using var regulator = await app.ClientAsAsync("regulator");
        using var otherOrg = await app.ClientAsAsync("orgadmin2");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");

        var created = await admin.PostAsJsonAsync("/api/v1/projects", new
        {
            name = "长者助餐财务测试项目", periodStart = Day(-100), periodEnd = Day(200), fundingSource = "公益创投", fundingAmount = 20000,
            indicators = new[] { new { name = "服务人次", target = 100, unit = "人次" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var projectId = created.Headers.Location!.ToString().Split('/')[^1];

        // Bad budgets are answered field by field; nothing is written.
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", new { projectId, lines = new[] { new { category = "materials", name = "印刷", amount = 1.234m } } }),
            HttpStatusCode.BadRequest)).ShouldContain("两位小数");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", new { projectId, lines = new[] { new { category = "travel", name = "差旅", amount = 100m } } }),
            HttpStatusCode.BadRequest)).ShouldContain("personnel, activities, materials, management, other");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", new { projectId, lines = Array.Empty<object>() }), HttpStatusCode.BadRequest))
            .ShouldContain("预算科目");
        (await otherOrg.PostAsJsonAsync("/api/v1/budgets", new { projectId, lines = new[] { new { category = "materials", name = "印刷", amount = 100m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest); // another organization's project is not theirs to budget

        var budget = await OkAsync(await staff.PostAsJsonAsync("/api/v1/budgets", new
        {
            projectId, periodStart = Day(-60), periodEnd = Day(200),
            lines = new[] { new { code = "print", category = "materials", name = "宣传印刷", amount = 1000m }, new { code = "venue", category = "activities", name = "场地", amount = 5000m } },
        }), HttpStatusCode.Created);
        var budgetId = budget.GetProperty("id").GetString();
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", new { projectId, lines = new[] { new { category = "other", name = "x", amount = 1m } } }),
            HttpStatusCode.Conflict)).ShouldContain("BudgetExists");
        await OkAsync(await staff.PostAsync($"/api/v1/budgets/{budgetId}/submit", null));
        (await admin.PostAsJsonAsync($"/api/v1/budgets/{budgetId}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/budgets/{budgetId}/decision", new { approve = true, note = "同意" })))
            .GetProperty("approvedVersion").GetInt32().ShouldBe(1);

        var fund = await OkAsync(await staff.PostAsJsonAsync("/api/v1/funds", new { name = "公益创投资助", kind = "Grant", projectId, amount = 6000m }), HttpStatusCode.Created);
        var fundId = fund.GetProperty("id").GetString();
        object Draft(string line, decimal amount, int day, string payee = "园区快印店") =>
            new { budgetId, lineCode = line, fundId, date = Day(day), amount, payee, description = "活动宣传" };

        // Bad expenses: a clear message each, nothing saved.
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("print", 0m, -1)), HttpStatusCode.BadRequest)).ShouldContain("amount");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("nope", 10m, -1)), HttpStatusCode.BadRequest)).ShouldContain("print（宣传印刷）");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("print", 10m, 3)), HttpStatusCode.BadRequest)).ShouldContain("date");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("print", 10m, -400)), HttpStatusCode.UnprocessableEntity))
            .ShouldContain("ExpenseInClosedPeriod");

        var first = await OkAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("print", 700m, -5)), HttpStatusCode.Created);
        var firstId = first.GetProperty("id").GetString()!;
        first.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        await OkAsync(await staff.PostAsync($"/api/v1/expenses/{firstId}/submit", null));

        // The second print job takes the line over: its author is told on drafting, before anyone approves it; nothing is stored yet.
        var second = await OkAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("print", 450m, -2)), HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetString()!;
        var shown = second.GetProperty("warnings").EnumerateArray().Single();
        shown.GetProperty("rule").GetString().ShouldBe("over-budget-line");
        shown.GetProperty("message").GetString()!.ShouldContain("超出 150.00 元");
        shown.GetProperty("expenseIds").EnumerateArray().Select(e => e.GetString()).ShouldBe([firstId, secondId], ignoreOrder: true);
        (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings")).GetProperty("total").GetInt32().ShouldBe(0);

        (await ProblemAsync(await ReceiptAsync(staff, secondId, Encoding.UTF8.GetBytes("<html>x</html>"), "invoice.pdf"), HttpStatusCode.UnsupportedMediaType))
            .ShouldContain("PDF");
        var withReceipt = await OkAsync(await ReceiptAsync(staff, secondId, Pdf("print-2"), "发票.pdf", "12345678", 450m));
        var receiptId = withReceipt.GetProperty("receipts")[0].GetProperty("id").GetString();
        await OkAsync(await staff.PostAsync($"/api/v1/expenses/{secondId}/submit", null));

        // Submitted, the warning is on record: the regulator's list has it, and it opens on the expense and its receipt.
        var list = await regulator.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings");
        var row = list.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("rule").GetString() == "over-budget-line");
        row.GetProperty("statusName").GetString().ShouldBe("待说明");
        var warning = await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/finance-warnings/{row.GetProperty("id").GetString()}");
        var behind = warning.GetProperty("expenses").EnumerateArray().ToList();
        behind.Select(e => e.GetProperty("id").GetString()).ShouldBe([firstId, secondId], ignoreOrder: true);
        behind.Single(e => e.GetProperty("id").GetString() == secondId).GetProperty("firstReceiptId").GetString().ShouldBe(receiptId);
        var file = await regulator.GetAsync($"/api/v1/expenses/{secondId}/receipts/{receiptId}");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf("print-2"));
        (await otherOrg.GetAsync($"/api/v1/finance-warnings/{row.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The organization explains; the regulator accepts; the steps are kept.
        var id = row.GetProperty("id").GetString();
        (await regulator.PostAsJsonAsync($"/api/v1/finance-warnings/{id}/decision", new { decision = "accept" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await OkAsync(await staff.PostAsJsonAsync($"/api/v1/finance-warnings/{id}/explanation", new { text = "追加印刷了重阳节活动海报，已申请调整预算。" }));
        var accepted = await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/finance-warnings/{id}/decision", new { decision = "accept" }));
        accepted.GetProperty("summary").GetProperty("status").GetString().ShouldBe("Accepted");
        accepted.GetProperty("explainedBy").GetString().ShouldBe("orgstaff");

        // The same invoice claimed again on another expense: a duplicate-receipt warning naming both.
        var again = await OkAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("venue", 450m, -1)), HttpStatusCode.Created);
        var againId = again.GetProperty("id").GetString()!;
        await OkAsync(await ReceiptAsync(staff, againId, Pdf("another scan"), "发票2.pdf", "12345678", 450m));
        await OkAsync(await staff.PostAsync($"/api/v1/expenses/{againId}/submit", null));
        var duplicate = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings?rule=duplicate-receipt")).GetProperty("items").EnumerateArray().Single();
        (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/finance-warnings/{duplicate.GetProperty("id").GetString()}"))
            .GetProperty("expenses").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldBe([secondId, againId], ignoreOrder: true);

        // Another organization claims the same invoice: found across the district; its staff see their own expense behind the
        // warning, the regulator both.
        var created2 = await otherOrg.PostAsJsonAsync("/api/v1/projects", new
        {
            name = "另一机构的项目", periodStart = Day(-100), periodEnd = Day(200), fundingSource = "公益创投", fundingAmount = 10000,
            indicators = new[] { new { name = "服务人次", target = 100, unit = "人次" } },
        });
        var otherProject = created2.Headers.Location!.ToString().Split('/')[^1];
        var otherBudget = (await OkAsync(await otherOrg.PostAsJsonAsync("/api/v1/budgets", new
        {
            projectId = otherProject, lines = new[] { new { code = "venue", category = "activities", name = "场地", amount = 9000m } },
        }), HttpStatusCode.Created)).GetProperty("id").GetString();
        var otherFund = (await OkAsync(await otherOrg.PostAsJsonAsync("/api/v1/funds", new { name = "自有资金", kind = "Unrestricted", amount = 9000m }),
            HttpStatusCode.Created)).GetProperty("id").GetString();
        var theirs = await OkAsync(await otherOrg.PostAsJsonAsync("/api/v1/expenses", new
        {
            budgetId = otherBudget, lineCode = "venue", fundId = otherFund, date = Day(-1), amount = 450m, payee = "园区快印店", description = "印刷",
        }), HttpStatusCode.Created);
        var theirsId = theirs.GetProperty("id").GetString()!;
        await OkAsync(await ReceiptAsync(otherOrg, theirsId, Pdf("their scan"), "fp.pdf", "12345678", 450m));
        await OkAsync(await otherOrg.PostAsync($"/api/v1/expenses/{theirsId}/submit", null));
        var seen = (await otherOrg.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings?rule=duplicate-receipt")).GetProperty("items").EnumerateArray().Single();
        seen.GetProperty("message").GetString()!.ShouldContain("其中 2 笔属于其他机构");
        (await otherOrg.GetFromJsonAsync<JsonElement>($"/api/v1/finance-warnings/{seen.GetProperty("id").GetString()}"))
            .GetProperty("expenses").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldBe([theirsId]);
        (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/finance-warnings/{seen.GetProperty("id").GetString()}"))
            .GetProperty("expenses").GetArrayLength().ShouldBe(3);

        // Four people submit at once, together taking the venue line over: every submission lands and the line has one warning.
        var drafts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            drafts.Add((await OkAsync(await staff.PostAsJsonAsync("/api/v1/expenses", Draft("venue", 1500m, -1, $"场地方{i}")), HttpStatusCode.Created))
                .GetProperty("id").GetString()!);
        }

        var submitted = await Task.WhenAll(drafts.Select(d => staff.PostAsync($"/api/v1/expenses/{d}/submit", null)));
        submitted.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var venue = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings?rule=over-budget-line")).GetProperty("items")
            .EnumerateArray().Where(w => w.GetProperty("message").GetString()!.Contains("场地")).ToList();
        venue.Count.ShouldBe(1);
        venue[0].GetProperty("expenses").GetInt32().ShouldBe(5); // the four and the duplicate-invoice expense on the same line

        // Approval and payment are the administrator's; a paid expense never changes, a reversal corrects it.
        (await staff.PostAsync($"/api/v1/expenses/{firstId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(await admin.PostAsync($"/api/v1/expenses/{firstId}/approve", null));
        await OkAsync(await admin.PostAsync($"/api/v1/expenses/{firstId}/pay", null));
        (await ProblemAsync(await staff.PutAsJsonAsync($"/api/v1/expenses/{firstId}", Draft("print", 1m, -5)), HttpStatusCode.Conflict)).ShouldContain("PaidExpenseFixed");
        var reversal = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/expenses/{firstId}/reverse", new { reason = "金额录入错误" }));
        reversal.GetProperty("amount").GetDecimal().ShouldBe(-700m);
        reversal.GetProperty("reversesId").GetString().ShouldBe(firstId);
        (await admin.PostAsJsonAsync($"/api/v1/expenses/{firstId}/reverse", new { reason = "再来一次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/budgets/{budgetId}");
        var print = detail.GetProperty("versions")[0].GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "print");
        (print.GetProperty("spent").GetDecimal(), print.GetProperty("pending").GetDecimal()).ShouldBe((0m, 450m));

        var ledger = await admin.GetAsync($"/api/v1/expenses/ledger?projectId={projectId}");
        ledger.StatusCode.ShouldBe(HttpStatusCode.OK);
        ledger.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var timeline = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}");
        timeline.ToString().ShouldContain("金额录入错误");

        // The nightly re-evaluation reads every organization's books at once; from nothing, it raises exactly what re-evaluating
        // each organization on its own raises, and a second night over what it raised changes nothing.
        var reference = await NightAsync(app, eachOnItsOwn: true);
        reference.ShouldContain(w => w.StartsWith("duplicate-receipt", StringComparison.Ordinal));
        reference.ShouldContain(w => w.StartsWith("over-budget-line", StringComparison.Ordinal));
        (await NightAsync(app, eachOnItsOwn: false)).ShouldBe(reference);
        (await NightAsync(app, eachOnItsOwn: false, fromNothing: false)).ShouldBe(reference);
    }

    /// <summary>Re-evaluates every organization's warnings (from none stored, unless told) and lists them: rule key, organization,
    /// status and the expenses behind each, sorted.</summary>
    private static Task<List<string>> NightAsync(YilianApp app, bool eachOnItsOwn, bool fromNothing = true) =>
        SystemScope.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), async sp =>
        {
            var db = sp.GetRequiredService<FinanceDbContext>();
            if (fromNothing)
            {
                await db.WarningExpenses.ExecuteDeleteAsync();
                await db.Warnings.ExecuteDeleteAsync();
            }

            var book = sp.GetRequiredService<WarningBook>();
            if (eachOnItsOwn)
            {
                foreach (var organization in await db.Budgets.Select(b => b.OrganizationId).Distinct().ToListAsync())
                {
                    await book.ReconcileAsync(organization, CancellationToken.None);
                }
            }
            else
            {
                await book.ReconcileAllAsync(CancellationToken.None);
            }

            db.ChangeTracker.Clear();
            return (await db.Warnings.AsNoTracking().Include(w => w.Expenses).ToListAsync())
                .Select(w => $"{w.Key} {w.OrganizationId} {w.RegionCode} {w.Status} {string.Join(",", w.Expenses.Select(e => e.ExpenseId).Order())}")
                .Order(StringComparer.Ordinal).ToList();
        });

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Line_Phased_By_Quarter_Warns_When_Spent_Ahead_And_A_Rephasing_Shows_As_A_Change(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var staff = await app.ClientAsAsync("orgstaff");
        using var regulator = await app.ClientAsAsync("regulator");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var current = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var (previous, next) = (current.AddMonths(-3), current.AddMonths(3));
        static string Q(DateOnly d) => $"{d.Year}Q{((d.Month - 1) / 3) + 1}";
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

        var created = await staff.PostAsJsonAsync("/api/v1/projects", new
        {
            name = "分季度预算测试项目", periodStart = Iso(previous), periodEnd = Iso(next.AddMonths(3).AddDays(-1)), fundingSource = "公益创投",
            fundingAmount = 10000, indicators = new[] { new { name = "服务人次", target = 100, unit = "人次" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var projectId = created.Headers.Location!.ToString().Split('/')[^1];
        object Line(decimal? amount, Dictionary<string, decimal> quarters) => new { projectId, lines = new[] { new { code = "labour", category = "personnel", name = "社工劳务", amount, quarters } } };

        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", Line(null, new() { ["2019Q1"] = 100m })), HttpStatusCode.BadRequest))
            .ShouldContain("不在预算期内");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", Line(9000m, new() { [Q(previous)] = 1000m, [Q(current)] = 1000m, [Q(next)] = 8000m })),
            HttpStatusCode.BadRequest)).ShouldContain("10,000.00");
        (await ProblemAsync(await staff.PostAsJsonAsync("/api/v1/budgets", Line(null, new() { [Q(current)] = 10.001m })), HttpStatusCode.BadRequest))
            .ShouldContain("两位小数");

        // The amount left out is the quarters' sum.
        var budget = await OkAsync(await staff.PostAsJsonAsync("/api/v1/budgets", Line(null, new() { [Q(previous)] = 1000m, [Q(current)] = 1000m, [Q(next)] = 8000m })),
            HttpStatusCode.Created);
        var budgetId = budget.GetProperty("id").GetString();
        var line = budget.GetProperty("versions")[0].GetProperty("lines")[0];
        line.GetProperty("amount").GetDecimal().ShouldBe(10000m);
        line.GetProperty("quarters").EnumerateArray().Select(q => (q.GetProperty("quarter").GetString(), q.GetProperty("planned").GetDecimal()))
            .ShouldBe([(Q(previous), 1000m), (Q(current), 1000m), (Q(next), 8000m)]);
        await OkAsync(await staff.PostAsync($"/api/v1/budgets/{budgetId}/submit", null));
        await OkAsync(await regulator.PostAsJsonAsync($"/api/v1/budgets/{budgetId}/decision", new { approve = true }));

        // 1,500 spent in the first quarter, which planned 1,000: ahead of plan, told on drafting.
        var fund = await OkAsync(await staff.PostAsJsonAsync("/api/v1/funds", new { name = "资助", kind = "Grant", projectId, amount = 10000m }), HttpStatusCode.Created);
        var expense = await OkAsync(await staff.PostAsJsonAsync("/api/v1/expenses", new
        {
            budgetId, lineCode = "labour", fundId = fund.GetProperty("id").GetString(), date = Iso(previous.AddDays(10)), amount = 1500m,
            payee = "社工 李明", description = "首季度劳务",
        }), HttpStatusCode.Created);
        var ahead = expense.GetProperty("warnings").EnumerateArray().Single();
        ahead.GetProperty("rule").GetString().ShouldBe("ahead-of-plan");
        ahead.GetProperty("message").GetString()!.ShouldContain($"截至 {Q(previous)} 计划 1,000.00 元");

        // Moving money between quarters is a revision; the change list says the line was rephased at the same amount.
        var revised = await OkAsync(await staff.PutAsJsonAsync($"/api/v1/budgets/{budgetId}", new
        {
            reason = "首季度人员提前到岗",
            lines = new[] { new { code = "labour", category = "personnel", name = "社工劳务", amount = (decimal?)10000m,
                quarters = new Dictionary<string, decimal> { [Q(previous)] = 2000m, [Q(next)] = 8000m } } },
        }));
        var change = revised.GetProperty("versions")[0].GetProperty("changes").EnumerateArray().Single();
        (change.GetProperty("before").GetDecimal(), change.GetProperty("after").GetDecimal(), change.GetProperty("rephased").GetBoolean())
            .ShouldBe((10000m, 10000m, true));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task The_2016_Ratios_On_A_Years_Figures_Raise_Warnings_The_Organization_Explains(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var staff = await app.ClientAsAsync("orgstaff");
        using var regulator = await app.ClientAsAsync("regulator");
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        static object Figures(decimal charitable, decimal management, decimal total, decimal netAssets = 2_000_000m, string type = "ServiceOrganization") =>
            new { type, publicFundraising = false, totalIncome = 3_000_000m, netAssetsYearEnd = netAssets, charitableSpending = charitable,
                managementCost = management, totalSpending = total };

        // Bad input: a clear answer, nothing stored.
        (await ProblemAsync(await staff.PutAsJsonAsync("/api/v1/annual-figures/1990", Figures(1, 1, 2)), HttpStatusCode.BadRequest))
            .ShouldContain("year");
        (await ProblemAsync(await staff.PutAsJsonAsync($"/api/v1/annual-figures/{year}", Figures(1, 1, 2, type: "Company")),
            HttpStatusCode.BadRequest)).ShouldContain("Foundation, SocialGroup, ServiceOrganization");
        (await ProblemAsync(await staff.PutAsJsonAsync($"/api/v1/annual-figures/{year}", Figures(1, 5, 2)), HttpStatusCode.BadRequest))
            .ShouldContain("totalSpending");
        (await ProblemAsync(await regulator.PutAsJsonAsync($"/api/v1/annual-figures/{year}", Figures(1, 1, 2)), HttpStatusCode.Forbidden))
            .ShouldNotBeEmpty();

        // Last year-end net assets of 2 m put a service organization without public fundraising in the 8% / 15% band:
        // 160,000 of charitable spending is required; 100,000 was spent; 400,000 of management in 1,000,000 is 40%.
        await OkAsync(await staff.PutAsJsonAsync($"/api/v1/annual-figures/{year - 1}", Figures(500_000m, 100_000m, 1_000_000m)));
        var checkedYear = await OkAsync(await staff.PutAsJsonAsync($"/api/v1/annual-figures/{year}", Figures(100_000m, 400_000m, 1_000_000m)));
        checkedYear.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("met").GetBoolean()).ShouldBe([false, false]);
        var warnings = (await regulator.GetFromJsonAsync<JsonElement>("/api/v1/finance-warnings")).GetProperty("items").EnumerateArray()
            .ToList();
        var spending = warnings.Single(w => w.GetProperty("rule").GetString() == "spending-ratio");
        spending.GetProperty("message").GetString()!.ShouldContain("160,000.00");
        // 第九条 was checked against the published text: the message names its source, not "illustrative".
        spending.GetProperty("message").GetString()!.ShouldContain("规定》第九条");
        spending.GetProperty("message").GetString()!.ShouldNotContain("示例");
        var management = warnings.Single(w => w.GetProperty("rule").GetString() == "management-ratio");
        management.GetProperty("message").GetString()!.ShouldContain("40%");

        // "Reported and explained", as the rules allow; then the regulator decides.
        var id = spending.GetProperty("id").GetString();
        await OkAsync(await staff.PostAsJsonAsync($"/api/v1/finance-warnings/{id}/explanation",
            new { text = "上年末收到一笔定向捐赠的资产划转，今年项目延期至明年一季度执行，已向区民政局书面报告。" }));
        var explained = await OkAsync(await regulator.GetAsync($"/api/v1/finance-warnings/{id}"));
        explained.GetProperty("summary").GetProperty("status").GetString().ShouldBe("Explained");

        // Corrected figures: the management warning, no longer found, closes by itself; a management cost under 200,000 is exempt.
        await OkAsync(await staff.PutAsJsonAsync($"/api/v1/annual-figures/{year}", Figures(100_000m, 199_999m, 300_000m)));
        var after = (await regulator.GetFromJsonAsync<JsonElement>($"/api/v1/finance-warnings/{management.GetProperty("id").GetString()}"))
            .GetProperty("summary").GetProperty("status").GetString();
        after.ShouldBe("Closed");
    }
}
