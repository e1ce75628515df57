using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>A community's rating of the work that met its need: which service project did it, one to five, and why.</summary>
public sealed record EvaluationInput(Guid? NeedId, Guid? ServiceProjectId, int? Score, string? Comment);

public sealed record EvaluationDto(
    Guid Id, Guid ServiceProjectId, string ServiceProjectName, Guid OrganizationId, string OrganizationName, Guid? NeedId,
    string? NeedNumber, string Source, string SourceName, int Score, string Comment, DateTimeOffset RatedAt);

public sealed record EvaluationFilter(Guid? OrganizationId, Guid? ServiceProjectId, Guid? NeedId);

/// <summary>
/// The evaluations list (评价清单): every rating, linked to the service project it rates and the need it met. The community that
/// asked rates once per project per need, after the need is met; the rating is added to the project's count in the same
/// transaction, so the next matching already weighs it. The public list shows ratings without who gave them.
/// </summary>
internal sealed class Evaluations(SupplyDbContext db, IServiceScopeFactory scopes, IOrganizationFacts facts, ICurrentUser user,
    IIdempotentRequest idempotency, TimeProvider clock)
{
    public async Task<EvaluationDto> RateAsync(EvaluationInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.RatesWork(user), "Evaluation_CannotRate");
        if (idempotency.EffectKey is { } effect
            && await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.CreatedByRequest == effect, ct) is { } made)
        {
            await using var again = SystemScope.Begin(scopes);
            return (await DtosAsync([made], again.ServiceProvider.GetRequiredService<SupplyDbContext>(), ct))[0];
        }

        var problems = new InputProblems();
        if (input.Score is not (>= 1 and <= 5))
        {
            problems.Add("score", SupplyText.Get("Evaluation_BadScore"));
        }

        var comment = problems.Text("comment", "Evaluation_Comment", input.Comment, 500, multiline: true, optional: true);
        if (input.NeedId is null)
        {
            problems.Add("needId", SupplyText.Get("Evaluation_NeedRequired"));
        }

        if (input.ServiceProjectId is null)
        {
            problems.Add("serviceProjectId", SupplyText.Get("Evaluation_ProjectRequired"));
        }

        problems.ThrowIfAny();
        // The need is the caller's (their scope); the project is public, read district-wide with the rating's write.
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == input.NeedId, ct)
            ?? throw new NotFoundException("Need", input.NeedId!.Value);
        if (need.Status != NeedStatus.Closed)
        {
            throw SupplyRules.NotYetMet.Broken(need.Number);
        }

        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var project = await all.ServiceProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ServiceProjectId, ct)
            ?? throw new NotFoundException("ServiceProject", input.ServiceProjectId!.Value);
        if (await all.Evaluations.AnyAsync(e => e.NeedId == need.Id && e.ServiceProjectId == project.Id
            && e.Source == EvaluationSource.Community, ct))
        {
            throw SupplyRules.AlreadyRated.Broken(need.Number, project.Name);
        }

        var evaluation = new Evaluation
        {
            Id = Guid.CreateVersion7(), ServiceProjectId = project.Id, OrganizationId = project.OrganizationId, NeedId = need.Id,
            RegionCode = need.RegionCode, Source = EvaluationSource.Community, Score = input.Score!.Value, Comment = comment,
            RatedBy = user.UserName ?? "system", RatedAt = clock.GetUtcNow(), CreatedByRequest = idempotency.EffectKey,
        };
        await using var transaction = await all.Database.BeginTransactionAsync(ct);
        all.Evaluations.Add(evaluation);
        try
        {
            await all.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw SupplyRules.AlreadyRated.Broken(need.Number, project.Name);
        }

        // Counted in the same transaction, by the database (two ratings at once both count).
        await all.ServiceProjects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(
            u => u.SetProperty(p => p.RatingCount, p => p.RatingCount + 1).SetProperty(p => p.RatingSum, p => p.RatingSum
                + evaluation.Score),
            ct);
        await transaction.CommitAsync(ct);
        return (await DtosAsync([evaluation], all, ct))[0];
    }

    /// <summary>Ratings in scope: a community's own, an organization's received, the district's.</summary>
    public async Task<PagedResult<EvaluationDto>> ListAsync(EvaluationFilter filter, PageRequest page, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsLists(user));
        var found = await Filtered(db.Evaluations.AsNoTracking(), filter).OrderByDescending(e => e.RatedAt).ToPagedAsync(page, ct);
        await using var system = SystemScope.Begin(scopes);
        return new PagedResult<EvaluationDto>(await DtosAsync(found.Items, system.ServiceProvider.GetRequiredService<SupplyDbContext>(),
            ct),
            found.Total, found.Page, found.PageSize);
    }

    /// <summary>Every rating, newest first, for anyone (who gave it is not shown).</summary>
    public async Task<PagedResult<EvaluationDto>> PublicListAsync(EvaluationFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var found = await Filtered(all.Evaluations.AsNoTracking(), filter).OrderByDescending(e => e.RatedAt).ToPagedAsync(page, ct);
        return new PagedResult<EvaluationDto>(await DtosAsync(found.Items, all, ct), found.Total, found.Page, found.PageSize);
    }

    private static IQueryable<Evaluation> Filtered(IQueryable<Evaluation> query, EvaluationFilter filter)
    {
        if (filter.OrganizationId is { } org)
        {
            query = query.Where(e => e.OrganizationId == org);
        }

        if (filter.ServiceProjectId is { } project)
        {
            query = query.Where(e => e.ServiceProjectId == project);
        }

        if (filter.NeedId is { } need)
        {
            query = query.Where(e => e.NeedId == need);
        }

        return query;
    }

    /// <summary>Project names and need numbers are shown with each rating (both are on public lists): read with
    /// <paramref name="all"/>, a context of the system scope.</summary>
    private async Task<IReadOnlyList<EvaluationDto>> DtosAsync(IReadOnlyList<Evaluation> list, SupplyDbContext all, CancellationToken ct)
    {
        var projectIds = list.Select(e => e.ServiceProjectId).Distinct().ToList();
        var needIds = list.Where(e => e.NeedId is not null).Select(e => e.NeedId!.Value).Distinct().ToList();
        var projects = await all.ServiceProjects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p =>
            p.Name, ct);
        var numbers = await all.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Number, ct);
        var names = await facts.PublicFactsAsync([.. list.Select(e => e.OrganizationId).Distinct()], ct);
        return [.. list.Select(e => new EvaluationDto(
            e.Id, e.ServiceProjectId, projects.GetValueOrDefault(e.ServiceProjectId, ""), e.OrganizationId,
            names.TryGetValue(e.OrganizationId, out var o) ? o.Name : "", e.NeedId, e.NeedId is { } n ? numbers.GetValueOrDefault(n) : null,
            e.Source.ToString(), SupplyText.Get("EvaluationSource_" + e.Source), e.Score, e.Comment, e.RatedAt))];
    }
}
