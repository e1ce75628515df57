using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features;

public sealed record FundDraft(string? Name, string? Kind, Guid? ProjectId, decimal? Amount);

public sealed record FundDto(Guid Id, string Name, string Kind, string KindName, bool Restricted, Guid? ProjectId, decimal Amount);

/// <summary>An organization's funds: restricted (a grant, donations, a purchase contract — for one project or not) or
/// unrestricted.</summary>
internal sealed class Funds(FinanceDbContext db, IOrganizationProjects projects, ICurrentUser user, IDataScopeProvider scope)
{
    public async Task<FundDto> CreateAsync(FundDraft draft, CancellationToken ct)
    {
        // A fund belongs to the caller's own organization (an organization's staff have exactly one in their scope).
        if (!FinancePermissions.KeepsBooks(user) || scope.Current.Organizations is not [var organization])
        {
            throw new ForbiddenException(FinanceText.Get("Finance_CannotKeepBooks"));
        }

        if (!Enum.TryParse<FundKind>(draft.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw InputValidationException.For("kind", FinanceText.Get("Fund_UnknownKind", string.Join(", ", Enum.GetNames<FundKind>())));
        }

        var project = draft.ProjectId is { } p ? await projects.FindProjectAsync(p, ct) ?? throw new NotFoundException("Project", p) : null;
        var region = project?.RegionCode ?? await db.Budgets.Where(b => b.OrganizationId == organization).Select(b =>
            b.RegionCode).FirstOrDefaultAsync(ct);
        var fund = new Fund
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization, RegionCode = region ?? "",
            Name = MoneyInput.Text("name", draft.Name, 100), Kind = kind, ProjectId = project?.Id, Amount = MoneyInput.Check("amount",
                draft.Amount),
        };
        db.Funds.Add(fund);
        await db.SaveChangesAsync(ct);
        return Dto(fund);
    }

    public async Task<IReadOnlyList<FundDto>> ListAsync(CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));

        return [.. (await db.Funds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct)).Select(Dto)];
    }

    private static FundDto Dto(Fund f) => new(f.Id, f.Name, f.Kind.ToString(), FinanceText.Get("Fund_" + f.Kind), f.Restricted,
        f.ProjectId, f.Amount);
}
