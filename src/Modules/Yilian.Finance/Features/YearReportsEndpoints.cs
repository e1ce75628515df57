using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using Yilian.Finance.Domain;
using Yilian.Platform.Contracts;
using Yilian.Ui;

namespace Yilian.Finance.Features;

/// <summary>The HTTP endpoints of YearReports: its API operations and its page's form post, each a named handler.</summary>
internal static class YearReportsEndpoints
{
    public static IEndpointRouteBuilder MapYearReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var feature = app.MapGroup("").WithTags("Annual figures").RequireAuthorization(Policies.BackOffice);
        feature.MapGet("/api/v1/annual-figures", ListAnnualFiguresAsync).WithName("ListAnnualFigures").WithSummary("List annual figures")
            .WithDescription("Each year's figures from the annual report, in the caller's scope, with the 2016 spending and "
                + "management-cost ratios checked on them.");
        feature.MapPut("/api/v1/annual-figures/{year:int}", PutAnnualFiguresAsync).WithName("PutAnnualFigures")
            .WithSummary("Enter a year's figures")
            .WithDescription("The organization's kind, public-fundraising status, total income, year-end net assets, charitable "
                + "spending, management cost and total spending; the ratios are checked and warnings raised for shortfalls.");
        feature.MapPost("/admin/finance/years/save", PutAnnualFiguresFormAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<YearReportDto>>> ListAnnualFiguresAsync(YearReports years, CancellationToken ct) =>
        TypedResults.Ok(await years.ListAsync(ct));

    private static async Task<Ok<YearReportDto>> PutAnnualFiguresAsync(int year, YearReportInput input, YearReports years,
        CancellationToken ct) => TypedResults.Ok(await years.PutAsync(year, input, ct));

    private static async Task<IResult> PutAnnualFiguresFormAsync([FromForm] int? year, [FromForm] string? type,
        [FromForm] bool? publicFundraising, [FromForm] string? totalIncome, [FromForm] string? netAssetsYearEnd,
        [FromForm] string? charitableSpending, [FromForm] string? managementCost, [FromForm] string? totalSpending, YearReports years,
        CancellationToken ct) =>
        await PageForms.RunAsync("/admin/finance/years", () => years.PutAsync(year ?? 0, new YearReportInput(type, publicFundraising,
            MoneyInput.Parse("totalIncome", totalIncome), MoneyInput.Parse("netAssetsYearEnd", netAssetsYearEnd),
                MoneyInput.Parse("charitableSpending", charitableSpending),
            MoneyInput.Parse("managementCost", managementCost), MoneyInput.Parse("totalSpending", totalSpending)), ct));
}
