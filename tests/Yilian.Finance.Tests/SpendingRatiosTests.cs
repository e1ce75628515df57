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
        Check(SpendingRatios.Management, Year(2026, CharityType.Foundation, true, management: 1, total: 1)).Figures["verified"]
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
    // Non-public foundations, by last year-end net assets: above 60 m 6% / 12%; above 8 m 6% / 13%; above 4 m 7% / 15%; else 8% / 20%.
    [InlineData(CharityType.Foundation, 100_000_000, 6_000_000, 0.12)]
    [InlineData(CharityType.Foundation, 60_000_000, 3_600_000, 0.13)]
    [InlineData(CharityType.Foundation, 8_000_000, 560_000, 0.15)]
    [InlineData(CharityType.Foundation, 4_000_000, 320_000, 0.20)]
    // Non-public social groups and service organizations: above 10 m 6% / 13%; above 5 m 7% / 14%; above 1 m 8% / 15%; else 8% / 20%.
    [InlineData(CharityType.SocialGroup, 20_000_000, 1_200_000, 0.13)]
    [InlineData(CharityType.SocialGroup, 10_000_000, 700_000, 0.14)]
    [InlineData(CharityType.ServiceOrganization, 5_000_000, 400_000, 0.15)]
    [InlineData(CharityType.ServiceOrganization, 1_000_000, 80_000, 0.20)]
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
    public void A_Management_Cost_Under_200000_Is_Exempt_Whatever_Its_Share()
    {
        var last = Year(2025, CharityType.ServiceOrganization, false, netAssets: 500_000m);
        var small = Check(SpendingRatios.Management, Year(2026, CharityType.ServiceOrganization, false, management: 199_999.99m,
            total: 300_000m), last);
        small.Met.ShouldBeTrue(); // 67% of spending, but under the exemption
        small.Figures["exempt"].ShouldBe("yes");
        Check(SpendingRatios.Management, Year(2026, CharityType.ServiceOrganization, false, management: 200_000m, total: 300_000m),
            last).Met.ShouldBeFalse();
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
