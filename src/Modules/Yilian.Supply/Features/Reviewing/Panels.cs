using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features.Reviewing;

public sealed record CriterionInput(string? Name, int? Weight);

/// <summary>An entry a panel reviews (a proposal, an application), as its subject names it.</summary>
public sealed record PanelEntry(Guid Id, Guid OrganizationId, string Label, DateTimeOffset SubmittedAt);

public sealed record JudgeSeatDto(string UserName, string DisplayName, int Submitted, int Recused);

public sealed record EntryScoreDto(string UserName, string JudgeName, decimal Total, IReadOnlyDictionary<string, decimal> Scores,
    string Comment, DateTimeOffset SubmittedAt);

/// <summary>An entry as the caller sees it on the panel: a judge's own scores, why the judge is recused, the other judges' scores
/// once the judge has submitted (or the panel closed), and after the close its place and final score.</summary>
public sealed record PanelEntryDto(
    Guid EntryId, string Label, Guid OrganizationId, string? RecusedBecause, EntryScoreDto? Mine, IReadOnlyList<EntryScoreDto> Others,
    decimal? Final, int? Place, IReadOnlyList<CountedScoreDto> Counted, string? TieBrokenBy);

public sealed record CountedScoreDto(string JudgeName, decimal Raw, decimal Counted, bool Dropped);

public sealed record PanelDto(
    Guid Id, IReadOnlyList<Criterion> Rubric, bool Normalize, bool DropExtremes, string RulesText, bool Closed, DateTimeOffset? ClosedAt,
    IReadOnlyList<JudgeSeatDto> Judges, bool IAmJudge, IReadOnlyList<PanelEntryDto> Entries);

/// <summary>
/// The review panel machinery, shared by calls for proposals and competitions (decision 030): a rubric whose weights sum to 100,
/// judges seated by account, recusal where the data shows a conflict (the judge works for or mentors the entrant) or the judge
/// declared one, scores within each criterion's range, hidden from a judge until the judge's own are in, editable until the
/// close and final after it, and the ranking of <see cref="PanelRanking"/>. Works on a context of the system scope: judges
/// reach the entries through their seat, not their own data scope; the subject checks who may manage the panel.
/// </summary>
internal sealed class Panels(IAccountDirectory accounts, IOrganizationFacts facts, ICurrentUser user, TimeProvider clock)
{
    public const int MaxCriteria = 10;

    public static IReadOnlyList<Criterion> RubricOf(Panel panel) =>
        JsonSerializer.Deserialize<List<Criterion>>(panel.Rubric, JsonSerializerOptions.Web) ?? [];

    /// <summary>The default rubric of a call for proposals, in the reader's language when opened.</summary>
    public static IReadOnlyList<CriterionInput> DefaultRubric() =>
    [
        new(SupplyText.Get("Rubric_Plan"), 30), new(SupplyText.Get("Rubric_Budget"), 20), new(SupplyText.Get("Rubric_Team"), 20),
        new(SupplyText.Get("Rubric_Record"), 15), new(SupplyText.Get("Rubric_Community"), 15),
    ];

    /// <summary>A rubric from input: one to ten criteria, each named and weighted 1–100, the weights summing to 100.</summary>
    public static IReadOnlyList<Criterion> CheckRubric(IReadOnlyList<CriterionInput>? input, InputProblems problems)
    {
        var criteria = input ?? DefaultRubric();
        if (criteria.Count is 0 or > MaxCriteria)
        {
            problems.Add("rubric", SupplyText.Get("Rubric_Count", MaxCriteria));
            return [];
        }

        var rubric = new List<Criterion>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var name = problems.Text($"rubric[{i}].name", "Rubric_Name", criteria[i].Name, 40);
            if (criteria[i].Weight is not (>= 1 and <= 100))
            {
                problems.Add($"rubric[{i}].weight", SupplyText.Get("Rubric_Weight"));
            }

            rubric.Add(new Criterion($"c{i + 1}", name, criteria[i].Weight ?? 0));
        }

        if (rubric.Sum(c => c.Weight) != 100)
        {
            problems.Add("rubric", SupplyText.Get("Rubric_Sum", rubric.Sum(c => c.Weight)));
        }

        if (rubric.Select(c => c.Name).Distinct().Count() != rubric.Count)
        {
            problems.Add("rubric", SupplyText.Get("Rubric_Twice"));
        }

        return rubric;
    }

    public static Panel New(PanelKind kind, Guid subjectId, string regionCode, IReadOnlyList<Criterion> rubric, RankingRules rules) => new()
    {
        Id = Guid.CreateVersion7(), Kind = kind, SubjectId = subjectId, RegionCode = regionCode,
        Rubric = JsonSerializer.Serialize(rubric, JsonSerializerOptions.Web), Normalize = rules.Normalize,
            DropExtremes = rules.DropExtremes,
    };

    /// <summary>Seats a judge by account name, noting the organizations the account works for and mentors (for recusal).</summary>
    public async Task SeatAsync(SupplyDbContext all, Panel panel, string? userName, CancellationToken ct)
    {
        RequireOpen(panel);
        var account = string.IsNullOrWhiteSpace(userName) ? null : await accounts.FindByUserNameAsync(userName.Trim(), ct);
        if (account is null)
        {
            var problems = new InputProblems(SupplyText.Get);
            problems.Add("userName", SupplyText.Get("Panel_NoSuchAccount", userName ?? ""));
            problems.ThrowIfAny();
        }

        if (await all.PanelJudges.AnyAsync(j => j.PanelId == panel.Id && j.UserName == account!.UserName, ct))
        {
            throw SupplyRules.AlreadyJudge.Broken(account!.DisplayName);
        }

        var mentored = await facts.MentoredByAsync(account!.UserName, ct);
        all.PanelJudges.Add(new PanelJudge
        {
            Id = Guid.CreateVersion7(), PanelId = panel.Id, RegionCode = panel.RegionCode, UserName = account.UserName,
            DisplayName = account.DisplayName, WorksFor = string.Join(',', account.Organizations ?? []), Mentors = string.Join(',',
                mentored),
            SeatedAt = clock.GetUtcNow(),
        });
        await all.SaveChangesAsync(ct);
    }

    /// <summary>The judge declares a conflict with one entry and is recused from it (scores already given for it are removed).</summary>
    public async Task DeclareAsync(SupplyDbContext all, Panel panel, PanelEntry entry, string? reason, CancellationToken ct)
    {
        RequireOpen(panel);
        var judge = await SeatOfAsync(all, panel, ct) ?? throw SupplyRules.NotAJudge.Broken();
        var problems = new InputProblems(SupplyText.Get);
        var text = problems.Text("reason", "Panel_ConflictReason", reason, 200);
        problems.ThrowIfAny();
        if (!await all.PanelConflicts.AnyAsync(c => c.PanelId == panel.Id && c.EntryId == entry.Id && c.UserName == judge.UserName, ct))
        {
            all.PanelConflicts.Add(new PanelConflict
            {
                Id = Guid.CreateVersion7(), PanelId = panel.Id, EntryId = entry.Id, RegionCode = panel.RegionCode,
                    UserName = judge.UserName,
                Reason = text, DeclaredAt = clock.GetUtcNow(),
            });
        }

        await all.PanelScores.Where(s => s.PanelId == panel.Id && s.EntryId == entry.Id && s.UserName == judge.UserName)
            .ExecuteDeleteAsync(ct);
        await all.SaveChangesAsync(ct);
    }

    /// <summary>A judge's scores for one entry, each within its criterion's range; given again, they replace the judge's earlier
    /// ones, until the panel closes.</summary>
    public async Task ScoreAsync(SupplyDbContext all, Panel panel, PanelEntry entry, IReadOnlyDictionary<string, decimal>? scores,
        string? comment, CancellationToken ct)
    {
        RequireOpen(panel);
        var judge = await SeatOfAsync(all, panel, ct) ?? throw SupplyRules.NotAJudge.Broken();
        var declared = await all.PanelConflicts.Where(c => c.PanelId == panel.Id && c.EntryId == entry.Id && c.UserName == judge.UserName)
            .Select(c => c.Reason).FirstOrDefaultAsync(ct);
        if (RecusalOf(judge, entry, declared) is { } recused)
        {
            throw SupplyRules.Recused.Broken(entry.Label, recused);
        }

        var rubric = RubricOf(panel);
        var given = scores ?? new Dictionary<string, decimal>();
        var problems = new InputProblems(SupplyText.Get);
        foreach (var criterion in rubric)
        {
            if (!given.TryGetValue(criterion.Code, out var score) || score < 0 || score > criterion.Weight || decimal.Round(score,
                1) != score)
            {
                problems.Add($"scores.{criterion.Code}", SupplyText.Get("Panel_ScoreRange", criterion.Name, criterion.Weight));
            }
        }

        foreach (var unknown in given.Keys.Where(k => rubric.All(c => c.Code != k)))
        {
            problems.Add($"scores.{unknown}", SupplyText.Get("Panel_UnknownCriterion", unknown));
        }

        var note = problems.Text("comment", "Panel_Comment", comment, 1000, multiline: true, optional: true);
        problems.ThrowIfAny();
        var mine = await all.PanelScores.FirstOrDefaultAsync(s => s.PanelId == panel.Id && s.EntryId == entry.Id
            && s.UserName == judge.UserName,
            ct);
        if (mine is null)
        {
            mine = new PanelScore { Id = Guid.CreateVersion7(), PanelId = panel.Id, EntryId = entry.Id, RegionCode = panel.RegionCode,
                UserName = judge.UserName };
            all.PanelScores.Add(mine);
        }

        mine.Scores = JsonSerializer.Serialize(rubric.ToDictionary(c => c.Code, c => given[c.Code]));
        mine.Total = rubric.Sum(c => given[c.Code]);
        mine.Comment = note;
        mine.SubmittedAt = clock.GetUtcNow();
        try
        {
            await all.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same judge from two devices at once: the first stands, the second is told the panel changed.
            throw SupplyRules.ScoredMeanwhile.Broken(entry.Label);
        }
    }

    /// <summary>Ends scoring: scores are final and everyone who reads the panel sees the ranking with each judge's scores.</summary>
    public async Task CloseAsync(SupplyDbContext all, Panel panel, CancellationToken ct)
    {
        RequireOpen(panel);
        panel.ClosedAt = clock.GetUtcNow();
        panel.ClosedBy = user.UserName ?? "system";
        await all.SaveChangesAsync(ct);
    }

    public async Task<bool> IsJudgeAsync(SupplyDbContext all, Guid panelId, CancellationToken ct) =>
        user.UserName is { } name && await all.PanelJudges.AnyAsync(j => j.PanelId == panelId && j.UserName == name, ct);

    /// <summary>The panel as the caller sees it (see <see cref="PanelEntryDto"/>); entries in the subject's order.</summary>
    public async Task<PanelDto> ViewAsync(SupplyDbContext all, Panel panel, IReadOnlyList<PanelEntry> entries, CancellationToken ct)
    {
        var judges = await all.PanelJudges.AsNoTracking().Where(j => j.PanelId == panel.Id).OrderBy(j => j.SeatedAt).ToListAsync(ct);
        var scores = await all.PanelScores.AsNoTracking().Where(s => s.PanelId == panel.Id).ToListAsync(ct);
        var conflicts = await all.PanelConflicts.AsNoTracking().Where(c => c.PanelId == panel.Id).ToListAsync(ct);
        var rubric = RubricOf(panel);
        var closed = panel.ClosedAt is not null;
        var me = judges.FirstOrDefault(j => j.UserName == user.UserName);
        var names = judges.ToDictionary(j => j.UserName, j => j.DisplayName);
        EntryScoreDto Dto(PanelScore s) => new(s.UserName, names.GetValueOrDefault(s.UserName, s.UserName), s.Total,
            JsonSerializer.Deserialize<Dictionary<string, decimal>>(s.Scores) ?? [], s.Comment, s.SubmittedAt);

        var ranking = closed
            ? PanelRanking.Rank(rubric, [.. entries.Select(e => (e.Id, e.SubmittedAt))], [.. scores.Select(s => new JudgeScore(s.UserName,
                s.EntryId, JsonSerializer.Deserialize<Dictionary<string, decimal>>(s.Scores) ?? [], s.SubmittedAt))],
                new RankingRules(panel.Normalize, panel.DropExtremes)).ToDictionary(r => r.EntryId)
            : [];
        var views = entries.Select(entry =>
        {
            var onEntry = scores.Where(s => s.EntryId == entry.Id).OrderBy(s => s.SubmittedAt).ToList();
            var mine = me is null ? null : onEntry.FirstOrDefault(s => s.UserName == me.UserName);
            var recused = me is null ? null : RecusalOf(me, entry, conflicts.FirstOrDefault(c => c.EntryId == entry.Id
                && c.UserName == me.UserName)?.Reason);
            var othersVisible = closed || mine is not null;
            var rank = ranking.GetValueOrDefault(entry.Id);
            return new PanelEntryDto(entry.Id, entry.Label, entry.OrganizationId, recused, mine is null ? null : Dto(mine),
                othersVisible ? [.. onEntry.Where(s => s != mine).Select(Dto)] : [], rank?.Final, rank is { Place: > 0 } ? rank.Place
                    : null,
                rank is null ? [] : [.. rank.Scores.Select(c => new CountedScoreDto(names.GetValueOrDefault(c.Judge, c.Judge), c.Raw,
                    c.Counted,
                    c.Dropped))],
                rank?.TieBrokenBy is { } tie ? SupplyText.Get("Panel_Tie_" + tie) : null);
        }).ToList();
        if (closed)
        {
            views = [.. views.OrderBy(v => v.Place ?? int.MaxValue)];
        }

        var seats = judges.Select(j => new JudgeSeatDto(j.UserName, j.DisplayName, scores.Count(s => s.UserName == j.UserName),
            entries.Count(e => RecusalOf(j, e, conflicts.FirstOrDefault(c => c.EntryId == e.Id && c.UserName == j.UserName)?.Reason)
                is not null))).ToList();
        return new PanelDto(panel.Id, rubric, panel.Normalize, panel.DropExtremes, RulesText(panel, rubric), closed, panel.ClosedAt, seats,
            me is not null, views);
    }

    /// <summary>Why a judge may not score an entry: works for the entrant, mentors it, or declared a conflict.</summary>
    public static string? RecusalOf(PanelJudge judge, PanelEntry entry, string? declared)
    {
        var id = entry.OrganizationId.ToString();
        if (judge.WorksFor.Split(',').Contains(id))
        {
            return SupplyText.Get("Panel_Recused_SameOrganization");
        }

        if (judge.Mentors.Split(',').Contains(id))
        {
            return SupplyText.Get("Panel_Recused_Mentor");
        }

        return declared is null ? null : SupplyText.Get("Panel_Recused_Declared", declared);
    }

    private static string RulesText(Panel panel, IReadOnlyList<Criterion> rubric) =>
        SupplyText.Get("Panel_Rules", SupplyText.Get(panel.Normalize ? "Panel_Rules_Normalized" : "Panel_Rules_Raw"),
            SupplyText.Get(panel.DropExtremes ? "Panel_Rules_Drop" : "Panel_Rules_NoDrop"), rubric.MaxBy(c => c.Weight)?.Name ?? "");

    private async Task<PanelJudge?> SeatOfAsync(SupplyDbContext all, Panel panel, CancellationToken ct) =>
        user.UserName is { } name ? await all.PanelJudges.FirstOrDefaultAsync(j => j.PanelId == panel.Id && j.UserName == name, ct) : null;

    private static void RequireOpen(Panel panel)
    {
        if (panel.ClosedAt is not null)
        {
            throw SupplyRules.PanelClosed.Broken();
        }
    }
}
