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
    public void A_Phased_Line_Spent_Faster_Than_Its_Quarters_Allow_Is_Ahead_Of_Plan_From_The_First_Quarter_It_Runs_Over()
    {
        // Budget period 2026-08-15 … 2027-03-31: quarters 2026Q3, 2026Q4, 2027Q1.
        var books = new BookBudget(Budget, Project, "社区长者服务", new(2026, 8, 15), new(2027, 3, 31),
            [new BookLine("p", "personnel", "社工劳务", 9_000m)
                { Quarters = new Dictionary<string, decimal> { ["2026Q3"] = 1_000m, ["2026Q4"] = 3_000m, ["2027Q1"] = 5_000m } }]);
        var august = Spend("p", "personnel", 800m, day: -80);     // 2026-08-22: 800 of 1,000 planned by the end of Q3
        var october = Spend("p", "personnel", 2_500m, day: -30);  // 2026-10-11: 3,300 of 4,000 by the end of Q4
        WarningDetector.Detect([books], [august, october], new WarningOptions()).ShouldNotContain(f => f.Rule == WarningRuleNames.AheadOfPlan);

        var november = Spend("p", "personnel", 1_000m);          // 4,300 of 4,000 by the end of Q4: 300 ahead
        var ahead = WarningDetector.Detect([books], [august, october, november], new WarningOptions())
            .Single(f => f.Rule == WarningRuleNames.AheadOfPlan);
        ahead.Figures["quarter"].ShouldBe("2026Q4");
        ahead.Figures["planned"].ShouldBe("4,000.00");
        ahead.Figures["over"].ShouldBe("300.00");
        ahead.ExpenseIds.ShouldBe([october.Id, november.Id], ignoreOrder: true); // the expenses dated in that quarter

        // Running over in the last quarter is over the line, that rule's finding, not this one's.
        var march = Spend("p", "personnel", 5_000m, day: 130);   // 2027-03-20
        var late = new BookBudget(Budget, Project, "社区长者服务", new(2026, 8, 15), new(2027, 3, 31),
            [books.Lines[0] with { }]);
        var findings = WarningDetector.Detect([late], [august, march, Spend("p", "personnel", 3_300m, day: 125)], new WarningOptions()).ToList();
        findings.ShouldContain(f => f.Rule == WarningRuleNames.OverLine);
        findings.ShouldNotContain(f => f.Rule == WarningRuleNames.AheadOfPlan);

        // A line that is not phased is never ahead of plan.
        var flat = Books(new BookLine("p", "personnel", "社工劳务", 9_000m));
        WarningDetector.Detect([flat], [august, october, november], new WarningOptions())
            .ShouldNotContain(f => f.Rule == WarningRuleNames.AheadOfPlan);
    }

    [Fact]
    public void Ahead_Of_Plan_Matches_A_Plain_Reference_On_Random_Phasing()
    {
        var random = new Random(11);
        var (start, end) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        string[] labels = ["2026Q1", "2026Q2", "2026Q3", "2026Q4"];
        for (var round = 0; round < 300; round++)
        {
            var plan = labels.ToDictionary(q => q, _ => (decimal)random.Next(0, 50) * 100);
            var line = new BookLine("p", "personnel", "社工劳务", plan.Values.Sum() + 1) { Quarters = plan };
            var books = new BookBudget(Budget, Project, "项目", start, end, [line]);
            var spent = Enumerable.Range(0, random.Next(0, 12)).Select(_ => new BookExpense(Guid.NewGuid(), Budget, Project, "p", "personnel",
                start.AddDays(random.Next(0, 365)), random.Next(1, 30) * 100, "甲", true)).ToList();

            // Reference: quarter by quarter, the cumulative spend against the cumulative plan, the last quarter (and a line over
            // its whole amount) left to the line rule.
            string? expected = null;
            for (var q = 0; q < 3 && expected is null && spent.Sum(e => e.Amount) <= line.Amount; q++)
            {
                var quarterEnd = start.AddMonths(3 * (q + 1)).AddDays(-1);
                if (spent.Where(e => e.Date <= quarterEnd).Sum(e => e.Amount) > labels.Take(q + 1).Sum(l => plan[l]))
                {
                    expected = labels[q];
                }
            }

            var found = WarningDetector.Detect([books], spent, new WarningOptions()).SingleOrDefault(f => f.Rule == WarningRuleNames.AheadOfPlan);
            found?.Figures["quarter"].ShouldBe(expected);
            (found is null).ShouldBe(expected is null);
        }
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
