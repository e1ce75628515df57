using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Validation;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;
using Yilian.Volunteers.Contracts;

namespace Yilian.Supply.Features;

/// <summary>A service project as its organization describes it. <paramref name="OrganizationId"/> may be left out by a person
/// of one organization (it is theirs); the operator names it.</summary>
public sealed record ServiceProjectInput(
    Guid? OrganizationId, string? Name, string? Summary, string? ServiceField, string? TargetGroup, IReadOnlyList<string>? AreaCodes,
    decimal? PriceFrom, decimal? PriceTo, int? Capacity, int? Load);

public sealed record ServiceProjectDto(
    Guid Id, Guid OrganizationId, string OrganizationName, string Name, string Summary, string ServiceField, string ServiceFieldName,
    string TargetGroup, IReadOnlyList<string> AreaCodes, decimal PriceFrom, decimal PriceTo, int Capacity, int Load, string Status,
    int RatingCount, double? RatingMean, DateTimeOffset UpdatedAt)
{
    /// <summary>What the project and its organization have done: purchases of this project delivered, the organization's projects
    /// completed and under way (Projects), its volunteers' confirmed hours over the last twelve months (Volunteers).</summary>
    public TrackRecordDto Record { get; init; } = new(0, 0, 0, 0, 0);
}

public sealed record TrackRecordDto(int Delivered, int ProjectsCompleted, int ProjectsRunning, int Volunteers, decimal VolunteerHours);

/// <param name="Q">Words in the name, summary or target group.</param>
/// <param name="Area">A community or street code: projects that serve it.</param>
public sealed record ServiceProjectFilter(string? Q, string? Field, Guid? OrganizationId, string? Area);

/// <summary>
/// The projects list (项目清单): each organization keeps its service products (品牌项目) — field, whom for, where, price range,
/// how many places at once and how many it serves now, with the ratings its work received. Every listed one is public and is a
/// candidate when a need is matched; withdrawn ones leave the list and the matching but keep their ratings.
/// </summary>
internal sealed class ServiceProjects(SupplyDbContext db, IServiceScopeFactory scopes, Needs needs, IOrganizationLookup organizations,
    IOrganizationFacts facts, IOrganizationProjects organizationProjects, IActivityServiceHours service, IRegionDirectory regions,
    IDataScopeProvider scope, ICurrentUser user, IIdempotentRequest idempotency, TimeProvider clock)
{
    public const int MaxAreas = 30;

    public async Task<ServiceProjectDto> CreateAsync(ServiceProjectInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.KeepsServiceProjects(user), "ServiceProject_CannotKeep");
        if (idempotency.EffectKey is { } effect
            && await db.ServiceProjects.AsNoTracking().FirstOrDefaultAsync(p => p.CreatedByRequest == effect, ct) is { } made)
        {
            return (await DtosAsync([made], ct))[0];
        }

        var organization = await OwnOrganizationAsync(input.OrganizationId, ct);
        var now = clock.GetUtcNow();
        var project = new ServiceProject
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, RegionCode = organization.RegionCode,
            Status = ServiceProjectStatus.Listed, CreatedBy = user.UserName ?? "system", CreatedAt = now, UpdatedAt = now,
            CreatedByRequest = idempotency.EffectKey,
        };
        await ApplyAsync(project, input, ct);
        db.ServiceProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return (await DtosAsync([project], ct))[0];
    }

    /// <summary>Changes what the project offers (and how many places it serves now); the organization stays the same.</summary>
    public async Task<ServiceProjectDto> UpdateAsync(Guid id, ServiceProjectInput input, CancellationToken ct)
    {
        var project = await KeptAsync(id, ct);
        await ApplyAsync(project, input, ct);
        project.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (await DtosAsync([project], ct))[0];
    }

    public async Task<ServiceProjectDto> WithdrawAsync(Guid id, CancellationToken ct)
    {
        var project = await KeptAsync(id, ct);
        (project.Status, project.UpdatedAt) = (ServiceProjectStatus.Withdrawn, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await DtosAsync([project], ct))[0];
    }

    /// <summary>The projects in scope (an organization's own; a community's or street's organizations'; the district's), listed
    /// or withdrawn.</summary>
    public async Task<PagedResult<ServiceProjectDto>> ListAsync(ServiceProjectFilter filter, PageRequest page, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsLists(user));
        var found = await Filtered(db.ServiceProjects.AsNoTracking(), filter).OrderByDescending(p => p.UpdatedAt).ToPagedAsync(page, ct);
        return new PagedResult<ServiceProjectDto>(await DtosAsync(found.Items, ct), found.Total, found.Page, found.PageSize);
    }

    /// <summary>The public list: every listed project, best rated first, for anyone.</summary>
    public async Task<PagedResult<ServiceProjectDto>> PublicListAsync(ServiceProjectFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var found = await Filtered(all.ServiceProjects.AsNoTracking().Where(p => p.Status == ServiceProjectStatus.Listed), filter)
            .OrderByDescending(p => p.RatingCount > 0 ? (double)p.RatingSum / p.RatingCount : 0).ThenByDescending(p => p.UpdatedAt)
            .ToPagedAsync(page, ct);
        return new PagedResult<ServiceProjectDto>(await DtosAsync(found.Items, ct), found.Total, found.Page, found.PageSize);
    }

    /// <summary>One project: a listed one for anyone (it is public), a withdrawn one within the caller's scope.</summary>
    public async Task<ServiceProjectDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var project = await all.ServiceProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || (project.Status != ServiceProjectStatus.Listed && !await db.ServiceProjects.AnyAsync(p => p.Id == id, ct)))
        {
            throw new NotFoundException("ServiceProject", id);
        }

        return (await DtosAsync([project], ct))[0];
    }

    /// <summary>The organizations the caller keeps projects for (for the form's choice).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OwnOrganizationsAsync(CancellationToken ct) =>
        scope.Current.Organizations.Count > 0 ? await organizations.NamesAsync(scope.Current.Organizations, ct)
            : new Dictionary<Guid, string>();

    private async Task<OrganizationRef> OwnOrganizationAsync(Guid? requested, CancellationToken ct)
    {
        var id = requested ?? (scope.Current.Organizations is [var only] ? only : Guid.Empty);
        if (id == Guid.Empty)
        {
            throw InputValidationException.For("organizationId", SupplyText.Get("ServiceProject_OrganizationRequired"));
        }

        // An organization's people keep their own; the operator any (the lookup answers within the caller's scope).
        var organization = await organizations.FindAsync(id, ct);
        if (organization is null || (!SupplyPermissions.KeepsAnyOrganizationsProjects(user) && !scope.Current.Organizations.Contains(id)))
        {
            throw new NotFoundException("Organization", id);
        }

        return organization;
    }

    private async Task<ServiceProject> KeptAsync(Guid id, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.KeepsServiceProjects(user), "ServiceProject_CannotKeep");
        var project = await db.ServiceProjects.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("ServiceProject",
            id);
        if (!SupplyPermissions.KeepsAnyOrganizationsProjects(user) && !scope.Current.Organizations.Contains(project.OrganizationId))
        {
            throw new ForbiddenException(SupplyText.Get("ServiceProject_CannotKeep"));
        }

        if (project.Status != ServiceProjectStatus.Listed)
        {
            throw SupplyRules.ServiceProjectWithdrawn.Broken(project.Name);
        }

        return project;
    }

    private async Task ApplyAsync(ServiceProject project, ServiceProjectInput input, CancellationToken ct)
    {
        var problems = new InputProblems(SupplyText.Get);
        var name = problems.Text("name", "ServiceProject_Name", input.Name, 100);
        var summary = problems.Text("summary", "ServiceProject_Summary", input.Summary, 2000, multiline: true);
        var group = problems.Text("targetGroup", "Need_TargetGroup", input.TargetGroup, 100);
        var field = input.ServiceField?.Trim() ?? "";
        var fields = await needs.FieldsAsync(ct);
        if (!fields.ContainsKey(field))
        {
            problems.Add("serviceField", SupplyText.Get("Need_UnknownField", string.Join(", ", fields.Keys)));
        }

        var from = problems.Money("priceFrom", "ServiceProject_PriceFrom", input.PriceFrom);
        var to = problems.Money("priceTo", "ServiceProject_PriceTo", input.PriceTo ?? input.PriceFrom);
        if (to < from)
        {
            problems.Add("priceTo", SupplyText.Get("ServiceProject_PriceBackwards"));
        }

        if (input.Capacity is not (>= 1 and <= 1000))
        {
            problems.Add("capacity", SupplyText.Get("ServiceProject_BadCapacity"));
        }

        if (input.Load is < 0 or > 1000)
        {
            problems.Add("load", SupplyText.Get("ServiceProject_BadLoad"));
        }

        var areas = (input.AreaCodes ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (areas.Count > MaxAreas)
        {
            problems.Add("areaCodes", SupplyText.Get("ServiceProject_TooManyAreas", MaxAreas));
        }
        else
        {
            foreach (var area in areas)
            {
                if (await regions.FindAsync(area, ct) is null)
                {
                    problems.Add("areaCodes", SupplyText.Get("ServiceProject_UnknownArea", area));
                    break;
                }
            }
        }

        problems.ThrowIfAny();
        (project.Name, project.Summary, project.TargetGroup, project.ServiceField) = (name, summary, group, field);
        (project.PriceFrom, project.PriceTo, project.Capacity, project.Load) = (from, to, input.Capacity!.Value,
            input.Load ?? project.Load);
        project.AreaCodes = string.Join(',', areas);
    }

    private static IQueryable<ServiceProject> Filtered(IQueryable<ServiceProject> query, ServiceProjectFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || p.Summary.Contains(q) || p.TargetGroup.Contains(q));
        }

        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(p => p.ServiceField == filter.Field);
        }

        if (filter.OrganizationId is { } org)
        {
            query = query.Where(p => p.OrganizationId == org);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            // Serves the place: names it, its street or the district, or says nothing (the organization's own area).
            var area = filter.Area.Trim();
            var (street, district) = (area.Length >= 9 ? area[..9] + "000" : area, area.Length >= 6 ? area[..6] + "000000" : area);
            query = query.Where(p => p.AreaCodes == "" || p.AreaCodes.Contains(area) || p.AreaCodes.Contains(street)
                || p.AreaCodes.Contains(district));
        }

        return query;
    }

    private async Task<IReadOnlyList<ServiceProjectDto>> DtosAsync(IReadOnlyList<ServiceProject> projects, CancellationToken ct)
    {
        var organizationIds = projects.Select(p => p.OrganizationId).Distinct().ToList();
        var names = await facts.PublicFactsAsync(organizationIds, ct);
        var fields = await needs.FieldsAsync(ct);
        var records = await organizationProjects.RecordsAsync(organizationIds, ct);
        var hours = await service.OfOrganizationsAsync(organizationIds, clock.GetUtcNow().AddYears(-1), ct);
        var delivered = await DeliveredAsync([.. projects.Select(p => p.Id)], ct);
        return [.. projects.Select(p => new ServiceProjectDto(
            p.Id, p.OrganizationId, names.TryGetValue(p.OrganizationId, out var o) ? o.Name : "", p.Name, p.Summary, p.ServiceField,
            fields.GetValueOrDefault(p.ServiceField, p.ServiceField), p.TargetGroup,
            p.AreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), p.PriceFrom, p.PriceTo, p.Capacity, p.Load, p.Status.ToString(),
            p.RatingCount, p.RatingCount > 0 ? Math.Round((double)p.RatingSum / p.RatingCount, 2) : null, p.UpdatedAt)
        {
            Record = new TrackRecordDto(delivered.GetValueOrDefault(p.Id), records.GetValueOrDefault(p.OrganizationId)?.Completed ?? 0,
                records.GetValueOrDefault(p.OrganizationId)?.Running ?? 0, hours.GetValueOrDefault(p.OrganizationId)?.Volunteers ?? 0,
                hours.GetValueOrDefault(p.OrganizationId)?.Hours ?? 0),
        })];
    }

    /// <summary>How many purchases each project delivered (public: the results of purchases are published).</summary>
    private async Task<Dictionary<Guid, int>> DeliveredAsync(List<Guid> ids, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        return await all.Procurements.Where(p => p.Status == ProcurementStatus.Delivered)
            .Join(all.Proposals.Where(x => ids.Contains(x.ServiceProjectId)), p => p.AwardedProposalId, x => x.Id, (p, x) =>
                x.ServiceProjectId)
            .GroupBy(x => x).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
