using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Activities.Contracts;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Validation;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Features.Reviewing;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>A competition's call: rules, eligibility (fields, the most an entry may ask, the lowest grade), the due time, the
/// roadshow's minutes per team and the panel's rubric and rules.</summary>
public sealed record CompetitionInput(
    string? Title, string? Rules, IReadOnlyList<string>? Fields, decimal? MaxAmount, int? MinGrade, DateTimeOffset? ApplicationsDue,
    int? PresentMinutes, int? QuestionMinutes, IReadOnlyList<CriterionInput>? Rubric, bool? Normalize, bool? DropExtremes);

public sealed record EntryInput(string? Title, string? Summary, string? ServiceField, decimal? Amount);

/// <param name="RegionCode">The community the roadshow is in (taken from the venue when there is one).</param>
public sealed record RoadshowInput(DateTimeOffset? Start, Guid? VenueId, string? RegionCode);

public sealed record FundedInput(Guid EntryId, decimal? Amount);

public sealed record EntryDto(
    Guid Id, Guid OrganizationId, string OrganizationName, string Title, string Summary, string ServiceFieldName, decimal Amount,
    bool Eligible, IReadOnlyList<string> Screening, DateTimeOffset? RoadshowAt, decimal? FundedAmount, Guid? ProjectId,
    DateTimeOffset SubmittedAt, Guid? IncubationId = null);

public sealed record CompetitionCan(bool Apply, bool SeatJudges, bool Schedule, bool Score, bool CloseReview, bool Award);

/// <param name="Stage">Open (taking entries), Screening (due passed, roadshow not yet on the calendar), Roadshow (scheduled, the
/// panel scoring), Reviewed (the ranking final, to award) or Awarded.</param>
public sealed record CompetitionDto(
    Guid Id, string Number, string Title, string Rules, IReadOnlyList<string> FieldNames, decimal MaxAmount, int MinGrade,
    DateTimeOffset ApplicationsDue, string Stage, string StageName, int PresentMinutes, int QuestionMinutes, DateTimeOffset? RoadshowStart,
    Guid? RoadshowActivityId, IReadOnlyList<EntryDto> Entries, PanelDto Panel, CompetitionCan Can);

/// <summary>One funded or ranked entry of an awarded competition, as published: its place, who, what, the final score, the funding.
/// </summary>
public sealed record PublicResultDto(int? Place, string OrganizationName, string Title, decimal? Final, decimal? FundedAmount);

/// <param name="Results">After the award: every eligible entry in ranking order; empty before.</param>
public sealed record PublicCompetitionDto(
    Guid Id, string Number, string Title, string Rules, IReadOnlyList<string> FieldNames, decimal MaxAmount, int MinGrade,
    DateTimeOffset ApplicationsDue, string Stage, string StageName, DateTimeOffset? RoadshowStart, int Entries,
    IReadOnlyList<PublicResultDto> Results);

public sealed record CompetitionBrief(Guid Id, string Number, string Title, DateTimeOffset ApplicationsDue, string Stage, string StageName,
    int Entries);

/// <summary>
/// Micro-venture philanthropy competitions (公益创投): an operator opens a call with rules and a rubric; organizations enter,
/// each entry screened against the rules when submitted, with every reason it fails; after the due time the roadshow goes on
/// the calendar (the eligible entries in the order they came, each so many minutes to present and to answer); judges score the
/// eligible entries on the shared panel (recusal, hidden scores, the stated tie rule); after the close the operator funds
/// entries from the ranking, and each funded entry enters Projects at intake. Calls are public: every back-office user reads
/// them; an organization sees its own entries, judges and the organizer all of them.
/// </summary>
internal sealed class Competitions(
    SupplyDbContext db, IServiceScopeFactory scopes, Panels panels, Needs needs, IOrganizationFacts facts, IEventBooking calendar,
    IProjectIntake intake, IIncubatorIntake incubators, IDataScopeProvider scope, ICurrentUser user, IIdempotentRequest idempotency,
        TimeProvider clock)
{
    public async Task<CompetitionDto> OpenAsync(CompetitionInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.RunsCompetitions(user), "Competition_CannotRun");
        if (idempotency.EffectKey is { } effect
            && await db.Competitions.AsNoTracking().FirstOrDefaultAsync(c => c.CreatedByRequest == effect, ct) is { } made)
        {
            return await GetAsync(made.Id, ct);
        }

        var problems = new InputProblems(SupplyText.Get);
        var fields = await needs.FieldsAsync(ct);
        var chosen = (input.Fields ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList();
        if (chosen.Any(f => !fields.ContainsKey(f)))
        {
            problems.Add("fields", SupplyText.Get("Need_UnknownField", string.Join(", ", fields.Keys)));
        }

        var now = clock.GetUtcNow();
        var competition = new Competition
        {
            Id = Guid.CreateVersion7(), Title = problems.Text("title", "Competition_Title", input.Title, 100),
            Rules = problems.Text("rules", "Competition_Rules", input.Rules, 4000, multiline: true), Fields = string.Join(',', chosen),
            MaxAmount = problems.Money("maxAmount", "Competition_MaxAmount", input.MaxAmount), MinGrade = input.MinGrade ?? 0,
            PresentMinutes = input.PresentMinutes ?? 8, QuestionMinutes = input.QuestionMinutes ?? 7, CreatedBy = user.UserName ?? "system",
            CreatedAt = now, CreatedByRequest = idempotency.EffectKey,
            RegionCode = scope.Current.Districts is [var district, ..] ? district : scope.Current.Streets is [var street, ..] ? street : "",
        };
        if (input.MaxAmount is null or <= 0)
        {
            problems.Add("maxAmount", SupplyText.Get("Competition_MaxAmountRequired"));
        }

        if (competition.MinGrade is < 0 or > 5)
        {
            problems.Add("minGrade", SupplyText.Get("Competition_BadGrade"));
        }

        if (competition.PresentMinutes is < 1 or > 60 || competition.QuestionMinutes is < 0 or > 60)
        {
            problems.Add("presentMinutes", SupplyText.Get("Competition_BadMinutes"));
        }

        if (input.ApplicationsDue is not { } due || due <= now.AddHours(1) || due > now.AddDays(180))
        {
            problems.Add("applicationsDue", SupplyText.Get("Procurement_BadDue"));
        }

        if (competition.RegionCode.Length == 0)
        {
            problems.Add("regionCode", SupplyText.Get("Competition_NoRegion"));
        }

        var rubric = Panels.CheckRubric(input.Rubric, problems);
        problems.ThrowIfAny();
        competition.ApplicationsDue = input.ApplicationsDue!.Value.ToUniversalTime();
        var panel = Panels.New(PanelKind.Competition, competition.Id, competition.RegionCode, rubric, new RankingRules(
            input.Normalize == true, input.DropExtremes == true));
        competition.PanelId = panel.Id;
        competition.Number = await NextNumberAsync(ct);
        db.Panels.Add(panel);
        db.Competitions.Add(competition);
        await db.SaveChangesAsync(ct);
        return await GetAsync(competition.Id, ct);
    }

    /// <summary>Every call, newest first (calls are public).</summary>
    /// <summary>The eligible entries a judge has yet to score (not recused, not declared) in competitions past their due time whose
    /// review is open, and the competition to go to when they are all in one.</summary>
    public async Task<(int Count, Guid? Only)> ToScoreAsync(CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var name = user.UserName ?? "";
        var now = clock.GetUtcNow();
        var seats = await all.PanelJudges.AsNoTracking().Where(j => j.UserName == name
            && all.Panels.Any(x => x.Id == j.PanelId && x.ClosedAt == null)).ToDictionaryAsync(j => j.PanelId, ct);
        var panelIds = seats.Keys.ToList();
        var calls = await all.Competitions.AsNoTracking().Where(c => panelIds.Contains(c.PanelId) && c.ApplicationsDue <= now)
            .Select(c => new { c.Id, c.PanelId }).ToListAsync(ct);
        var callIds = calls.Select(c => c.Id).ToList();
        var entries = await all.CompetitionEntries.AsNoTracking().Where(e => callIds.Contains(e.CompetitionId) && e.Eligible)
            .ToListAsync(ct);
        var done = (await all.PanelScores.Where(x => panelIds.Contains(x.PanelId) && x.UserName == name).Select(x => x.EntryId)
            .ToListAsync(ct)).Concat(await all.PanelConflicts.Where(x => panelIds.Contains(x.PanelId) && x.UserName == name)
            .Select(x => x.EntryId).ToListAsync(ct)).ToHashSet();
        var panelOf = calls.ToDictionary(c => c.Id, c => c.PanelId);
        var waiting = entries.Where(e => !done.Contains(e.Id) && Panels.RecusalOf(seats[panelOf[e.CompetitionId]],
            new PanelEntry(e.Id, e.OrganizationId, "", e.SubmittedAt), null) is null).ToList();
        var only = waiting.Select(e => e.CompetitionId).Distinct().ToList();
        return (waiting.Count, only.Count == 1 ? only[0] : null);
    }

    /// <summary>
    /// For anyone (公示): the latest competitions with their rules and stage, how many entered, and once awarded the results — each
    /// eligible entry's place, organization, title, final score and funding. Judges' names and single scores stay in the back office.
    /// </summary>
    public async Task<IReadOnlyList<PublicCompetitionDto>> PublicListAsync(CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var list = await all.Competitions.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(50).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var entries = await all.CompetitionEntries.AsNoTracking().Where(e => ids.Contains(e.CompetitionId)).ToListAsync(ct);
        var names = await facts.PublicFactsAsync([.. entries.Select(e => e.OrganizationId).Distinct()], ct);
        var fields = await needs.FieldsAsync(ct);
        var result = new List<PublicCompetitionDto>();
        foreach (var c in list)
        {
            var panel = await all.Panels.AsNoTracking().FirstAsync(p => p.Id == c.PanelId, ct);
            var own = entries.Where(e => e.CompetitionId == c.Id).ToList();
            var results = new List<PublicResultDto>();
            if (c.AwardedAt is not null)
            {
                var byId = own.ToDictionary(e => e.Id);
                var view = await panels.ViewAsync(all, panel, [.. own.Where(e => e.Eligible).Select(e => new PanelEntry(e.Id,
                    e.OrganizationId, e.Title, e.SubmittedAt))], ct);
                results.AddRange(view.Entries.Select(e => new PublicResultDto(e.Place,
                    names.GetValueOrDefault(e.OrganizationId)?.Name ?? "",
                    byId[e.EntryId].Title, e.Final, byId[e.EntryId].FundedAmount)));
            }

            var stage = StageOf(c, panel.ClosedAt is not null);
            result.Add(new PublicCompetitionDto(c.Id, c.Number, c.Title, c.Rules, [.. c.Fields.Split(',',
                StringSplitOptions.RemoveEmptyEntries).Select(f => fields.GetValueOrDefault(f, f))], c.MaxAmount, c.MinGrade,
                c.ApplicationsDue, stage, SupplyText.Get("CompetitionStage_" + stage), c.RoadshowStart, own.Count, results));
        }

        return result;
    }

    public async Task<IReadOnlyList<CompetitionBrief>> ListAsync(CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var list = await all.Competitions.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var counts = await all.CompetitionEntries.Where(e => ids.Contains(e.CompetitionId)).GroupBy(e => e.CompetitionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var closed = await all.Panels.Where(p => ids.Contains(p.SubjectId) && p.ClosedAt != null).Select(p => p.SubjectId).ToListAsync(ct);
        return [.. list.Select(c =>
        {
            var stage = StageOf(c, closed.Contains(c.Id));
            return new CompetitionBrief(c.Id, c.Number, c.Title, c.ApplicationsDue, stage, SupplyText.Get("CompetitionStage_" + stage),
                counts.GetValueOrDefault(c.Id));
        })];
    }

    public async Task<CompetitionDto> GetAsync(Guid id, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsCompetitions(user));
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var competition = await all.Competitions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Competition", id);
        return await DtoAsync(competition, all, ct);
    }

    /// <summary>An organization enters, before the due time, once; the entry is screened against the rules at once and every
    /// failing rule named (an ineligible entry is kept, so the organization and the organizer see why).</summary>
    public async Task<EntryDto> EnterAsync(Guid id, EntryInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.EntersCompetitions(user), "Competition_CannotEnter");
        var mine = Mine;
        if (mine.Count != 1)
        {
            throw new ForbiddenException(SupplyText.Get("Competition_CannotEnter"));
        }

        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var competition = await all.Competitions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Competition", id);
        var problems = new InputProblems(SupplyText.Get);
        var fields = await needs.FieldsAsync(ct);
        var entry = new CompetitionEntry
        {
            Id = Guid.CreateVersion7(), CompetitionId = id, OrganizationId = mine[0], RegionCode = competition.RegionCode,
            Title = problems.Text("title", "Entry_Title", input.Title, 100),
            Summary = problems.Text("summary", "Entry_Summary", input.Summary, 4000, multiline: true),
            ServiceField = input.ServiceField?.Trim() ?? "", Amount = problems.Money("amount", "Entry_Amount", input.Amount),
            SubmittedBy = user.UserName ?? "system", SubmittedAt = clock.GetUtcNow(),
        };
        if (!fields.ContainsKey(entry.ServiceField))
        {
            problems.Add("serviceField", SupplyText.Get("Need_UnknownField", string.Join(", ", fields.Keys)));
        }

        if (input.Amount is null or <= 0)
        {
            problems.Add("amount", SupplyText.Get("Entry_AmountRequired"));
        }

        if (clock.GetUtcNow() >= competition.ApplicationsDue)
        {
            throw SupplyRules.EntriesClosed.Broken(competition.Number, Shown(competition.ApplicationsDue));
        }

        problems.ThrowIfAny();
        var organization = (await facts.PublicFactsAsync([entry.OrganizationId], ct)).GetValueOrDefault(entry.OrganizationId);
        var reasons = Screen(competition, entry, organization, fields);
        (entry.Eligible, entry.Screening) = (reasons.Count == 0, string.Join('\n', reasons));
        all.CompetitionEntries.Add(entry);
        try
        {
            await all.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw SupplyRules.AlreadyEntered.Broken(competition.Number);
        }

        return (await EntryDtosAsync([entry], ct))[0];
    }

    /// <summary>Every rule the entry fails, in the reader's language: the organization not active, its grade below the lowest
    /// allowed, the field not among the call's, the amount above the most an entry may ask.</summary>
    public static List<string> Screen(Competition competition, CompetitionEntry entry, OrganizationFacts? organization,
        IReadOnlyDictionary<string, string> fields)
    {
        var reasons = new List<string>();
        if (organization is not { Active: true })
        {
            reasons.Add(SupplyText.Get("Screen_NotActive", organization?.StatusName ?? ""));
        }

        if (competition.MinGrade > 0 && (organization?.Grade ?? 0) < competition.MinGrade)
        {
            reasons.Add(SupplyText.Get("Screen_Grade", competition.MinGrade));
        }

        var allowed = competition.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (allowed.Length > 0 && !allowed.Contains(entry.ServiceField))
        {
            reasons.Add(SupplyText.Get("Screen_Field", string.Join("、", allowed.Select(f => fields.GetValueOrDefault(f, f)))));
        }

        if (entry.Amount > competition.MaxAmount)
        {
            reasons.Add(SupplyText.Get("Screen_Amount", competition.MaxAmount.ToString("N0", CultureInfo.CurrentCulture)));
        }

        return reasons;
    }

    /// <summary>Puts the roadshow on the calendar after the due time: the eligible entries in the order they came, each
    /// <see cref="Competition.PresentMinutes"/> + <see cref="Competition.QuestionMinutes"/>; the calendar refuses a clash.</summary>
    public async Task<CompetitionDto> ScheduleRoadshowAsync(Guid id, RoadshowInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.RunsCompetitions(user), "Competition_CannotRun");
        var competition = await db.Competitions.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Competition", id);
        if (clock.GetUtcNow() < competition.ApplicationsDue)
        {
            throw SupplyRules.EntriesStillOpen.Broken(Shown(competition.ApplicationsDue));
        }

        if (competition.RoadshowActivityId is not null)
        {
            throw SupplyRules.RoadshowScheduled.Broken();
        }

        if (input.Start is not { } requested || requested <= clock.GetUtcNow())
        {
            throw InputValidationException.For("start", SupplyText.Get("Roadshow_BadStart"));
        }

        var start = requested.ToUniversalTime();

        var entries = await db.CompetitionEntries.Where(e => e.CompetitionId == id && e.Eligible).OrderBy(e =>
            e.SubmittedAt).ToListAsync(ct);
        if (entries.Count == 0)
        {
            throw SupplyRules.NoEligibleEntries.Broken();
        }

        var slot = TimeSpan.FromMinutes(competition.PresentMinutes + competition.QuestionMinutes);
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].RoadshowAt = start + (slot * i);
        }

        // Claimed first, by the database: of two schedulings at once one books the calendar; released if the calendar refuses.
        if (await db.Competitions.Where(c => c.Id == id && c.RoadshowStart == null).ExecuteUpdateAsync(u => u.SetProperty(c =>
            c.RoadshowStart, (DateTimeOffset?)start), ct) == 0)
        {
            throw SupplyRules.RoadshowScheduled.Broken();
        }

        try
        {
            competition.RoadshowActivityId = await calendar.BookAsync(new EventBooking(SupplyText.Get("Roadshow_Title",
                competition.Title), SupplyText.Get("Roadshow_Description", entries.Count, competition.PresentMinutes,
                competition.QuestionMinutes), input.RegionCode?.Trim() ?? "", input.VenueId, start, start + (slot * entries.Count),
                entries.Count * 3), ct);
        }
        catch
        {
            await db.Competitions.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.RoadshowStart,
                (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }

        competition.RoadshowStart = start;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public Task<CompetitionDto> SeatJudgeAsync(Guid id, string? userName, CancellationToken ct) =>
        ManageAsync(id, (c, panel, all) => panels.SeatAsync(all, panel, userName, ct), ct);

    public Task<CompetitionDto> CloseReviewAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, (c, panel, all) => c.ApplicationsDue > clock.GetUtcNow()
            ? throw SupplyRules.EntriesStillOpen.Broken(Shown(c.ApplicationsDue)) : panels.CloseAsync(all, panel, ct), ct);

    public Task<CompetitionDto> ScoreAsync(Guid id, Guid entryId, ScoreInput input, CancellationToken ct) =>
        JudgeAsync(id, entryId, (all, panel, entry) => panels.ScoreAsync(all, panel, entry, input.Scores, input.Comment, ct), ct);

    public Task<CompetitionDto> DeclareConflictAsync(Guid id, Guid entryId, string? reason, CancellationToken ct) =>
        JudgeAsync(id, entryId, (all, panel, entry) => panels.DeclareAsync(all, panel, entry, reason, ct), ct);

    /// <summary>Funds entries after the panel's close, once: each amount within what the entry asked; each funded entry becomes a
    /// project at intake, funded by the competition, and enters the incubator chosen (if any) with the operator as its steward.
    /// </summary>
    public Task<CompetitionDto> AwardAsync(Guid id, IReadOnlyList<FundedInput>? funded, Guid? incubatorId, CancellationToken ct) =>
        ManageAsync(id, async (c, panel, all) =>
        {
            if (panel.ClosedAt is null)
            {
                throw SupplyRules.ReviewNotClosed.Broken();
            }

            if (c.AwardedAt is not null)
            {
                throw SupplyRules.AlreadyAwarded.Broken(c.Number);
            }

            var entries = await all.CompetitionEntries.Where(e => e.CompetitionId == id && e.Eligible).ToDictionaryAsync(e => e.Id, ct);
            var problems = new InputProblems(SupplyText.Get);
            var list = funded ?? [];
            if (list.Count == 0 || list.Select(f => f.EntryId).Distinct().Count() != list.Count)
            {
                problems.Add("funded", SupplyText.Get("Award_NoneFunded"));
            }

            foreach (var f in list)
            {
                if (!entries.TryGetValue(f.EntryId, out var entry) || f.Amount is not { } amount || amount <= 0 || amount > entry.Amount
                    || decimal.Round(amount, 2) != amount)
                {
                    problems.Add($"funded.{f.EntryId}", SupplyText.Get("Award_BadFunding", entry?.Title ?? f.EntryId.ToString()));
                }
            }

            if (incubatorId is { } chosen && (await incubators.IncubatorsAsync(ct)).All(i => i.Id != chosen))
            {
                problems.Add("incubatorId", SupplyText.Get("Award_BadIncubator"));
            }

            problems.ThrowIfAny();
            // Claimed first, by the database: of two awards at once one funds, the other is refused, and projects are made once.
            var now = clock.GetUtcNow();
            if (await all.Competitions.Where(x => x.Id == id && x.AwardedAt == null).ExecuteUpdateAsync(u => u.SetProperty(x =>
                x.AwardedAt, now), ct) == 0)
            {
                throw SupplyRules.AlreadyAwarded.Broken(c.Number);
            }

            try
            {
                var today = ChinaTime.Today(clock);
                foreach (var f in list)
                {
                    var entry = entries[f.EntryId];
                    entry.FundedAmount = f.Amount;
                    entry.ProjectId = await intake.CreateAsync(new ProjectIntake(entry.OrganizationId, entry.Title, entry.Summary,
                        entry.ServiceField, today.AddDays(15), today.AddDays(380), c.Title, f.Amount!.Value), ct);
                    if (incubatorId is { } incubator)
                    {
                        entry.IncubationId = await incubators.AdmitAsync(incubator, entry.OrganizationId, entry.ProjectId.Value, ct);
                    }
                }
            }
            catch
            {
                // Not awarded after all (another module refused): the operator may try again.
                await all.Competitions.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AwardedAt,
                    (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }

            c.AwardedAt = now;
        }, ct);

    private async Task<CompetitionDto> ManageAsync(Guid id, Func<Competition, Panel, SupplyDbContext, Task> change, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.RunsCompetitions(user), "Competition_CannotRun");
        if (!await db.Competitions.AnyAsync(c => c.Id == id, ct))
        {
            throw new NotFoundException("Competition", id);
        }

        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var competition = await all.Competitions.FirstAsync(c => c.Id == id, ct);
        var panel = await all.Panels.FirstAsync(p => p.Id == competition.PanelId, ct);
        await change(competition, panel, all);
        await all.SaveChangesAsync(ct);
        return await DtoAsync(competition, all, ct);
    }

    private async Task<CompetitionDto> JudgeAsync(Guid id, Guid entryId, Func<SupplyDbContext, Panel, PanelEntry, Task> act,
        CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var competition = await all.Competitions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Competition", id);
        if (!await panels.IsJudgeAsync(all, competition.PanelId, ct))
        {
            throw SupplyRules.NotAJudge.Broken();
        }

        if (clock.GetUtcNow() < competition.ApplicationsDue)
        {
            throw SupplyRules.EntriesStillOpen.Broken(Shown(competition.ApplicationsDue));
        }

        var entry = await all.CompetitionEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.CompetitionId == id
            && e.Eligible,
            ct) ?? throw new NotFoundException("CompetitionEntry", entryId);
        var panel = await all.Panels.FirstAsync(p => p.Id == competition.PanelId, ct);
        await act(all, panel, new PanelEntry(entry.Id, entry.OrganizationId, entry.Title, entry.SubmittedAt));
        return await DtoAsync(competition, all, ct);
    }

    private async Task<CompetitionDto> DtoAsync(Competition c, SupplyDbContext all, CancellationToken ct)
    {
        var panel = await all.Panels.AsNoTracking().FirstAsync(p => p.Id == c.PanelId, ct);
        var entries = await all.CompetitionEntries.AsNoTracking().Where(e => e.CompetitionId == c.Id).OrderBy(e =>
            e.SubmittedAt).ToListAsync(ct);
        var mine = Mine;
        var organizer = SupplyPermissions.SeesAllEntries(user);
        var judge = await panels.IsJudgeAsync(all, c.PanelId, ct);
        var due = clock.GetUtcNow() >= c.ApplicationsDue;
        // The organizer sees every entry; a judge the eligible ones once entries close; an organization its own.
        var shown = entries.Where(e => organizer || (judge && due && e.Eligible) || mine.Contains(e.OrganizationId)).ToList();
        var dtos = await EntryDtosAsync(shown, ct);
        var eligible = entries.Where(e => e.Eligible).Select(e => new PanelEntry(e.Id, e.OrganizationId, e.Title, e.SubmittedAt)).ToList();
        var panelView = await panels.ViewAsync(all, panel, due ? eligible : [], ct);
        var fields = await needs.FieldsAsync(ct);
        var stage = StageOf(c, panel.ClosedAt is not null);
        var can = new CompetitionCan(
            stage == "Open" && SupplyPermissions.EntersCompetitions(user) && mine.Count == 1 && !entries.Any(e =>
                mine.Contains(e.OrganizationId)),
            organizer && SupplyPermissions.RunsCompetitions(user) && panel.ClosedAt is null,
            SupplyPermissions.RunsCompetitions(user) && stage == "Screening",
            panelView.IAmJudge && stage is "Screening" or "Roadshow", SupplyPermissions.RunsCompetitions(user)
                && stage is "Screening" or "Roadshow",
            SupplyPermissions.RunsCompetitions(user) && stage == "Reviewed");
        return new CompetitionDto(c.Id, c.Number, c.Title, c.Rules, [.. c.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => fields.GetValueOrDefault(f, f))], c.MaxAmount, c.MinGrade, c.ApplicationsDue, stage,
            SupplyText.Get("CompetitionStage_" + stage), c.PresentMinutes, c.QuestionMinutes, c.RoadshowStart, c.RoadshowActivityId, dtos,
            panelView, can);
    }

    private async Task<IReadOnlyList<EntryDto>> EntryDtosAsync(IReadOnlyList<CompetitionEntry> list, CancellationToken ct)
    {
        var names = await facts.PublicFactsAsync([.. list.Select(e => e.OrganizationId).Distinct()], ct);
        var fields = await needs.FieldsAsync(ct);
        return [.. list.Select(e => new EntryDto(e.Id, e.OrganizationId, names.GetValueOrDefault(e.OrganizationId)?.Name ?? "", e.Title,
            e.Summary, fields.GetValueOrDefault(e.ServiceField, e.ServiceField), e.Amount, e.Eligible,
            e.Screening.Split('\n', StringSplitOptions.RemoveEmptyEntries), e.RoadshowAt, e.FundedAmount, e.ProjectId, e.SubmittedAt,
            e.IncubationId))];
    }

    private string StageOf(Competition c, bool reviewed) =>
        c.AwardedAt is not null ? "Awarded"
        : reviewed ? "Reviewed"
        : clock.GetUtcNow() < c.ApplicationsDue ? "Open"
        : c.RoadshowActivityId is null ? "Screening" : "Roadshow";

    private IReadOnlyList<Guid> Mine => SupplyCaller.OrganizationsOf(scope);

    private static string Shown(DateTimeOffset at) => SupplyCaller.Shown(at);

    private async Task<string> NextNumberAsync(CancellationToken ct)
    {
        var prefix = "GC" + ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var count = await all.Competitions.CountAsync(c => c.Number.StartsWith(prefix), ct);
        return prefix + (count + 1).ToString("000", CultureInfo.InvariantCulture);
    }
}
