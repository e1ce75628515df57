using Yilian.Policies.Rules;

namespace Yilian.Policies.Tests;

/// <summary>The policy file format: validation that names the line, dated parameters, boundaries and the trace.</summary>
public sealed class PolicyRulesTests
{
    private const string Minimal = """
        id: test-policy
        name: 测试政策
        applies_to: person
        department: 区民政局
        legal_basis: 测试
        parameters:
          threshold:
            unit: money
            values:
              - from: 2026-01-01
                value: 1000
              - from: 2026-07-01
                value: 1100
        conditions:
          all:
            - attribute: household.per_capita_income
              op: "<"
              parameter: threshold
        benefit:
          kind: money
          description: 测试
        """;

    private static Dictionary<string, Fact> Facts(params (string Name, string Value)[] facts) =>
        facts.ToDictionary(f => f.Name, f => Fact.Of(f.Value, "区民政局", new DateOnly(2026, 6, 1)));

    [Fact]
    public void Every_Shipped_Policy_Parses_Without_Problems_And_The_Set_Has_No_Dangling_Reference_Or_Cycle()
    {
        var files = ShippedPolicies.Files();
        files.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var (file, text) in files)
        {
            var problems = new List<PolicyProblem>();
            PolicyParser.TryParse(text, problems).ShouldNotBeNull(file + ": " + string.Join("; ", problems));
        }

        PolicyParser.CheckSet(ShippedPolicies.All()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("household.per_capita_incom", 16, "没有属性 household.per_capita_incom（是不是 household.per_capita_income？）")]
    [InlineData("person.age", 18, "不能把年龄（年龄）与金额参数 threshold 比较")]
    public void A_Bad_Condition_Is_Named_With_Its_Line(string attribute, int line, string message)
    {
        var yaml = Minimal.Replace("attribute: household.per_capita_income", "attribute: " + attribute, StringComparison.Ordinal);
        var error = Should.Throw<PolicyFileException>(() => PolicyParser.Parse(yaml));
        error.Problems.ShouldContain(p => p.Line == line && p.Message.Contains(message), string.Join("; ", error.Problems));
    }

    [Fact]
    public void A_Parameter_Without_A_Start_Date_An_Unknown_Key_And_Broken_Yaml_Are_Named()
    {
        var noDate = Minimal.Replace("      - from: 2026-07-01\n", "      - \n", StringComparison.Ordinal).Replace("      - \n        value: 1100", "      - value: 1100", StringComparison.Ordinal);
        Should.Throw<PolicyFileException>(() => PolicyParser.Parse(noDate)).Problems.ShouldContain(p => p.Line == 12 && p.Message.Contains("缺少生效日期"));
        var unknownKey = Minimal.Replace("department: 区民政局", "departmnt: 区民政局", StringComparison.Ordinal);
        var problems = Should.Throw<PolicyFileException>(() => PolicyParser.Parse(unknownKey)).Problems;
        problems.ShouldContain(p => p.Line == 4 && p.Message.Contains("不认识的键 departmnt"));
        problems.ShouldContain(p => p.Message.Contains("缺少 department"));
        Should.Throw<PolicyFileException>(() => PolicyParser.Parse("id: [unclosed")).Problems[0].Message.ShouldContain("YAML 格式错误");
        Should.Throw<PolicyFileException>(() => PolicyParser.Parse(Minimal.Replace("op: \"<\"", "op: has", StringComparison.Ordinal)))
            .Problems.ShouldContain(p => p.Line == 17 && p.Message.Contains("不能用运算符 has"));
    }

    [Fact]
    public void A_Dependency_Cycle_Between_Policies_Is_Refused()
    {
        static string Refers(string id, string other) => Minimal.Replace("id: test-policy", "id: " + id, StringComparison.Ordinal)
            .Replace("  all:\n", $"  all:\n    - policy: {other}\n      eligible: false\n", StringComparison.Ordinal);
        var set = new[] { PolicyParser.Parse(Refers("a-policy", "b-policy")), PolicyParser.Parse(Refers("b-policy", "a-policy")) };
        PolicyParser.CheckSet(set).ShouldContain(p => p.Message.Contains("循环引用") && p.Message.Contains("a-policy → b-policy → a-policy"));
        PolicyParser.CheckSet([PolicyParser.Parse(Refers("c-policy", "missing-policy"))]).ShouldContain(p => p.Message.Contains("不存在的政策 missing-policy"));
    }

    [Fact]
    public void A_Parameter_Changing_On_The_Evaluation_Date_And_Income_Exactly_At_The_Threshold()
    {
        var policy = PolicyParser.Parse(Minimal);
        var income = Facts(("household.per_capita_income", "1050"));
        Evaluator.Evaluate(policy, income, new DateOnly(2026, 6, 30)).Outcome.ShouldBe(Outcome.No); // 1,000 in force
        var onTheDay = Evaluator.Evaluate(policy, income, new DateOnly(2026, 7, 1));
        onTheDay.Outcome.ShouldBe(Outcome.Yes); // 1,100 from that day
        onTheDay.ParametersUsed["threshold"].ShouldBe(new DateOnly(2026, 7, 1));
        // A parameter without a label in resources (a district's own) shows its name; dates read as people write them.
        onTheDay.Trace.Single().Text.ShouldBe("家庭人均月收入 1,050.00 元，符合：需 低于 threshold 1,100.00 元（2026 年 7 月 1 日起）");
        onTheDay.Trace.Single().Source.ShouldBe("区民政局（2026 年 6 月 1 日）");
        // In English the explanation's words and units are English (the attribute names and departments are the policy's own Chinese).
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            Evaluator.Evaluate(policy, income, new DateOnly(2026, 7, 1)).Trace.Single().Text
                .ShouldBe("家庭人均月收入 CNY 1,050.00, meets: needs to be below threshold: CNY 1,100.00 (from 1 July 2026)");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
        // Exactly at the threshold is not below it.
        Evaluator.Evaluate(policy, Facts(("household.per_capita_income", "1100")), new DateOnly(2026, 7, 1)).Outcome.ShouldBe(Outcome.No);
        // Before the first value the parameter is not in force: unknown, not a guess.
        Evaluator.Evaluate(policy, income, new DateOnly(2025, 12, 31)).Outcome.ShouldBe(Outcome.Unknown);
        Evaluator.Evaluate(policy, Facts(), new DateOnly(2026, 7, 1)).Outcome.ShouldBe(Outcome.Unknown); // a fact missing
    }

    [Fact]
    public void A_Birthday_On_The_Evaluation_Date_Counts_And_The_Shipped_Senior_Allowance_Follows_It()
    {
        var senior = ShippedPolicies.All().Single(p => p.Id == "senior-allowance-80");
        var facts = Facts(("person.birth_date", "1946-11-23"), ("household.registration_region", "320571003018"));
        Evaluator.Evaluate(senior, facts, new DateOnly(2026, 11, 22)).Outcome.ShouldBe(Outcome.No); // 79 the day before
        var birthday = Evaluator.Evaluate(senior, facts, new DateOnly(2026, 11, 23));
        birthday.Outcome.ShouldBe(Outcome.Yes);
        birthday.Trace.ShouldContain(t => t.Text.StartsWith("年龄 80 周岁，符合", StringComparison.Ordinal));
        var elsewhere = Facts(("person.birth_date", "1930-01-01"), ("household.registration_region", "320506001001"));
        var no = Evaluator.Evaluate(senior, elsewhere, new DateOnly(2026, 11, 23));
        no.Outcome.ShouldBe(Outcome.No);
        no.Trace.ShouldContain(t => t.Outcome == Outcome.No && t.Text.StartsWith("户籍所在地不在本区", StringComparison.Ordinal));
        birthday.Trace.ShouldContain(t => t.Text == "户籍所在地在本区，符合");
        birthday.Trace.ShouldNotContain(t => t.Text.Contains("320571", StringComparison.Ordinal), "a resident reads places, not region codes");
    }

    [Fact]
    public void A_Shipped_Parameter_Is_Explained_By_Its_Meaning_Not_Its_Identifier()
    {
        var dibao = ShippedPolicies.All().Single(p => p.Id == "minimum-living-allowance");
        var facts = Facts(("household.per_capita_income", "900"), ("household.registration_region", "320571003018"));
        var trace = Evaluator.Evaluate(dibao, facts, new DateOnly(2026, 11, 23)).Trace;
        trace.ShouldContain(t => t.Text.Contains("本区低保标准 1,150.00 元（2026 年 7 月 1 日起）", StringComparison.Ordinal));
        trace.ShouldNotContain(t => t.Text.Contains("minimum_living_standard", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Two_Disability_Subsidies_By_Hand()
    {
        var all = ShippedPolicies.All().ToDictionary(p => p.Id);
        var on = new DateOnly(2026, 11, 23);
        Dictionary<string, Fact> Person(string grade, string? status, bool care) => new()
        {
            ["person.disability_grade"] = Fact.Of(grade, "区残联", on),
            ["person.special_status"] = new Fact(status is null ? [] : [status], "区民政局", on),
            ["person.long_term_care_need"] = Fact.Of(care ? "true" : "false", "区残联", on),
            ["household.registration_region"] = Fact.Of("320571003018", "区公安分局", on),
        };

        // Grade 3 in a minimum-allowance family: the living subsidy, not the care subsidy.
        Evaluator.Evaluate(all["disability-living-subsidy"], Person("3", "dibao", care: false), on).Outcome.ShouldBe(Outcome.Yes);
        Evaluator.Evaluate(all["severe-disability-care-subsidy"], Person("3", "dibao", care: false), on).Outcome.ShouldBe(Outcome.No);
        // Grade 3 in a marginal family: no living subsidy; grade 2 there: yes.
        Evaluator.Evaluate(all["disability-living-subsidy"], Person("3", "dibao_edge", care: false), on).Outcome.ShouldBe(Outcome.No);
        Evaluator.Evaluate(all["disability-living-subsidy"], Person("2", "dibao_edge", care: true), on).Outcome.ShouldBe(Outcome.Yes);
        // Grade 1 needing long-term care, no special status: the care subsidy only.
        Evaluator.Evaluate(all["severe-disability-care-subsidy"], Person("1", null, care: true), on).Outcome.ShouldBe(Outcome.Yes);
        Evaluator.Evaluate(all["disability-living-subsidy"], Person("1", null, care: true), on).Outcome.ShouldBe(Outcome.No);
    }
}
