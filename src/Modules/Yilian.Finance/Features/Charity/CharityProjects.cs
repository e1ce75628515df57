using Microsoft.EntityFrameworkCore;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Resources;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features.Charity;

public sealed record CharityProjectDraft(
    Guid? ProjectId, string? Title, string? RecordNumber, string? Summary, decimal? Target, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record CharityProjectDto(
    Guid Id, Guid OrganizationId, string OrganizationName, Guid ProjectId, Guid FundId, string Title, string RecordNumber, string Summary,
    decimal Target, DateOnly StartsOn, DateOnly EndsOn, decimal Raised, decimal Spent, int DonationCount, bool Open);

/// <summary>An organization's charity projects (公益项目): each a campaign for one of its projects, its donations a restricted
/// fund of that project.</summary>
internal sealed class CharityProjects(
    FinanceDbContext db, IOrganizationProjects projects, IOrganizationLookup organizations, ICurrentUser user, TimeProvider clock,
    IIdempotentRequest idempotency)
{
    public async Task<CharityProjectDto> CreateAsync(CharityProjectDraft draft, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.ApprovesExpenses(user));
        if (idempotency.EffectKey is { } effect
            && await db.CharityProjects.Where(c => c.CreatedByRequest == effect).Select(c =>
                (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } made)
        {
            return await GetAsync(made, ct);
        }

        var project = draft.ProjectId is { } p ? await projects.FindProjectAsync(p, ct) : null;
        if (project is null)
        {
            throw InputValidationException.For("projectId", FinanceText.Get("Charity_ProjectRequired"));
        }

        var record = MoneyInput.Text("recordNumber", draft.RecordNumber, 40);
        if (!record.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw InputValidationException.For("recordNumber", FinanceText.Get("Charity_BadRecordNumber"));
        }

        var starts = draft.StartsOn ?? throw InputValidationException.For("startsOn", FinanceText.Get("Charity_DatesRequired"));
        var ends = draft.EndsOn ?? throw InputValidationException.For("endsOn", FinanceText.Get("Charity_DatesRequired"));
        if (ends < starts)
        {
            throw InputValidationException.For("endsOn", FinanceText.Get("Charity_EndsBeforeStart"));
        }

        var organization = await organizations.FindAsync(project.OrganizationId, ct);
        var fund = new Fund
        {
            Id = Guid.CreateVersion7(), OrganizationId = project.OrganizationId, RegionCode = project.RegionCode, Kind = FundKind.Donations,
            ProjectId = project.Id, Name = FinanceText.Get("Charity_FundName", MoneyInput.Text("title", draft.Title, 100)),
        };
        var charity = new CharityProject
        {
            Id = Guid.CreateVersion7(), OrganizationId = project.OrganizationId, OrganizationName = organization?.Name ?? "",
            RegionCode = project.RegionCode, ProjectId = project.Id, FundId = fund.Id, Title = MoneyInput.Text("title", draft.Title, 100),
            RecordNumber = record, Summary = MoneyInput.Text("summary", draft.Summary, 2000, required: false),
            Target = MoneyInput.Check("target", draft.Target), StartsOn = starts, EndsOn = ends, CreatedBy = user.UserName ?? "system",
            CreatedAt = clock.GetUtcNow(), CreatedByRequest = idempotency.EffectKey,
        };
        db.Funds.Add(fund);
        db.CharityProjects.Add(charity);
        await db.SaveChangesAsync(ct);
        return Dto(charity, ChinaTime.Today(clock));
    }

    public async Task<CharityProjectDto> GetAsync(Guid id, CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var charity = await db.CharityProjects.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("CharityProject", id);
        return Dto(charity, ChinaTime.Today(clock));
    }

    public async Task<IReadOnlyList<CharityProjectDto>> ListAsync(CancellationToken ct)
    {
        FinancePermissions.Require(FinancePermissions.Reads(user));
        var today = ChinaTime.Today(clock);
        return [.. (await db.CharityProjects.AsNoTracking().OrderByDescending(c => c.StartsOn).Take(200).ToListAsync(ct))
            .Select(c => Dto(c, today))];
    }

    public static CharityProjectDto Dto(CharityProject c, DateOnly today) => new(c.Id, c.OrganizationId, c.OrganizationName, c.ProjectId,
        c.FundId, c.Title, c.RecordNumber, c.Summary, c.Target, c.StartsOn, c.EndsOn, c.Raised, c.Spent, c.DonationCount, c.IsOpen(today));
}
