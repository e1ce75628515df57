using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Organizations.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

public sealed record YearReportInput(
    string? Type, bool? PublicFundraising, decimal? TotalIncome, decimal? NetAssetsYearEnd, decimal? CharitableSpending,
    decimal? ManagementCost, decimal? TotalSpending);

public sealed record RatioCheckDto(string Rule, string RuleName, bool Met, string Message);

/// <param name="OrganizationName">Named for a supervisor's list, which holds many organizations' years.</param>
public sealed record YearReportDto(
    Guid OrganizationId, string OrganizationName, int Year, string Type, string TypeName, bool PublicFundraising, decimal TotalIncome,
        decimal NetAssetsYearEnd,
    decimal CharitableSpending, decimal ManagementCost, decimal TotalSpending, string EnteredBy, DateTimeOffset EnteredAt,
    IReadOnlyList<RatioCheckDto> Checks);

/// <summary>
/// The ratio parameters in force: an operator's file (<c>Finance:RatioParametersFile</c>, or <c>charity-ratios.json</c> in the data
/// directory) when there is one, else the set shipped with Yilian; read again when the file changes.
/// </summary>
internal sealed class RatioParameters(IConfiguration config, IOptions<DatabaseOptions> database)
{
    // One reference, replaced whole: requests on other threads never see a path paired with another file's sets.
    private volatile Loaded? loaded;

    public IReadOnlyList<RatioSet> Sets
    {
        get
        {
            var path = config["Finance:RatioParametersFile"] is { Length: > 0 } configured ? configured
                : Path.Combine(database.Value.DataDirectory, "charity-ratios.json");
            var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            if (loaded is { } l && l.Path == path && l.Stamp == stamp)
            {
                return l.Sets;
            }

            var sets = stamp == DateTime.MinValue ? SpendingRatios.Shipped() : SpendingRatios.Parse(File.ReadAllText(path));
            loaded = new Loaded(path, stamp, sets);
            return sets;
        }
    }

    private sealed record Loaded(string Path, DateTime Stamp, IReadOnlyList<RatioSet> Sets);
}

/// <summary>An organization's years as its annual reports state them, and the 2016 ratios checked on them.</summary>
internal sealed class YearReports(FinanceDbContext db, WarningBook book, RatioParameters parameters, IOrganizationLookup organizations,
    ICurrentUser user, IDataScopeProvider scope, TimeProvider clock)
{
    public async Task<YearReportDto> PutAsync(int year, YearReportInput input, CancellationToken ct)
    {
        if (!FinancePermissions.KeepsBooks(user) || scope.Current.Organizations is not [var organization])
        {
            throw new ForbiddenException(FinanceText.Get("Finance_CannotKeepBooks"));
        }

        var thisYear = ChinaTime.Today(clock).Year;
        if (year < 2000 || year > thisYear)
        {
            throw InputValidationException.For("year", FinanceText.Get("Year_OutOfRange", thisYear));
        }

        if (!Enum.TryParse<CharityType>(input.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type))
        {
            throw InputValidationException.For("type", FinanceText.Get("Year_UnknownType", string.Join(", ",
                Enum.GetNames<CharityType>())));
        }

        static decimal Amount(string field, decimal? value) => value is 0m ? 0m : MoneyInput.Check(field, value);
        var row = await db.AnnualFigures.FirstOrDefaultAsync(f => f.Year == year, ct);
        if (row is null)
        {
            var region = (await organizations.FindAsync(organization, ct))?.RegionCode ?? "";
            row = new AnnualFigures { Id = Guid.CreateVersion7(), OrganizationId = organization, Year = year, RegionCode = region };
            db.AnnualFigures.Add(row);
        }

        (row.Type, row.PublicFundraising) = (type, input.PublicFundraising == true);
        row.TotalIncome = Amount("totalIncome", input.TotalIncome);
        row.NetAssetsYearEnd = Amount("netAssetsYearEnd", input.NetAssetsYearEnd);
        row.CharitableSpending = Amount("charitableSpending", input.CharitableSpending);
        row.ManagementCost = Amount("managementCost", input.ManagementCost);
        row.TotalSpending = Amount("totalSpending", input.TotalSpending);
        if (row.ManagementCost > row.TotalSpending || row.CharitableSpending > row.TotalSpending)
        {
            throw InputValidationException.For("totalSpending", FinanceText.Get("Year_PartsExceedTotal"));
        }

        (row.EnteredBy, row.EnteredAt) = (user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await book.ReconcileAsync(organization, ct);
        return (await ListAsync(ct)).First(r => r.Year == year);
    }

    public async Task<IReadOnlyList<YearReportDto>> ListAsync(CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var rows = await db.AnnualFigures.AsNoTracking().OrderByDescending(f => f.Year).ThenBy(f => f.OrganizationId).Take(200)
            .ToListAsync(ct);
        var byOrganization = rows.GroupBy(r => r.OrganizationId).ToDictionary(g => g.Key, g => g.Select(r => r.Figures).ToList());
        var names = await organizations.NamesAsync(byOrganization.Keys, ct);
        return [.. rows.Select(r =>
        {
            var checks = SpendingRatios.Check(SpendingRatios.For(parameters.Sets, r.Year), r.Figures, byOrganization[r.OrganizationId]);
            return new YearReportDto(r.OrganizationId, names.GetValueOrDefault(r.OrganizationId) ?? "", r.Year, r.Type.ToString(),
                FinanceText.Get("CharityType_" + r.Type), r.PublicFundraising,
                r.TotalIncome,
                r.NetAssetsYearEnd, r.CharitableSpending, r.ManagementCost, r.TotalSpending, r.EnteredBy, r.EnteredAt,
                [.. checks.Select(c => new RatioCheckDto(c.Rule, WarningText.RuleName(c.Rule), c.Met, WarningText.Message(c.Rule,
                    c.Figures)))]);
        })];
    }
}
