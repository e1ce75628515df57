using Yilian.Policies.Rules;

namespace Yilian.Policies.Tests;

/// <summary>
/// A fixed population with the expected results worked out by hand for every shipped policy, on the day the
/// minimum living standard changes (2026-07-01: 1,095 → 1,150 yuan; the marginal line 1,642.5 → 1,725) and on
/// the day before. Boundaries: an income exactly at the standard, one a cent under, birthdays on the evaluation
/// date (80, 60, 7) and the day after (18), assets exactly at the limit, housing a hundredth under the line.
/// Everyone's facts are complete, so every policy is either yes or no: the set below is the yes set.
/// </summary>
public sealed class ShippedPolicyExpectationsTests
{
    private static readonly DateOnly ChangeDay = new(2026, 7, 1);

    private static readonly Dictionary<string, string[]> Base = new()
    {
        ["household.registration_region"] = ["320571001001"],
        ["person.birth_date"] = ["1980-05-01"],
        ["household.size"] = ["3"],
        ["household.per_capita_income"] = ["3000"],
        ["household.per_capita_assets"] = ["50000"],
        ["household.owns_vehicle"] = ["false"],
        ["household.housing_area_per_capita"] = ["30"],
        ["household.dangerous_housing"] = ["false"],
        ["household.sudden_hardship"] = ["false"],
        ["person.special_status"] = [],
        ["person.disability_type"] = [],
        ["person.disability_grade"] = [],
        ["person.severe_illness"] = ["false"],
        ["person.employment"] = ["employed"],
        ["person.schooling"] = ["none"],
        ["person.long_term_care_need"] = ["false"],
        ["person.has_supporter"] = ["true"],
    };

    public static TheoryData<string, string, string, string> Population() => new()
    {
        // name, facts (attribute=value|value; …), date, expected yes set
        { "基准（都不符合）", "", "2026-07-01", "" },
        { "A 低保，收入差一分、资产恰好等于上限", "household.per_capita_income=1149.99; household.per_capita_assets=26280; person.special_status=dibao; person.employment=unemployed; household.housing_area_per_capita=12", "2026-07-01",
            "minimum-living-allowance medical-assistance public-rental-housing housing-rental-subsidy employment-difficulty-assistance public-welfare-post" },
        { "B 收入恰好等于低保标准", "household.per_capita_income=1150; household.per_capita_assets=20000", "2026-07-01", "low-income-marginal" },
        { "C 标准调整当天（1,100 元）", "household.per_capita_income=1100; household.per_capita_assets=20000", "2026-07-01", "minimum-living-allowance" },
        { "C 标准调整前一天（1,100 元）", "household.per_capita_income=1100; household.per_capita_assets=20000", "2026-06-30", "low-income-marginal" },
        { "D 当天满 80 周岁，需要照护", "person.birth_date=1946-07-01; person.long_term_care_need=true; person.employment=retired", "2026-07-01",
            "senior-allowance-80 home-care-service-subsidy long-term-care-insurance" },
        { "D 前一天 79 周岁", "person.birth_date=1946-07-01; person.long_term_care_need=true; person.employment=retired", "2026-06-30", "long-term-care-insurance" },
        { "E 一级肢体残疾，低保边缘", "person.birth_date=1990-03-15; person.disability_type=physical; person.disability_grade=1; person.long_term_care_need=true; person.special_status=dibao_edge; household.per_capita_income=1500; household.per_capita_assets=10000; person.employment=unable", "2026-07-01",
            "severe-disability-care-subsidy disability-living-subsidy low-income-marginal medical-assistance long-term-care-insurance barrier-free-home-adaptation" },
        { "F 特困老人，无赡养人", "person.birth_date=1950-01-01; person.has_supporter=false; household.per_capita_income=800; person.special_status=tekun; person.employment=retired; household.per_capita_assets=5000", "2026-07-01",
            "extreme-poverty-support minimum-living-allowance medical-assistance home-care-service-subsidy" },
        { "G 初中生，低保边缘", "person.birth_date=2012-09-01; person.schooling=junior; person.special_status=dibao_edge; person.employment=student; household.per_capita_income=1600; household.per_capita_assets=10000", "2026-07-01",
            "compulsory-education-living-subsidy medical-assistance low-income-marginal" },
        { "H 孤儿高中生，明天满 18", "person.birth_date=2008-07-02; person.special_status=orphan; person.schooling=senior; person.employment=student; person.has_supporter=false; household.per_capita_income=0; household.per_capita_assets=0", "2026-07-01",
            "orphan-basic-living senior-high-national-grant medical-assistance minimum-living-allowance" },
        { "H 满 18 当天", "person.birth_date=2008-07-02; person.special_status=orphan; person.schooling=senior; person.employment=student; person.has_supporter=false; household.per_capita_income=0; household.per_capita_assets=0", "2026-07-02",
            "senior-high-national-grant medical-assistance minimum-living-allowance" },
        { "I 事实无人抚养、听力残疾的 6 岁儿童", "person.birth_date=2020-01-10; person.special_status=de_facto_unattended_child; person.disability_type=hearing; person.disability_grade=3; person.schooling=preschool; person.employment=student; household.per_capita_income=2000; household.per_capita_assets=10000", "2026-07-01",
            "de-facto-unattended-child medical-assistance child-disability-rehabilitation" },
        { "J 退役军人当天满 60，收入差一分到边缘线", "person.birth_date=1966-07-01; person.special_status=veteran; person.employment=retired; household.per_capita_income=1724.99; household.per_capita_assets=10000", "2026-07-01",
            "veteran-periodic-living-allowance veteran-hardship-assistance low-income-marginal" },
        { "J 前一天（59 周岁，旧边缘线）", "person.birth_date=1966-07-01; person.special_status=veteran; person.employment=retired; household.per_capita_income=1724.99; household.per_capita_assets=10000", "2026-06-30", "" },
        { "K 三级残疾军人，失业", "person.birth_date=1985-01-01; person.special_status=disabled_veteran; person.disability_type=physical; person.disability_grade=3; person.employment=unemployed", "2026-07-01",
            "disabled-veteran-pension employment-difficulty-assistance" },
        { "L 低保家庭就业的大学新生", "person.special_status=dibao; person.birth_date=2008-01-01; person.schooling=college; household.per_capita_income=1000; household.per_capita_assets=10000", "2026-07-01",
            "dibao-employment-gradual-exit college-freshman-grant medical-assistance minimum-living-allowance" },
        { "M 突发困难、危房、大病，住房差 0.01 平方米", "household.per_capita_income=1700; household.per_capita_assets=10000; household.sudden_hardship=true; household.dangerous_housing=true; person.severe_illness=true; household.housing_area_per_capita=14.99", "2026-07-01",
            "temporary-assistance dangerous-housing-renovation low-income-marginal catastrophic-illness-assistance public-rental-housing" },
        { "N 外区户籍的低保就业者", "household.registration_region=320506001001; person.special_status=dibao; household.per_capita_income=500; household.per_capita_assets=0", "2026-07-01",
            "dibao-employment-gradual-exit" },
        { "O 智力残疾儿童当天满 7 周岁", "person.birth_date=2019-07-01; person.disability_type=intellectual; person.disability_grade=2", "2026-07-01", "" },
        { "O 前一天 6 周岁", "person.birth_date=2019-07-01; person.disability_type=intellectual; person.disability_grade=2", "2026-06-30", "child-disability-rehabilitation" },
        { "P 低保家庭的中职生", "person.birth_date=2009-03-01; person.schooling=vocational; person.special_status=dibao; person.employment=student; household.per_capita_income=1000; household.per_capita_assets=10000", "2026-07-01",
            "vocational-tuition-waiver medical-assistance minimum-living-allowance" },
    };

    [Theory]
    [MemberData(nameof(Population))]
    public void Every_Shipped_Policy_Gives_The_Result_Worked_Out_By_Hand(string name, string overrides, string date, string expected)
    {
        var facts = Base.ToDictionary(b => b.Key, b => b.Value);
        foreach (var pair in overrides.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            facts[key] = value.Split('|');
        }

        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var result = SelfCheck.Run(ShippedPolicies.All(), facts.ToDictionary(f => f.Key, f => new Fact(f.Value, "测试", on)), on);

        result.Undecided.ShouldBeEmpty(name + ": every fact is known");
        result.Next.ShouldBeNull();
        result.Eligible.Select(e => e.Id).Order().ShouldBe(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), name);
    }

    [Fact]
    public void The_Population_Makes_Every_Shipped_Policy_Say_Yes_Somewhere()
    {
        var named = Population().SelectMany(row => ((string)row[3]).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        ShippedPolicies.All().Select(p => p.Id).Where(id => !named.Contains(id)).ShouldBeEmpty();
        ShippedPolicies.All().Count.ShouldBe(28);
    }
}
