using Yilian.Finance.Domain;

namespace Yilian.Finance.Tests;

/// <summary>The warning rules on hand-worked books: each finding names exactly the expenses behind it.</summary>
public sealed class WarningDetectorTests
{
    private static readonly Guid Budget = Guid.NewGuid();
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 11, 10);

    private static BookBudget Books(params BookLine[] lines) => new(Budget, Project, "社区长者服务", new(2026, 10, 1), new(2026, 12, 31), lines);

    private static BookExpense Spend(string line, string category, decimal amount, int day = 0, string payee = "甲", bool counts = true) =>
        new(Guid.NewGuid(), Budget, Project, line, category, Day.AddDays(day), amount, payee, counts);

    [Fact]
    public void Over_A_Line_Counts_Pending_And_Paid_And_Names_Every_Expense_On_It()
    {
        var books = Books(new BookLine("m", "materials", "印刷", 1_000m), new BookLine("a", "activities", "活动", 5_000m));
        var first = Spend("m", "materials", 600m);
        var second = Spend("m", "materials", 500m);
        var draft = Spend("m", "materials", 500m, counts: false);
        var other = Spend("a", "activities", 100m);

        var findings = WarningDetector.Detect([books], [first, second, draft, other], new WarningOptions()).ToList();
        var over = findings.Single(f => f.Rule == WarningRuleNames.OverLine);
        over.ExpenseIds.ShouldBe([first.Id, second.Id], ignoreOrder: true); // a draft not being checked does not count
        over.Figures["over"].ShouldBe("100.00");
        findings.ShouldNotContain(f => f.Rule == WarningRuleNames.OverBudget);

        // The draft its author is checking counts, so the warning is seen before the approval chain.
        WarningDetector.Detect([books], [first, draft, other], new WarningOptions(), draft.Id)
            .Single(f => f.Rule == WarningRuleNames.OverLine).ExpenseIds.ShouldBe([first.Id, draft.Id], ignoreOrder: true);
        // A reversal brings the line back under.
        WarningDetector.Detect([books], [first, second, other, Spend("m", "materials", -500m)], new WarningOptions())
            .ShouldNotContain(f => f.Rule == WarningRuleNames.OverLine);
    }

    [Fact]
    public void The_Whole_Budget_And_The_Period_Are_Checked()
    {
        var books = Books(new BookLine("m", "materials", "印刷", 1_000m), new BookLine("a", "activities", "活动", 1_000m));
        var early = Spend("a", "activities", 900m, day: -60); // 2026-09-11, before the period
        var big = Spend("m", "materials", 1_200m);

        var findings = WarningDetector.Detect([books], [early, big], new WarningOptions()).ToList();
        findings.Single(f => f.Rule == WarningRuleNames.OverBudget).Figures["over"].ShouldBe("100.00");
        findings.Single(f => f.Rule == WarningRuleNames.OutsidePeriod).ExpenseIds.ShouldBe([early.Id]);
    }

    [Fact]
    public void An_Abnormal_Expense_Is_Far_From_The_Median_By_The_MAD()
    {
        var books = Books(new BookLine("m", "materials", "印刷", 100_000m));
        List<BookExpense> usual = [.. new[] { 600m, 780m, 540m, 700m, 660m, 590m }.Select(a => Spend("m", "materials", a))];
        var odd = Spend("m", "materials", 4_900m);
        var slightlyHigh = Spend("m", "materials", 900m);

        var findings = WarningDetector.Detect([books], [.. usual, odd, slightlyHigh], new WarningOptions()).Where(f => f.Rule == WarningRuleNames.Abnormal).ToList();
        findings.Select(f => f.ExpenseIds.Single()).ShouldBe([odd.Id]);
        // By hand for the odd one: the others are 540 590 600 660 700 780 900, median 660, deviations 120 70 60 0 40 120 240 → MAD 70;
        // 0.6745 × (4,900 − 660) / 70 = 40.9.
        findings[0].Figures["median"].ShouldBe("660.00");
        findings[0].Figures["score"].ShouldBe("40.9");
        // Too little history says nothing.
        WarningDetector.Detect([books], [.. usual.Take(3), odd], new WarningOptions()).ShouldNotContain(f => f.Rule == WarningRuleNames.Abnormal);
    }

    [Fact]
    public void Payments_Just_Below_The_Limit_To_One_Payee_Within_Days_Look_Split()
    {
        var books = Books(new BookLine("a", "activities", "活动", 100_000m));
        var one = Spend("a", "activities", 4_800m, day: 0, payee: "星光会务");
        var two = Spend("a", "activities", 4_750m, day: 2, payee: "星光会务 ");
        var later = Spend("a", "activities", 4_900m, day: 9, payee: "星光会务");
        var elsewhere = Spend("a", "activities", 4_800m, day: 1, payee: "另一家");
        var small = Spend("a", "activities", 3_000m, day: 1, payee: "星光会务");

        var split = WarningDetector.Detect([books], [one, two, later, elsewhere, small], new WarningOptions())
            .Where(f => f.Rule == WarningRuleNames.Split).ToList();
        split.Count.ShouldBe(1);
        split[0].ExpenseIds.ShouldBe([one.Id, two.Id], ignoreOrder: true);
        split[0].Figures["total"].ShouldBe("9,550.00");
    }

    [Fact]
    public void The_Median_Matches_A_Plain_Reference_On_Random_Data()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var values = Enumerable.Range(0, random.Next(1, 30)).Select(_ => (decimal)random.Next(1, 100_000) / 100).ToList();
            var sorted = values.Order().ToArray();
            var reference = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            WarningDetector.Median(values).ShouldBe(reference);
        }
    }
}
