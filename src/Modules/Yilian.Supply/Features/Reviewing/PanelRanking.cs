namespace Yilian.Supply.Features.Reviewing;

/// <summary>A criterion of a rubric: its code, its name as shown, and its weight, which is also the most points it can give.</summary>
public sealed record Criterion(string Code, string Name, int Weight);

/// <summary>How a panel turns its judges' totals into one score per entry (decision 030).</summary>
/// <param name="Normalize">Rescale each judge's totals to z-scores over the entries that judge scored, then back onto the panel's
/// overall mean and spread, so a strict judge and a lenient one weigh the same.</param>
/// <param name="DropExtremes">With three or more scores for an entry, leave out one highest and one lowest.</param>
public sealed record RankingRules(bool Normalize, bool DropExtremes);

/// <summary>One judge's submitted scores for one entry, by criterion code.</summary>
public sealed record JudgeScore(string Judge, Guid EntryId, IReadOnlyDictionary<string, decimal> Scores, DateTimeOffset SubmittedAt)
{
    public decimal Total => Scores.Values.Sum();
}

/// <summary>An entry as ranked: each judge's total (raw and as counted), whether it was left out, the final score, the place and,
/// when it tied with the entry above or below, what broke the tie.</summary>
public sealed record RankedEntry(Guid EntryId, IReadOnlyList<CountedScore> Scores, decimal? Final, int Place, TieBreak? TieBrokenBy);

public sealed record CountedScore(string Judge, decimal Raw, decimal Counted, bool Dropped);

public enum TieBreak
{
    /// <summary>The higher average on the criterion with the largest weight (the first such in the rubric).</summary>
    HeaviestCriterion = 1,

    /// <summary>The entry submitted first.</summary>
    EarlierEntry = 2,
}

/// <summary>
/// The ranking of a review panel, shared by the purchase of services (proposals) and competitions (applications): the final
/// score of an entry is the mean of its judges' totals, after optional per-judge normalization and dropping the highest and the
/// lowest (among equal scores, the judge first by account name is the one dropped). Entries nobody scored come last, unplaced. Ties (finals
/// equal to the cent) are broken by the heaviest criterion's
/// average, then by the earlier entry — the rule is stated on the ranking. Pure: the same inputs always give the same ranking.
/// </summary>
public static class PanelRanking
{
    public static IReadOnlyList<RankedEntry> Rank(
        IReadOnlyList<Criterion> rubric, IReadOnlyList<(Guid EntryId, DateTimeOffset SubmittedAt)> entries,
            IReadOnlyList<JudgeScore> scores,
        RankingRules rules)
    {
        var counted = rules.Normalize ? Normalized(scores) : scores.ToDictionary(s => (s.Judge, s.EntryId), s => (double)s.Total);
        var heaviest = rubric.Count == 0 ? null : rubric.MaxBy(c => c.Weight)!.Code;
        var rows = entries.Select(entry =>
        {
            var mine = scores.Where(s => s.EntryId == entry.EntryId).OrderBy(s => s.Judge, StringComparer.Ordinal).ToList();
            var dropped = new HashSet<string>(StringComparer.Ordinal);
            if (rules.DropExtremes && mine.Count >= 3)
            {
                // The highest and the lowest once each; among equals, the judge first by name (the choice does not move the mean,
                // but it does the heaviest criterion's average that breaks ties: it must be stated, and it is).
                dropped.Add(mine.OrderByDescending(s => counted[(s.Judge, s.EntryId)]).ThenBy(s => s.Judge, StringComparer.Ordinal).First()
                    .Judge);
                dropped.Add(mine.Where(s => !dropped.Contains(s.Judge)).OrderBy(s => counted[(s.Judge, s.EntryId)])
                    .ThenBy(s => s.Judge, StringComparer.Ordinal).First().Judge);
            }

            var kept = mine.Where(s => !dropped.Contains(s.Judge)).ToList();
            // Averaged in double, then to six decimals (so float noise never decides a half cent), then to the cent.
            decimal? final = kept.Count == 0 ? null : Cents(kept.Average(s => counted[(s.Judge, s.EntryId)]));
            var onHeaviest = heaviest is null || kept.Count == 0 ? 0m : kept.Average(s => s.Scores.GetValueOrDefault(heaviest));
            var shown = mine.Select(s => new CountedScore(s.Judge, s.Total, Cents(counted[(s.Judge, s.EntryId)]),
                dropped.Contains(s.Judge)))
                .ToList();
            return (entry.EntryId, entry.SubmittedAt, Final: final, OnHeaviest: onHeaviest, Shown: shown);
        }).ToList();

        var ordered = rows.OrderBy(r => r.Final is null).ThenByDescending(r => r.Final ?? 0).ThenByDescending(r => r.OnHeaviest)
            .ThenBy(r => r.SubmittedAt).ThenBy(r => r.EntryId).ToList();
        var ranked = new List<RankedEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            TieBreak? broken = null;
            foreach (var other in new[] { i > 0 ? ordered[i - 1] : default, i + 1 < ordered.Count ? ordered[i + 1] : default })
            {
                if (row.Final is not null && other.Final == row.Final)
                {
                    var byCriterion = other.OnHeaviest != row.OnHeaviest ? TieBreak.HeaviestCriterion : TieBreak.EarlierEntry;
                    broken = broken is null || byCriterion > broken ? byCriterion : broken;
                }
            }

            ranked.Add(new RankedEntry(row.EntryId, row.Shown, row.Final, row.Final is null ? 0 : i + 1, broken));
        }

        return ranked;
    }

    /// <summary>Each judge's totals as z-scores over the entries that judge scored (0 when all equal or only one), mapped back onto
    /// the mean and standard deviation of all totals (population), so the result stays on the rubric's 100-point scale.</summary>
    private static decimal Cents(double value) => Math.Round(Math.Round((decimal)value, 6), 2, MidpointRounding.AwayFromZero);

    private static Dictionary<(string Judge, Guid EntryId), double> Normalized(IReadOnlyList<JudgeScore> scores)
    {
        var all = scores.Select(s => (double)s.Total).ToList();
        var (mean, spread) = MeanAndSpread(all);
        var result = new Dictionary<(string, Guid), double>();
        foreach (var judge in scores.GroupBy(s => s.Judge, StringComparer.Ordinal))
        {
            var (m, sd) = MeanAndSpread([.. judge.Select(s => (double)s.Total)]);
            foreach (var score in judge)
            {
                var z = sd == 0 ? 0 : ((double)score.Total - m) / sd;
                result[(score.Judge, score.EntryId)] = mean + z * spread;
            }
        }

        return result;
    }

    private static (double Mean, double Spread) MeanAndSpread(List<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 0);
        }

        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count));
    }
}
