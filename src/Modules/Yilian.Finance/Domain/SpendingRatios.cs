using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Yilian.Finance.Domain;

/// <summary>The kinds of charitable organization the 2016 rules set ratios for.</summary>
public enum CharityType
{
    Foundation = 1,
    SocialGroup = 2,
    ServiceOrganization = 3,
}

public enum RatioBasis
{
    /// <summary>Charitable spending against the prior year's total income (organizations that raise funds publicly).</summary>
    PriorYearIncome = 1,

    /// <summary>Against the prior year-end net assets (those that do not).</summary>
    PriorYearNetAssets = 2,
}

/// <summary>A band of prior year-end net assets: from <see cref="NetAssetsFrom"/> up, the amount itself included (高于…（含本数）;
/// null: the lowest band). <see cref="MinSpendingOfIncome"/> is a second floor some bands add: spending also at least this share
/// of the prior year's total income.</summary>
public sealed record RatioTier(decimal? NetAssetsFrom, decimal MinSpending, decimal MaxManagement, decimal? MinSpendingOfIncome = null);

/// <summary>The ratios for one kind of organization. <see cref="ManagementExempt"/>: whether the small-management-cost exemption
/// applies (it does not to foundations raising funds publicly, whose 10 % the Charity Law itself sets); <see cref="Verified"/>:
/// whether these figures were checked against the published text (null: as the set says).</summary>
public sealed record RatioRule(CharityType Type, bool PublicFundraising, RatioBasis Basis, IReadOnlyList<RatioTier> Tiers,
    bool ManagementExempt = true, bool? Verified = null, string? Article = null);

/// <summary>One dated set of the ratios, as the data file holds it.</summary>
public sealed record RatioSet(
    DateOnly EffectiveFrom, string Source, bool Verified, decimal ManagementExemptBelow, int AverageYears, IReadOnlyList<RatioRule> Rules);

/// <summary>An organization's year as its annual report states it.</summary>
internal sealed record YearFigures(
    int Year, CharityType Type, bool PublicFundraising, decimal TotalIncome, decimal NetAssetsYearEnd, decimal CharitableSpending,
    decimal ManagementCost, decimal TotalSpending);

/// <summary>A ratio checked for a year: met or not (or exempt), with the figures its message shows.</summary>
internal sealed record RatioCheck(string Rule, int Year, bool Met, IReadOnlyDictionary<string, string> Figures);

/// <summary>
/// The 2016 rules on charitable organizations' annual spending and management costs (《关于慈善组织开展慈善活动年度支出和管理费用的
/// 规定》) as pure functions over dated parameters kept as data: the minimum charitable spending against the prior year's income
/// or year-end net assets (by type, public-fundraising status and net-asset band) — or against the average of the three
/// years before, whichever the organization meets — and the maximum management cost against total spending, which does not
/// apply to a management cost under the exemption (200,000 yuan; 第十一条, not for foundations raising funds publicly).
/// </summary>
internal static class SpendingRatios
{
    public const string Spending = "spending-ratio";
    public const string Management = "management-ratio";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The sets shipped with Yilian (Data/charity-ratios.json).</summary>
    public static IReadOnlyList<RatioSet> Shipped()
    {
        using var stream = typeof(SpendingRatios).Assembly.GetManifestResourceStream("charity-ratios.json")!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the data file's sets.</summary>
    public static IReadOnlyList<RatioSet> Parse(string json) =>
        [.. (JsonSerializer.Deserialize<RatioFile>(json, Json)?.Sets ?? []).OrderBy(s => s.EffectiveFrom)];

    /// <summary>The set in force for a year: the latest in effect on its first day (or the first set for years before).</summary>
    public static RatioSet For(IReadOnlyList<RatioSet> sets, int year) =>
        sets.LastOrDefault(s => s.EffectiveFrom <= new DateOnly(year, 1, 1)) ?? sets[0];

    public static IReadOnlyList<RatioCheck> Check(RatioSet set, YearFigures year, IReadOnlyList<YearFigures> earlier)
    {
        var rule = set.Rules.FirstOrDefault(r => r.Type == year.Type && r.PublicFundraising == year.PublicFundraising);
        if (rule is null)
        {
            return [];
        }

        var before = earlier.Where(e => e.Year < year.Year).ToDictionary(e => e.Year);
        var prior = before.GetValueOrDefault(year.Year - 1);
        var tier = Tier(rule, prior?.NetAssetsYearEnd ?? year.NetAssetsYearEnd);
        var checks = new List<RatioCheck>();
        if (prior is not null)
        {
            checks.Add(SpendingCheck(set, rule, tier, year, prior, before));
        }

        checks.Add(ManagementCheck(set, rule, tier, year));
        return checks;
    }

    public static RatioTier Tier(RatioRule rule, decimal netAssets) =>
        rule.Tiers.FirstOrDefault(t => t.NetAssetsFrom is { } from && netAssets >= from) ?? rule.Tiers[^1];

    /// <summary>
    /// The band's minimum, on its basis — and, where the band adds one, the floor on the prior year's income: whichever asks
    /// more is the requirement, and its message names that basis. The rules (第十条) let the organization reckon on the average
    /// of the three years before instead of the prior year, for income and net assets alike: on each basis the lower applies.
    /// </summary>
    private static RatioCheck SpendingCheck(RatioSet set, RatioRule rule, RatioTier tier, YearFigures year, YearFigures prior,
        Dictionary<int, YearFigures> before)
    {
        var window = Enumerable.Range(year.Year - set.AverageYears, set.AverageYears).Select(before.GetValueOrDefault).ToList();
        (RatioBasis Basis, decimal Rate, decimal Prior, decimal? Average, decimal Required) On(RatioBasis basis, decimal rate)
        {
            decimal Of(YearFigures f) => basis == RatioBasis.PriorYearIncome ? f.TotalIncome : f.NetAssetsYearEnd;
            decimal? average = window.All(f => f is not null) ? window.Average(f => Of(f!)) : null;
            var reckoned = average is { } a && a < Of(prior) ? a : Of(prior);
            return (basis, rate, Of(prior), average, decimal.Round(reckoned * rate, 2));
        }

        var binding = On(rule.Basis, tier.MinSpending);
        if (tier.MinSpendingOfIncome is { } ofIncome && On(RatioBasis.PriorYearIncome, ofIncome) is var floor
            && floor.Required > binding.Required)
        {
            binding = floor;
        }

        return new RatioCheck(Spending, year.Year, year.CharitableSpending >= binding.Required, Figures(set, rule,
            ("year", year.Year.ToString(CultureInfo.InvariantCulture)), ("basis", binding.Basis.ToString()),
            ("rate", Percent(binding.Rate)), ("prior", Money(binding.Prior)),
            ("average", binding.Average is { } x ? Money(x) : "—"), ("required", Money(binding.Required)),
            ("spent", Money(year.CharitableSpending)), ("short", Money(Math.Max(0, binding.Required - year.CharitableSpending)))));
    }

    private static RatioCheck ManagementCheck(RatioSet set, RatioRule rule, RatioTier tier, YearFigures year)
    {
        var exempt = rule.ManagementExempt && year.ManagementCost < set.ManagementExemptBelow;
        var ratio = year.TotalSpending <= 0 ? 0 : year.ManagementCost / year.TotalSpending;
        return new RatioCheck(Management, year.Year, exempt || ratio <= tier.MaxManagement, Figures(set, rule,
            ("year", year.Year.ToString(CultureInfo.InvariantCulture)), ("cost", Money(year.ManagementCost)),
            ("total", Money(year.TotalSpending)), ("ratio", Percent(ratio)), ("max", Percent(tier.MaxManagement)),
            ("exemptBelow", Money(set.ManagementExemptBelow)), ("exempt", exempt ? "yes" : "no")));
    }

    private static Dictionary<string, string> Figures(RatioSet set, RatioRule rule, params (string Key, string Value)[] pairs)
    {
        var figures = pairs.ToDictionary(p => p.Key, p => p.Value);
        figures["verified"] = rule.Verified ?? set.Verified ? "yes" : "no";
        figures["source"] = rule.Article is null ? set.Source : $"{set.Source}{rule.Article}";
        return figures;
    }

    private static string Money(decimal value) => WarningDetector.Money(value);

    private static string Percent(decimal value) => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private sealed record RatioFile(IReadOnlyList<RatioSet>? Sets);
}
