using Yilian.Supply.Features.Reviewing;

namespace Yilian.Web.Tests;

/// <summary>
/// The review panel's ranking (shared by calls for proposals and competitions): worked examples of normalization, dropping the
/// highest and the lowest, and the stated tie rule; and the ranking on random panels equal to a reference written out again
/// from the rules in plain loops.
/// </summary>
public sealed class PanelRankingTests
{
    private static readonly Criterion[] Rubric =
        [new("c1", "方案", 30), new("c2", "预算", 20), new("c3", "团队", 20), new("c4", "成效", 15), new("c5", "参与", 15)];

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static JudgeScore Score(string judge, Guid entry, decimal c1, decimal rest, int minute = 0) =>
        new(judge, entry, new Dictionary<string, decimal> { ["c1"] = c1, ["c2"] = rest }, T0.AddMinutes(minute));

    [Fact]
    public void Normalization_Puts_A_Strict_And_A_Lenient_Judge_On_One_Scale()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        // J1 gives 80 and 60 (mean 70, sd 10); J2 gives 90 and 88 (mean 89, sd 1): each judge's z-scores are +1 and -1.
        // All totals: mean 79.5, sd √140.75 = 11.8638…; so A = 79.5 + 11.86 = 91.36 and B = 67.64.
        var scores = new[] { Score("j1", a, 30, 50), Score("j1", b, 20, 40), Score("j2", a, 30, 60), Score("j2", b, 28, 60) };
        var ranked = PanelRanking.Rank(Rubric, [(a, T0), (b, T0.AddMinutes(1))], scores, new RankingRules(Normalize: true,
            DropExtremes: false));
        ranked.Select(r => (r.EntryId, r.Final, r.Place)).ShouldBe([(a, 91.36m, 1), (b, 67.64m, 2)]);
        ranked[0].Scores.Select(s => s.Counted).ShouldBe([91.36m, 91.36m]);

        var raw = PanelRanking.Rank(Rubric, [(a, T0), (b, T0.AddMinutes(1))], scores, new RankingRules(false, false));
        raw.Select(r => r.Final).ShouldBe([85m, 74m]);
    }

    [Fact]
    public void Dropping_The_Extremes_Leaves_The_Middle_Scores_And_Marks_The_Dropped()
    {
        var a = Guid.NewGuid();
        var scores = new[] { Score("j1", a, 30, 60), Score("j2", a, 20, 50), Score("j3", a, 30, 50), Score("j4", a, 20, 40) };
        var ranked = PanelRanking.Rank(Rubric, [(a, T0)], scores, new RankingRules(false, DropExtremes: true)).Single();
        ranked.Final.ShouldBe(75m);
        ranked.Scores.Where(s => s.Dropped).Select(s => s.Judge).ShouldBe(["j1", "j4"], ignoreOrder: true);

        // With two judges nothing is dropped.
        PanelRanking.Rank(Rubric, [(a, T0)], scores[..2], new RankingRules(false, true)).Single().Final.ShouldBe(80m);
    }

    [Fact]
    public void Ties_Go_To_The_Heaviest_Criterion_Then_The_Earlier_Entry_And_Unscored_Entries_Come_Last_Unplaced()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var scores = new[]
        {
            Score("j1", a, 25, 55), Score("j1", b, 28, 52), // both 80; b is stronger on c1 (weight 30)
            Score("j1", c, 20, 40), Score("j2", c, 20, 40), // 60
            Score("j1", d, 20, 40), Score("j2", d, 20, 40), // 60, the same on c1: c came first
        };
        var e = Guid.NewGuid();
        var ranked = PanelRanking.Rank(Rubric, [(a, T0), (b, T0.AddMinutes(1)), (e, T0.AddMinutes(2)), (d, T0.AddMinutes(4)),
            (c, T0.AddMinutes(3))], scores, new RankingRules(false, false));
        ranked.Select(r => (r.EntryId, r.Place, r.TieBrokenBy)).ShouldBe([
            (b, 1, TieBreak.HeaviestCriterion), (a, 2, TieBreak.HeaviestCriterion), (c, 3, TieBreak.EarlierEntry),
            (d, 4, TieBreak.EarlierEntry), (e, 0, (TieBreak?)null)]);
        ranked[^1].Final.ShouldBeNull();
    }

    [Fact]
    public void The_Ranking_Of_Random_Panels_Equals_A_Reference()
    {
        var random = new Random(20261204);
        for (var round = 0; round < 1000; round++)
        {
            var entries = Enumerable.Range(0, random.Next(1, 8)).Select(i => (Guid.NewGuid(), T0.AddMinutes(random.Next(0, 5)))).ToList();
            var judges = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"j{i}").ToList();
            var scores = new List<JudgeScore>();
            foreach (var (entry, _) in entries)
            {
                foreach (var judge in judges.Where(_ => random.NextDouble() < 0.8))
                {
                    scores.Add(new JudgeScore(judge, entry, Rubric.ToDictionary(c => c.Code, c => (decimal)random.Next(0, c.Weight / 5
                        + 1) * 5),
                        T0));
                }
            }

            var rules = new RankingRules(random.NextDouble() < 0.5, random.NextDouble() < 0.5);
            var ranked = PanelRanking.Rank(Rubric, entries, scores, rules);
            ranked.Select(r => (r.EntryId, r.Final, r.Place)).ShouldBe(Reference(entries, scores, rules), $"round {round}, {rules}");
        }
    }

    /// <summary>The rules written out again in loops: per-judge z-scores mapped onto all totals' mean and spread; the top and the
    /// bottom dropped from three scores up (the judge first by name among equals); the mean to the cent; ordered by final, the c1 average,
    /// the entry time, the id.</summary>
    private static List<(Guid, decimal?, int)> Reference(List<(Guid Id, DateTimeOffset At)> entries, List<JudgeScore> scores,
        RankingRules rules)
    {
        static double Total(JudgeScore s) => (double)s.Scores.Values.Sum();
        var counted = new Dictionary<JudgeScore, double>();
        var allMean = scores.Count == 0 ? 0 : scores.Average(Total);
        var allSd = scores.Count == 0 ? 0 : Math.Sqrt(scores.Sum(s => Math.Pow(Total(s) - allMean, 2)) / scores.Count);
        foreach (var s in scores)
        {
            if (!rules.Normalize)
            {
                counted[s] = Total(s);
                continue;
            }

            var own = scores.Where(x => x.Judge == s.Judge).Select(Total).ToList();
            var mean = own.Average();
            var sd = Math.Sqrt(own.Sum(v => Math.Pow(v - mean, 2)) / own.Count);
            counted[s] = allMean + (sd == 0 ? 0 : (Total(s) - mean) / sd) * allSd;
        }

        var rows = new List<(Guid Id, DateTimeOffset At, decimal? Final, decimal C1)>();
        foreach (var (id, at) in entries)
        {
            var values = scores.Where(s => s.EntryId == id).Select(s => (S: s, V: counted[s])).ToList();
            if (rules.DropExtremes && values.Count >= 3)
            {
                // Among equal scores, the judge first by name is the one dropped.
                var top = values.OrderByDescending(x => x.V).ThenBy(x => x.S.Judge, StringComparer.Ordinal).First();
                values.Remove(top);
                values.Remove(values.OrderBy(x => x.V).ThenBy(x => x.S.Judge, StringComparer.Ordinal).First());
            }

            rows.Add((id, at, values.Count == 0 ? null : Math.Round((decimal)Math.Round(values.Average(x => x.V), 6), 2,
                MidpointRounding.AwayFromZero), values.Count == 0 ? 0 : values.Average(x => x.S.Scores["c1"])));
        }

        rows.Sort((x, y) =>
        {
            if ((x.Final is null) != (y.Final is null))
            {
                return x.Final is null ? 1 : -1;
            }

            var c = (y.Final ?? 0).CompareTo(x.Final ?? 0);
            c = c != 0 ? c : y.C1.CompareTo(x.C1);
            c = c != 0 ? c : x.At.CompareTo(y.At);
            return c != 0 ? c : x.Id.CompareTo(y.Id);
        });
        return [.. rows.Select((r, i) => (r.Id, r.Final, r.Final is null ? 0 : i + 1))];
    }
}
