using Yilian.Finance.Domain;

namespace Yilian.Finance.Tests;

/// <summary>
/// The 2016 spending and management-cost ratios on hand-worked years, one for each kind of organization and net-asset band,
/// with the 200,000-yuan exemption and the three-year average; the parameters are the shipped data file's.
/// </summary>
public sealed class SpendingRatiosTests
{
    private static readonly RatioSet Set = SpendingRatios.For(SpendingRatios.Shipped(), 2026);

    private static YearFigures Year(int year, CharityType type, bool publicly, decimal income = 0, decimal netAssets = 0,
        decimal charitable = 0, decimal management = 0, decimal total = 0) =>
        new(year, type, publicly, income, netAssets, charitable, management, total);

    private static RatioCheck Check(string rule, YearFigures year, params YearFigures[] earlier) =>
        SpendingRatios.Check(Set, year, earlier).Single(c => c.Rule == rule);

    [Fact]
    public void The_Shipped_Parameters_Are_Dated_And_Marked_Illustrative_Until_Checked()
    {
        Set.EffectiveFrom.ShouldBe(new DateOnly(2016, 9, 1));
        Set.ManagementExemptBelow.ShouldBe(200_000m);
        Set.AverageYears.ShouldBe(3);
        Set.Rules.Count.ShouldBe(6);
        // Checked against the published text: 第六条 (the Charity Law's 70 % / 10 %) and 第九条; the others stay illustrative.
        var checkedRule = Check(SpendingRatios.Management, Year(2026, CharityType.Foundation, true, management: 1, total: 1));
        (checkedRule.Figures["verified"], checkedRule.Figures["source"]).ShouldBe(("yes", "《关于慈善组织开展慈善活动年度支出和管理费用的规定》第六条"));
        Check(SpendingRatios.Management, Year(2026, CharityType.ServiceOrganization, false, management: 1, total: 1)).Figures["verified"]
            .ShouldBe("yes");
        Check(SpendingRatios.Management, Year(2026, CharityType.Foundation, false, management: 1, total: 1)).Figures["verified"]
            .ShouldBe("no");
    }

    [Fact]
    public void A_Foundation_Raising_Publicly_Spends_70_Percent_Of_Last_Years_Income_And_Keeps_Management_Within_10()
    {
        var last = Year(2025, CharityType.Foundation, true, income: 10_000_000m, netAssets: 30_000_000m);
        // 7,000,000 required; 6,999,999.99 is short by one fen.
        Check(SpendingRatios.Spending, Year(2026, CharityType.Foundation, true, charitable: 7_000_000m), last).Met.ShouldBeTrue();
        var shortBy = Check(SpendingRatios.Spending, Year(2026, CharityType.Foundation, true, charitable: 6_999_999.99m), last);
        shortBy.Met.ShouldBeFalse();
        shortBy.Figures["required"].ShouldBe("7,000,000.00");
        shortBy.Figures["short"].ShouldBe("0.01");
        // Management 800,000 of 8,000,000 is 10%: allowed; 800,001 is not.
        Check(SpendingRatios.Management, Year(2026, CharityType.Foundation, true, management: 800_000m, total: 8_000_000m), last)
            .Met.ShouldBeTrue();
        Check(SpendingRatios.Management, Year(2026, CharityType.Foundation, true, management: 800_001m, total: 8_000_000m), last)
            .Met.ShouldBeFalse();
    }

    [Theory]
    // Non-public foundations, by last year-end net assets, each band from its amount up (含本数): 60 m 6% / 12%; 8 m 6% / 13%;
    // 4 m 7% / 15%; below, 8% / 20%.
    [InlineData(CharityType.Foundation, 100_000_000, 6_000_000, 0.12)]
    [InlineData(CharityType.Foundation, 60_000_000, 3_600_000, 0.12)]
    [InlineData(CharityType.Foundation, 59_999_999.99, 3_600_000, 0.13)]
    [InlineData(CharityType.Foundation, 8_000_000, 480_000, 0.13)]
    [InlineData(CharityType.Foundation, 4_000_000, 280_000, 0.15)]
    [InlineData(CharityType.Foundation, 3_999_999, 319_999.92, 0.20)]
    // Non-public social groups and service organizations (第九条): 10 m 6% / 13%; 5 m 7% / 14%; 1 m 8% / 15%; below, 8% / 20%.
    [InlineData(CharityType.SocialGroup, 20_000_000, 1_200_000, 0.13)]
    [InlineData(CharityType.SocialGroup, 10_000_000, 600_000, 0.13)]
    [InlineData(CharityType.SocialGroup, 9_999_999, 699_999.93, 0.14)]
    [InlineData(CharityType.ServiceOrganization, 5_000_000, 350_000, 0.14)]
    [InlineData(CharityType.ServiceOrganization, 1_000_000, 80_000, 0.15)]
    [InlineData(CharityType.ServiceOrganization, 999_999, 79_999.92, 0.20)]
    public void Without_Public_Fundraising_The_Band_Of_Last_Years_Net_Assets_Sets_Both_Ratios(
        CharityType type, decimal netAssets, decimal required, decimal maxManagement)
    {
        var last = Year(2025, type, false, netAssets: netAssets);
        var met = Check(SpendingRatios.Spending, Year(2026, type, false, charitable: required), last);
        met.Met.ShouldBeTrue();
        met.Figures["required"].ShouldBe(required.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));
        Check(SpendingRatios.Spending, Year(2026, type, false, charitable: required - 0.01m), last).Met.ShouldBeFalse();

        // A management cost over the exemption: exactly the band's maximum is allowed, a fen more is not.
        var total = 10_000_000m;
        Check(SpendingRatios.Management, Year(2026, type, false, management: total * maxManagement, total: total), last).Met.ShouldBeTrue();
        Check(SpendingRatios.Management, Year(2026, type, false, management: total * maxManagement + 0.01m, total: total), last)
            .Met.ShouldBeFalse();
    }

    [Fact]
    public void A_Publicly_Fundraising_Social_Group_Keeps_Management_Within_13_Percent()
    {
        var last = Year(2025, CharityType.SocialGroup, true, income: 2_000_000m);
        Check(SpendingRatios.Spending, Year(2026, CharityType.SocialGroup, true, charitable: 1_400_000m), last).Met.ShouldBeTrue();
        Check(SpendingRatios.Management, Year(2026, CharityType.SocialGroup, true, management: 260_000m, total: 2_000_000m), last)
            .Met.ShouldBeTrue(); // 13%
        Check(SpendingRatios.Management, Year(2026, CharityType.SocialGroup, true, management: 280_000m, total: 2_000_000m), last)
            .Met.ShouldBeFalse(); // 14%
    }

    [Fact]
    public void Below_1_Million_Net_Assets_Spending_Is_Also_At_Least_Half_Of_Last_Years_Income()
    {
        // 第九条(四): 8% of 500,000 is 40,000, but half of last year's 2,000,000 income is 1,000,000: the floor that asks more binds.
        var last = Year(2025, CharityType.ServiceOrganization, false, income: 2_000_000m, netAssets: 500_000m);
        var check = Check(SpendingRatios.Spending, Year(2026, CharityType.ServiceOrganization, false, charitable: 999_999.99m), last);
        check.Met.ShouldBeFalse();
        (check.Figures["basis"], check.Figures["rate"], check.Figures["required"]).ShouldBe(("PriorYearIncome", "50%", "1,000,000.00"));
        Check(SpendingRatios.Spending, Year(2026, CharityType.ServiceOrganization, false, charitable: 1_000_000m), last).Met.ShouldBeTrue();
        // With little income the net assets' 8% binds.
        var lean = Year(2025, CharityType.ServiceOrganization, false, income: 60_000m, netAssets: 500_000m);
        Check(SpendingRatios.Spending, Year(2026, CharityType.ServiceOrganization, false, charitable: 39_999.99m), lean).Figures["required"]
            .ShouldBe("40,000.00");
        // A band above 1 million has no such floor.
        Check(SpendingRatios.Spending, Year(2026, CharityType.ServiceOrganization, false, charitable: 80_000m),
            Year(2025, CharityType.ServiceOrganization, false, income: 2_000_000m, netAssets: 1_000_000m)).Met.ShouldBeTrue();
    }

    [Fact]
    public void A_Management_Cost_Under_200000_Is_Exempt_Whatever_Its_Share()
    {
        var last = Year(2025, CharityType.ServiceOrganization, false, netAssets: 500_000m);
        var small = Check(SpendingRatios.Management, Year(2026, CharityType.ServiceOrganization, false, management: 199_999.99m,
            total: 300_000m), last);
        small.Met.ShouldBeTrue(); // 67% of spending, but under the exemption
        small.Figures["exempt"].ShouldBe("yes");
        Check(SpendingRatios.Management, Year(2026, CharityType.ServiceOrganization, false, management: 200_000m, total: 300_000m),
            last).Met.ShouldBeFalse();
        // 第十一条 exempts under 第七至九条 only: a foundation raising funds publicly keeps the Charity Law's 10% whatever the amount.
        var foundation = Check(SpendingRatios.Management, Year(2026, CharityType.Foundation, true, management: 150_000m,
            total: 1_000_000m), Year(2025, CharityType.Foundation, true, income: 1_000_000m));
        (foundation.Met, foundation.Figures["exempt"]).ShouldBe((false, "no"));
    }

    [Fact]
    public void The_Three_Year_Average_Rescues_A_Year_After_An_Unusually_Large_Income()
    {
        // Income 1 m, 1 m, then a 10 m bequest in 2025: 70% of 2025 is 7 m, of the three-year average (4 m) 2.8 m.
        YearFigures[] earlier =
        [
            Year(2023, CharityType.Foundation, true, income: 1_000_000m), Year(2024, CharityType.Foundation, true, income: 1_000_000m),
            Year(2025, CharityType.Foundation, true, income: 10_000_000m),
        ];
        var check = Check(SpendingRatios.Spending, Year(2026, CharityType.Foundation, true, charitable: 2_800_000m), earlier);
        check.Met.ShouldBeTrue();
        check.Figures["average"].ShouldBe("4,000,000.00");
        check.Figures["required"].ShouldBe("2,800,000.00");
        // Without the two earlier years there is no average to reckon on.
        Check(SpendingRatios.Spending, Year(2026, CharityType.Foundation, true, charitable: 2_800_000m), earlier[2]).Met.ShouldBeFalse();
    }

    [Fact]
    public void Without_Last_Years_Figures_Spending_Is_Not_Judged()
    {
        SpendingRatios.Check(Set, Year(2026, CharityType.Foundation, true, charitable: 1m, management: 1m, total: 1m), [])
            .Select(c => c.Rule).ShouldBe([SpendingRatios.Management]);
    }
}
