using Yilian.Policies.Rules;

namespace Yilian.Policies.Tests;

/// <summary>The self-check asks only questions that can still change an answer.</summary>
public sealed class SelfCheckTests
{
    private static readonly DateOnly On = new(2026, 11, 23);

    private static Dictionary<string, Fact> Answers(params (string Name, string Value)[] answers) =>
        answers.ToDictionary(a => a.Name, a => Fact.Of(a.Value, "本人填报", On));

    [Fact]
    public void The_First_Question_Is_The_One_Most_Policies_Need_And_A_Decided_Policy_Asks_Nothing_More()
    {
        var policies = ShippedPolicies.All();
        var first = SelfCheck.Run(policies, Answers(), On);
        first.Eligible.ShouldBeEmpty();
        first.Next!.Attribute.ShouldBe("household.registration_region");

        // Registered elsewhere: every policy that requires the district is decided "no" with that reason; the others still ask.
        var elsewhere = SelfCheck.Run(policies, Answers(("household.registration_region", "320506001001")), On);
        var needDistrict = policies.Where(p => p.Conditions is AllOf all && all.Children.OfType<Test>().Any(t => t.Attribute.Name == "household.registration_region")).Select(p => p.Id).ToList();
        needDistrict.Count.ShouldBeGreaterThan(15);
        elsewhere.NotEligible.Select(p => p.Id).ShouldBe([.. needDistrict, "public-welfare-post"], ignoreOrder: true); // that one builds on a district policy
        elsewhere.NotEligible.Where(p => p.Id != "public-welfare-post").ShouldAllBe(p => p.Reasons.Any(r => r.Contains("户籍所在地")));
        elsewhere.Undecided.ShouldContain("dibao-employment-gradual-exit");
        elsewhere.Undecided.ShouldNotContain("minimum-living-allowance");
        elsewhere.Next!.Attribute.ShouldBe("person.special_status"); // every remaining policy but one tests a special status
    }

    [Fact]
    public void A_Typical_Check_Ends_In_A_Few_Questions_Following_The_Next_Question_Each_Time()
    {
        // A resident who is 85, lives in the district, is grade-1 disabled and needs long-term care, earns 2,000 a month per person.
        var truth = new Dictionary<string, string>
        {
            ["household.registration_region"] = "320571003018", ["person.birth_date"] = "1941-05-02", ["household.per_capita_income"] = "2000",
            ["household.per_capita_assets"] = "10000", ["household.owns_vehicle"] = "false", ["person.disability_grade"] = "1",
            ["person.long_term_care_need"] = "true", ["person.special_status"] = "veteran", ["household.size"] = "2",
            ["person.disability_type"] = "physical", ["person.severe_illness"] = "false", ["person.has_supporter"] = "true", ["person.employment"] = "retired",
            ["person.schooling"] = "none", ["household.housing_area_per_capita"] = "40", ["household.dangerous_housing"] = "false", ["household.sudden_hardship"] = "false",
        };
        var answers = Answers();
        var asked = new List<string>();
        SelfCheckResult result;
        while ((result = SelfCheck.Run(ShippedPolicies.All(), answers, On)).Next is { } next)
        {
            asked.Add(next.Attribute);
            answers[next.Attribute] = Fact.Of(truth[next.Attribute], "本人填报", On);
            asked.Count.ShouldBeLessThan(AttributeCatalog.All.Count);
        }

        result.Undecided.ShouldBeEmpty();
        result.Eligible.Select(p => p.Id).ShouldBe(
            ["senior-allowance-80", "severe-disability-care-subsidy", "home-care-service-subsidy", "long-term-care-insurance", "veteran-periodic-living-allowance"], ignoreOrder: true);
        result.NotEligible.Single(p => p.Id == "minimum-living-allowance").Reasons.ShouldContain(r => r.Contains("家庭人均月收入 2,000.00 元，不符合"));
        asked.ShouldNotContain("household.size"); // no policy needs it
        asked.Count.ShouldBe(asked.Distinct().Count());
        // Once the income rules out the minimum living allowance and the marginal family, the vehicle question is not asked.
        asked.ShouldNotContain("household.owns_vehicle");
        // Fifteen answers at most for twenty-eight policies: about a minute on a phone.
        asked.Count.ShouldBeLessThanOrEqualTo(15, string.Join(", ", asked));
    }
}
