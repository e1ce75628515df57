using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Yilian.Organizations.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features.Matching;

public sealed record MatchDto(
    int Rank, Guid OrganizationId, string OrganizationName, int Grade, Guid ServiceProjectId, string ServiceProjectName, double Score,
    IReadOnlyList<MatchReason> Reasons);

public sealed record LeftOutDto(Guid OrganizationId, string OrganizationName, Guid ServiceProjectId, string ServiceProjectName,
    string Reason);

/// <param name="Candidates">Organizations with a project in the need's field (ranked and left out together).</param>
public sealed record NeedMatchesDto(Guid NeedId, string NeedNumber, int Candidates, IReadOnlyList<MatchDto> Ranked,
    IReadOnlyList<LeftOutDto> LeftOut);

public sealed record FittingNeedDto(NeedDto Need, Guid ServiceProjectId, string ServiceProjectName, double Score,
    IReadOnlyList<MatchReason> Reasons);

/// <param name="LeftOut">Why the organization is matched to nothing (not active), or null.</param>
/// <param name="Total">How many open public needs fit, of which the best are <paramref name="Needs"/>.</param>
public sealed record FittingNeedsDto(Guid OrganizationId, string OrganizationName, string? LeftOut, int Total,
    IReadOnlyList<FittingNeedDto> Needs);

/// <summary>
/// Matching both ways: for a need, the organizations that could meet it, ranked with each reason's weight and points and the
/// ones left out with why (<see cref="NeedMatcher"/>); for an organization, the open public needs its listed projects fit. The
/// projects and facts read are public (the projects list, the organizations' published facts); the need is the caller's.
/// </summary>
internal sealed class Matches(SupplyDbContext db, IServiceScopeFactory scopes, Needs needs, IOrganizationFacts facts,
    IOptions<MatchWeights> weights, IDataScopeProvider scope, ICurrentUser user, TimeProvider clock)
{
    public const int MaxShown = 50;

    public async Task<NeedMatchesDto> ForNeedAsync(Guid needId, int top, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsNeeds(user));
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, ct) ?? throw new NotFoundException("Need",
            needId);
        var profile = Profile(need);
        await using var system = SystemScope.Begin(scopes);
        var projects = await ProfilesAsync(system.ServiceProvider.GetRequiredService<SupplyDbContext>().ServiceProjects
            .Where(p => p.ServiceField == need.ServiceField), ct);
        var organizations = await facts.PublicFactsAsync([.. projects.Select(p => p.OrganizationId).Distinct()], ct);
        var ranked = NeedMatcher.Rank(profile, projects, organizations, weights.Value);
        var ratings = NeedMatcher.RatingsByOrganization(need.ServiceField, projects);
        var shown = ranked.Where(s => s.LeftOut == LeftOutReason.None).Take(Math.Clamp(top, 1, MaxShown))
            .Select((s, i) => new MatchDto(i + 1, s.Organization.Id, s.Organization.Name, s.Organization.Grade, s.Project.Id,
                s.Project.Name,
                NeedMatcher.Round(s.Score), NeedMatcher.Explain(profile, s.Project, s.Organization, ratings[s.Organization.Id],
                    weights.Value)));
        var leftOut = ranked.Where(s => s.LeftOut != LeftOutReason.None).Take(MaxShown)
            .Select(s => new LeftOutDto(s.Organization.Id, s.Organization.Name, s.Project.Id, s.Project.Name, NeedMatcher.LeftOutText(s)));
        return new NeedMatchesDto(need.Id, need.Number, ranked.Count, [.. shown], [.. leftOut]);
    }

    /// <summary>The open public needs an organization's listed projects fit, best first (its own, unless the caller supervises).</summary>
    public async Task<FittingNeedsDto> ForOrganizationAsync(Guid? organizationId, int top, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsLists(user));
        var id = organizationId ?? (scope.Current.Organizations is [var only] ? only : Guid.Empty);
        if (id == Guid.Empty)
        {
            throw InputValidationException.For("organizationId", SupplyText.Get("ServiceProject_OrganizationRequired"));
        }

        if (SupplyPermissions.KeepsServiceProjects(user) && !SupplyPermissions.ReadsNeeds(user)
            && !scope.Current.Organizations.Contains(id))
        {
            throw new NotFoundException("Organization", id);
        }

        var org = (await facts.PublicFactsAsync([id], ct)).GetValueOrDefault(id) ?? throw new NotFoundException("Organization", id);
        if (!org.Active)
        {
            return new FittingNeedsDto(org.Id, org.Name, SupplyText.Get("Match_OrganizationInactive", org.StatusName), 0, []);
        }

        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var projects = await ProfilesAsync(all.ServiceProjects.Where(p => p.OrganizationId == id), ct);
        var fieldsServed = projects.Where(p => p.Listed && p.Load < p.Capacity).Select(p => p.Field).Distinct().ToList();
        var today = ChinaTime.Today(clock);
        var open = await all.Needs.AsNoTracking()
            .Where(n => n.Public && n.Status == NeedStatus.Open && n.AnswerBy >= today && fieldsServed.Contains(n.ServiceField))
            .ToListAsync(ct);
        var organizations = new Dictionary<Guid, OrganizationFacts> { [id] = org };
        // The organization's ratings per field, counted once (not once per need).
        var ratings = fieldsServed.ToDictionary(f => f, f => NeedMatcher.RatingsByOrganization(f, projects));
        var best = new List<(Need Need, Scored Scored, NeedProfile Profile)>();
        foreach (var need in open)
        {
            var profile = Profile(need);
            if (NeedMatcher.Rank(profile, projects, organizations, weights.Value, ratings[need.ServiceField])
                is [{ LeftOut: LeftOutReason.None } first, ..])
            {
                best.Add((need, first, profile));
            }
        }

        var chosen = best.OrderByDescending(b => b.Scored.Score).ThenBy(b => b.Need.AnswerBy).ThenBy(b => b.Need.Id).Take(Math.Clamp(top, 1,
            MaxShown)).ToList();
        var dtos = await needs.DtosAsync(chosen.Select(c => c.Need), ct);
        return new FittingNeedsDto(org.Id, org.Name, null, best.Count, [.. chosen.Select((c, i) => new FittingNeedDto(dtos[i],
            c.Scored.Project.Id, c.Scored.Project.Name, NeedMatcher.Round(c.Scored.Score), NeedMatcher.Explain(c.Profile, c.Scored.Project,
                org, ratings[c.Need.ServiceField][id], weights.Value)))]);
    }

    private static NeedProfile Profile(Need n) => new(n.Id, n.ServiceField, n.TargetGroup, n.RegionCode, n.RegionName, n.Budget);

    private static async Task<List<ProjectProfile>> ProfilesAsync(IQueryable<ServiceProject> query, CancellationToken ct) =>
        [.. (await query.AsNoTracking().Select(p => new
            {
                p.Id, p.OrganizationId, p.Name, p.ServiceField, p.TargetGroup, p.AreaCodes, p.PriceFrom, p.PriceTo, p.Capacity, p.Load,
                p.Status, p.RatingCount, p.RatingSum,
            }).ToListAsync(ct))
            .Select(p => new ProjectProfile(p.Id, p.OrganizationId, p.Name, p.ServiceField, p.TargetGroup,
                p.AreaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), p.PriceFrom, p.PriceTo, p.Capacity, p.Load,
                p.Status == ServiceProjectStatus.Listed, p.RatingCount, p.RatingSum))];
}
