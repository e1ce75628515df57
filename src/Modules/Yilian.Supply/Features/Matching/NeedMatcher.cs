using System.Globalization;

using Yilian.Organizations.Contracts;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features.Matching;

/// <summary>What matching needs of a need (or of an open need when an organization looks for work).</summary>
internal sealed record NeedProfile(Guid Id, string Field, string TargetGroup, string RegionCode, string RegionName, decimal Budget);

/// <summary>What matching needs of a service project, with its ratings kept on it.</summary>
internal sealed record ProjectProfile(
    Guid Id, Guid OrganizationId, string Name, string Field, string TargetGroup, IReadOnlyList<string> AreaCodes, decimal PriceFrom,
    decimal PriceTo, int Capacity, int Load, bool Listed, int RatingCount, int RatingSum);

public sealed record MatchReason(string Factor, double Weight, double Points, string Text);

internal enum LeftOutReason
{
    None = 0,
    OrganizationInactive,
    OverCapacity,
}

/// <summary>A candidate's score with what each reason gave (texts are written only for what is shown).</summary>
internal readonly record struct Scored(ProjectProfile Project, OrganizationFacts Organization, double Score, LeftOutReason LeftOut);

/// <summary>
/// Ranks the service projects that could meet a need and explains each rank: the field chooses the candidates; an organization
/// not active (suspended, deregistered) or a project serving all the places it can is left out with the reason; the rest score
/// out of 100 by <see cref="MatchWeights"/> — whom it is for, where it serves, room left, grade, ratings of the organization's
/// work in the same field, and price. Each organization appears once, with its best project. Plain arithmetic over rows read
/// once, so thousands of candidates rank in milliseconds.
/// </summary>
internal static class NeedMatcher
{
    /// <summary>The prior of the ratings' mean: a newcomer counts as two ratings of 3.5 (a middling start, soon outweighed).</summary>
    public const double PriorMean = 3.5, PriorWeight = 2;

    /// <param name="ratings">Each organization's ratings in the need's field, when the caller has them already (else counted from
    /// <paramref name="projects"/>).</param>
    public static List<Scored> Rank(NeedProfile need, IReadOnlyList<ProjectProfile> projects,
        IReadOnlyDictionary<Guid, OrganizationFacts> organizations, MatchWeights weights,
        IReadOnlyDictionary<Guid, (int Count, int Sum)>? ratings = null)
    {
        var wanted = Grams(need.TargetGroup);
        ratings ??= RatingsByOrganization(need.Field, projects);
        var best = new Dictionary<Guid, Scored>();
        foreach (var project in projects)
        {
            if (!project.Listed || project.Field != need.Field || !organizations.TryGetValue(project.OrganizationId, out var org))
            {
                continue;
            }

            var leftOut = !org.Active ? LeftOutReason.OrganizationInactive
                : project.Load >= project.Capacity ? LeftOutReason.OverCapacity : LeftOutReason.None;
            var score = leftOut == LeftOutReason.None ? Score(need, wanted, project, org, ratings[org.Id], weights) : -1;
            var candidate = new Scored(project, org, score, leftOut);
            if (!best.TryGetValue(org.Id, out var held) || Before(candidate, held))
            {
                best[org.Id] = candidate;
            }
        }

        var ranked = best.Values.ToList();
        ranked.Sort((a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        return ranked;
    }

    /// <summary>The order of the ranking: those left out last; then score, ratings received, and the project's id (stable).</summary>
    public static bool Before(Scored a, Scored b) =>
        (a.LeftOut == LeftOutReason.None) != (b.LeftOut == LeftOutReason.None) ? a.LeftOut == LeftOutReason.None
        : a.Score != b.Score ? a.Score > b.Score
        : a.Project.RatingCount != b.Project.RatingCount ? a.Project.RatingCount > b.Project.RatingCount
        : a.Project.Id.CompareTo(b.Project.Id) < 0;

    /// <summary>Each organization's ratings in the field (listed or withdrawn projects alike: past work counts).</summary>
    public static Dictionary<Guid, (int Count, int Sum)> RatingsByOrganization(string field, IEnumerable<ProjectProfile> projects)
    {
        var ratings = new Dictionary<Guid, (int Count, int Sum)>();
        foreach (var p in projects)
        {
            if (p.Field == field)
            {
                var (count, sum) = ratings.GetValueOrDefault(p.OrganizationId);
                ratings[p.OrganizationId] = (count + p.RatingCount, sum + p.RatingSum);
            }
        }

        return ratings;
    }

    public static double Score(NeedProfile need, HashSet<string> wanted, ProjectProfile project, OrganizationFacts org,
        (int Count, int Sum) ratings, MatchWeights w) =>
        w.Field + w.TargetGroup * TargetFit(wanted, project.TargetGroup) + w.Area * AreaFit(need, project, org, out _, out _)
        + w.Capacity * CapacityFit(project) + w.Grade * GradeFit(org.Grade) + w.Evaluations * RatingFit(ratings, out _)
        + w.Price * PriceFit(need.Budget, project.PriceFrom, project.PriceTo);

    /// <summary>The reasons behind a score, each with its weight and points, in the reader's language.</summary>
    public static List<MatchReason> Explain(NeedProfile need, ProjectProfile project, OrganizationFacts org,
        (int Count, int Sum) ratings, MatchWeights w)
    {
        var target = TargetFit(Grams(need.TargetGroup), project.TargetGroup);
        var area = AreaFit(need, project, org, out var covered, out var km);
        var rating = RatingFit(ratings, out var mean);
        var price = PriceFit(need.Budget, project.PriceFrom, project.PriceTo);
        static string Money(decimal m) => m.ToString("#,0.##", CultureInfo.InvariantCulture);
        return
        [
            new("field", w.Field, Round(w.Field), SupplyText.Get("Match_Field")),
            new("targetGroup", w.TargetGroup, Round(w.TargetGroup * target),
                SupplyText.Get(target >= 1 ? "Match_TargetSame" : target > 0 ? "Match_TargetNear" : "Match_TargetOther",
                    project.TargetGroup)),
            new("area", w.Area, Round(w.Area * area), covered ? SupplyText.Get("Match_AreaCovered", need.RegionName)
                : SupplyText.Get("Match_AreaNear", km.ToString("0", CultureInfo.InvariantCulture))),
            new("capacity", w.Capacity, Round(w.Capacity * CapacityFit(project)),
                SupplyText.Get("Match_Capacity", project.Capacity - project.Load, project.Capacity)),
            new("grade", w.Grade, Round(w.Grade * GradeFit(org.Grade)),
                org.Grade > 0 ? SupplyText.Get("Match_Grade", org.Grade) : SupplyText.Get("Match_NoGrade")),
            new("evaluations", w.Evaluations, Round(w.Evaluations * rating), ratings.Count > 0
                ? SupplyText.Get("Match_Ratings", ratings.Count, mean.ToString("0.0", CultureInfo.InvariantCulture))
                : SupplyText.Get("Match_NoRatings")),
            new("price", w.Price, Round(w.Price * price), need.Budget <= 0 ? SupplyText.Get("Match_NoBudget")
                : project.PriceTo <= 0 ? SupplyText.Get("Match_Free")
                : need.Budget >= project.PriceFrom ? SupplyText.Get("Match_PriceFits", Money(need.Budget), Money(project.PriceFrom),
                    Money(project.PriceTo))
                : SupplyText.Get("Match_PriceBelow", Money(need.Budget), Money(project.PriceFrom))),
        ];
    }

    /// <summary>Why a candidate is left out, in the reader's language.</summary>
    public static string LeftOutText(Scored s) => s.LeftOut == LeftOutReason.OrganizationInactive
        ? SupplyText.Get("Match_OrganizationInactive", s.Organization.StatusName)
        : SupplyText.Get("Match_OverCapacity", s.Project.Load, s.Project.Capacity);

    /// <summary>The share of the need's words (two-character grams; single characters alone) that the project's group has.</summary>
    public static double TargetFit(HashSet<string> wanted, string offered)
    {
        if (wanted.Count == 0)
        {
            return 0;
        }

        var have = Grams(offered);
        var shared = 0;
        foreach (var gram in wanted)
        {
            if (have.Contains(gram))
            {
                shared++;
            }
        }

        return (double)shared / wanted.Count;
    }

    /// <summary>Overlapping two-character grams of each run of letters (a one-letter run is itself), lower case.</summary>
    public static HashSet<string> Grams(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<char>();
        void Flush()
        {
            if (run.Count == 1)
            {
                grams.Add(run[0].ToString());
            }

            for (var i = 0; i + 1 < run.Count; i++)
            {
                grams.Add(string.Concat(run[i], run[i + 1]));
            }

            run.Clear();
        }

        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Add(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return grams;
    }

    /// <summary>One when the need's place is in the area served (the project's, or else the organization's); otherwise by how far
    /// the organization is: the same community about 1 km, the same street 3 km, the district 8 km, fading to nothing at 15.</summary>
    public static double AreaFit(NeedProfile need, ProjectProfile project, OrganizationFacts org, out bool covered, out double km)
    {
        var area = project.AreaCodes.Count > 0 ? project.AreaCodes : org.ServiceAreaCodes;
        covered = false;
        foreach (var code in area)
        {
            if (Covers(code, need.RegionCode))
            {
                covered = true;
                break;
            }
        }

        km = covered ? 0 : EstimateKm(org.RegionCode, need.RegionCode);
        return covered ? 1 : Math.Max(0, 1 - km / 15);
    }

    /// <summary>Whether a 12-digit area code (a district ends in six zeros, a street in three) covers a place.</summary>
    public static bool Covers(string area, string place) =>
        area.Length == 12 && place.Length == 12 && (area == place
            || (area.EndsWith("000000", StringComparison.Ordinal) && string.CompareOrdinal(area, 0, place, 0, 6) == 0)
            || (area.EndsWith("000", StringComparison.Ordinal) && string.CompareOrdinal(area, 0, place, 0, 9) == 0));

    public static double EstimateKm(string a, string b) =>
        a.Length == 12 && a == b ? 1
        : a.Length >= 9 && b.Length >= 9 && string.CompareOrdinal(a, 0, b, 0, 9) == 0 ? 3
        : a.Length >= 6 && b.Length >= 6 && string.CompareOrdinal(a, 0, b, 0, 6) == 0 ? 8
        : 20;

    public static double CapacityFit(ProjectProfile p) => p.Capacity <= 0 ? 0 : Math.Clamp((double)(p.Capacity - p.Load) / p.Capacity, 0,
        1);

    public static double GradeFit(int grade) => Math.Clamp(grade, 0, 5) / 5.0;

    /// <summary>The ratings' mean (one to five) pulled toward <see cref="PriorMean"/>, as a share of the scale.</summary>
    public static double RatingFit((int Count, int Sum) ratings, out double mean)
    {
        mean = ratings.Count > 0 ? (double)ratings.Sum / ratings.Count : 0;
        var pulled = (ratings.Sum + PriorMean * PriorWeight) / (ratings.Count + PriorWeight);
        return (pulled - 1) / 4;
    }

    /// <summary>One when the budget reaches the starting price (or the service is free); below it, the share it reaches; a need
    /// without a budget gets one half.</summary>
    public static double PriceFit(decimal budget, decimal from, decimal to) =>
        budget <= 0 ? 0.5 : to <= 0 || budget >= from ? 1 : (double)(budget / from);

    /// <summary>To one decimal, halves up (四舍五入), as readers round.</summary>
    public static double Round(double points) => Math.Round(points, 1, MidpointRounding.AwayFromZero);
}
