using Yilian.SharedKernel.Data;

namespace Yilian.Finance.Domain;

/// <summary>
/// An organization's year as its annual report (年度工作报告) states it: what the spending and management-cost ratios of the
/// 2016 rules are reckoned on. Entered by the organization, one row a year; its kind and public-fundraising status are those
/// of that year.
/// </summary>
internal sealed class AnnualFigures : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string RegionCode { get; set; } = "";

    public int Year { get; set; }

    public CharityType Type { get; set; }

    public bool PublicFundraising { get; set; }

    public decimal TotalIncome { get; set; }

    public decimal NetAssetsYearEnd { get; set; }

    public decimal CharitableSpending { get; set; }

    public decimal ManagementCost { get; set; }

    public decimal TotalSpending { get; set; }

    public string EnteredBy { get; set; } = "";

    public DateTimeOffset EnteredAt { get; set; }

    public YearFigures Figures => new(Year, Type, PublicFundraising, TotalIncome, NetAssetsYearEnd, CharitableSpending, ManagementCost,
        TotalSpending);
}
