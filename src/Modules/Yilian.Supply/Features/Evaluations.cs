using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Validation;
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

/// <summary>What the one-tap rating page shows: the service delivered, to whom, and the person's own rating once given.</summary>
/// <param name="Personal">The link is one person's own (sent by SMS): it rates once without signing in.</param>
public sealed record ServedRatingView(
    string ServiceProjectName, string OrganizationName, string RegionName, string NeedTitle, int Ratings, double? Mean, int? MyScore,
    bool Personal = false);

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

        var problems = new InputProblems(SupplyText.Get);
        CheckScore(problems, input.Score);

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
        await SaveCountedAsync(all, evaluation, need.Number, project.Name, ct);
        return (await DtosAsync([evaluation], all, ct))[0];
    }

    /// <summary>The service behind a rating link (a delivered purchase's, or one person's own), or not found.</summary>
    public async Task<ServedRatingView> ServedAsync(string token, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var (procurement, need, project, person) = await DeliveredAsync(all, token, ct);
        var served = all.Evaluations.Where(e => e.NeedId == need.Id && e.Source == EvaluationSource.Beneficiary);
        var count = await served.CountAsync(ct);
        var mean = count == 0 ? (double?)null : await served.AverageAsync(e => (double)e.Score, ct);
        var key = RaterKey(person);
        var mine = key is null ? null : await served.Where(e => e.RaterKey == key).Select(e => (int?)e.Score).FirstOrDefaultAsync(ct);
        var names = await facts.PublicFactsAsync([project.OrganizationId], ct);
        return new ServedRatingView(project.Name, names.GetValueOrDefault(project.OrganizationId)?.Name ?? "", procurement.RegionName,
            need.Title, count, mean is { } m ? Math.Round(m, 1) : null, mine, person is not null);
    }

    /// <summary>
    /// A person served rates the delivered service in one tap: from their own link (sent by SMS after the delivery) without an
    /// account, or from the shared link signed in as a resident or volunteer. Each rates once (a second time is refused), one to
    /// five, an optional comment; counted in the project's ratings in the same transaction, as the community's are.
    /// </summary>
    public async Task RateServedAsync(string token, int? score, string? comment, CancellationToken ct)
    {
        var problems = new InputProblems(SupplyText.Get);
        CheckScore(problems, score);

        var text = problems.Text("comment", "Evaluation_Comment", comment, 500, multiline: true, optional: true);
        problems.ThrowIfAny();
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var (_, need, project, person) = await DeliveredAsync(all, token, ct);
        if (person is null)
        {
            SupplyPermissions.Require(SupplyPermissions.RatesAsBeneficiary(user), "Evaluation_CannotRateServed");
        }

        var evaluation = new Evaluation
        {
            Id = Guid.CreateVersion7(), ServiceProjectId = project.Id, OrganizationId = project.OrganizationId, NeedId = need.Id,
            RegionCode = need.RegionCode, Source = EvaluationSource.Beneficiary, Score = score!.Value, Comment = text,
            RatedBy = person is null ? user.UserName ?? "" : person.Masked, RaterKey = RaterKey(person)!, RatedAt = clock.GetUtcNow(),
        };
        await SaveCountedAsync(all, evaluation, need.Number, project.Name, ct);
    }

    /// <summary>Who rates from this link: the person it was sent to, else the signed-in account (null when signed out).</summary>
    private string? RaterKey(ServedPerson? person) => person is not null ? Evaluation.ServedRaterPrefix + person.Id
        : user.UserId is { } id ? "user:" + id : null;

    /// <summary>Saves a rating and counts it on its project in the same transaction, by the database (two ratings at once both
    /// count); a second rating by the same rater is refused by the unique index.</summary>
    internal static async Task SaveCountedAsync(SupplyDbContext all, Evaluation evaluation, string needNumber, string projectName,
        CancellationToken ct)
    {
        await using var transaction = await all.Database.BeginTransactionAsync(ct);
        all.Evaluations.Add(evaluation);
        try
        {
            await all.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw SupplyRules.AlreadyRated.Broken(needNumber, projectName);
        }

        await all.ServiceProjects.Where(p => p.Id == evaluation.ServiceProjectId).ExecuteUpdateAsync(
            u => u.SetProperty(p => p.RatingCount, p => p.RatingCount + 1)
                .SetProperty(p => p.RatingSum, p => p.RatingSum + evaluation.Score),
            ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The delivered purchase behind a link: the shared link's, or the one whose person served holds this token.</summary>
    private static async Task<(Procurement Procurement, Need Need, ServiceProject Project, ServedPerson? Person)> DeliveredAsync(
        SupplyDbContext all, string token, CancellationToken ct)
    {
        Procurement? procurement = null;
        ServedPerson? person = null;
        if (!string.IsNullOrEmpty(token) && token.Length <= 40)
        {
            person = await all.ServedPeople.AsNoTracking().FirstOrDefaultAsync(x => x.Token == token, ct);
            var id = person?.ProcurementId;
            procurement = await all.Procurements.AsNoTracking().FirstOrDefaultAsync(p => (id == null ? p.RatingToken == token : p.Id == id)
                && p.Status == ProcurementStatus.Delivered, ct);
        }

        if (procurement is null)
        {
            throw new NotFoundException("RatingLink", Guid.Empty);
        }

        var need = await all.Needs.AsNoTracking().FirstAsync(n => n.Id == procurement.NeedId, ct);
        return (procurement, need, await AwardedProjectAsync(all, procurement, ct), person);
    }

    /// <summary>A rating is one to five, whoever gives it.</summary>
    internal static void CheckScore(InputProblems problems, int? score)
    {
        if (score is not (>= 1 and <= 5))
        {
            problems.Add("score", SupplyText.Get("Evaluation_BadScore"));
        }
    }

    /// <summary>The service project a purchase was awarded to: what its ratings rate.</summary>
    internal static Task<ServiceProject> AwardedProjectAsync(SupplyDbContext all, Procurement procurement, CancellationToken ct) =>
        all.Proposals.Where(p => p.Id == procurement.AwardedProposalId)
            .Join(all.ServiceProjects, p => p.ServiceProjectId, s => s.Id, (p, s) => s).AsNoTracking().FirstAsync(ct);

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
