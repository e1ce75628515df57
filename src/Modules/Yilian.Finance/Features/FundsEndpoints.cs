using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using Yilian.Platform.Contracts;

namespace Yilian.Finance.Features;

/// <summary>The HTTP endpoints of Funds: its API operations, each a named handler.</summary>
internal static class FundsEndpoints
{
    public static IEndpointRouteBuilder MapFundsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/funds").WithTags("Funds").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/", ListFundsAsync).WithName("ListFunds").WithSummary("List funds")
            .WithDescription("The funds in the caller's scope: restricted (Grant, Donations, PurchaseContract) or Unrestricted.");
        api.MapPost("/", CreateFundAsync).WithName("CreateFund").WithSummary("Add a fund")
            .WithDescription("A fund of the caller's organization, restricted to one project when projectId is given.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<FundDto>>> ListFundsAsync(Funds funds, CancellationToken ct) =>
        TypedResults.Ok(await funds.ListAsync(ct));

    private static async Task<Created<FundDto>> CreateFundAsync(FundDraft draft, Funds funds, CancellationToken ct)
    {
        var fund = await funds.CreateAsync(draft, ct);
        return TypedResults.Created($"/api/v1/funds/{fund.Id}", fund);
    }
}
