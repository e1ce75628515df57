using Yilian.Organizations.Contracts;
using Yilian.Supply.Features.Matching;

namespace Yilian.Web.Tests;

/// <summary>
/// The need matcher by hand and against a plain reference: a worked example to the decimal; the ranking on random districts equal
/// to one computed the obvious way (every project scored from the formulas written out again, best per organization, sorted);
/// those not active or full left out; a rating moves an organization up.
/// </summary>
public sealed class NeedMatcherTests
{
    private const string Community = "320571001001", Sibling = "320571001002", OtherStreet = "320571002001";

    private static OrganizationFacts Org(Guid id, int grade = 3, bool active = true, string region = Community, string[]? areas = null) =>
        new(id, "机构" + id.ToString()[..4], region, active, active ? "正常" : "停止活动", grade, areas ?? [], null, null);

    private static ProjectProfile Project(Guid org, string field = "elderly", string group = "独居老人", string[]? areas = null,
        decimal from = 10_000, decimal to = 30_000, int capacity = 3, int load = 1, bool listed = true, int count = 0, int sum = 0) =>
        new(Guid.NewGuid(), org, "项目", field, group, areas ?? [], from, to, capacity, load, listed, count, sum);

    [Fact]
    public void A_Worked_Example_Scores_Each_Reason_As_Written()
    {
        var need = new NeedProfile(Guid.NewGuid(), "elderly", "80 岁以上独居老人", Sibling, "二社区", 8_000m);
        var orgId = Guid.NewGuid();
        var org = Org(orgId, grade: 4);
        var project = Project(orgId, group: "独居老人、高龄老人", from: 10_000m, capacity: 4, load: 1, count: 2, sum: 9);

        // Target: the need's grams are 80, 岁以, 以上, 上独, 独居, 居老, 老人 (7); the project has 独居, 居老, 老人 → 3/7 of 10.
        // Area: not served; registered in the same street, about 3 km → (1 − 3/15) of 20 = 16. Capacity: 3 of 4 left → 7.5.
        // Grade 4A → 12. Ratings: (9 + 3.5 × 2) / (2 + 2) = 4 → (4 − 1) / 4 = 0.75 of 15 = 11.25. Price: 8,000 / 10,000 of 10 = 8.
        var expected = 20 + 10 * 3.0 / 7 + 16 + 7.5 + 12 + 11.25 + 8;
        var ranked = NeedMatcher.Rank(need, [project], new Dictionary<Guid, OrganizationFacts> { [orgId] = org }, new MatchWeights());
        ranked.ShouldHaveSingleItem().Score.ShouldBe(expected, 1e-9);
        var reasons = NeedMatcher.Explain(need, project, org, (2, 9), new MatchWeights());
        reasons.Select(r => r.Points).ShouldBe([20, 4.3, 16, 7.5, 12, 11.3, 8]);
        reasons.Sum(r => r.Weight).ShouldBe(100);
        reasons.Single(r => r.Factor == "area").Text.ShouldContain("3");
        reasons.Single(r => r.Factor == "evaluations").Text.ShouldContain("4.5");
    }

    [Fact]
    public void Organizations_Not_Active_Or_Full_Are_Left_Out_With_The_Reason_And_Each_Organization_Appears_Once()
    {
        var need = new NeedProfile(Guid.NewGuid(), "elderly", "老人", Community, "一社区", 20_000m);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var orgs = new Dictionary<Guid, OrganizationFacts> { [a] = Org(a), [b] = Org(b, active: false), [c] = Org(c) };
        var weaker = Project(a, group: "儿童");
        var better = Project(a);
        var full = Project(c, capacity: 2, load: 2);
        var ranked = NeedMatcher.Rank(need, [weaker, better, Project(b), full, Project(c, field: "children")], orgs, new MatchWeights());
        ranked.Count.ShouldBe(3);
        ranked[0].Project.ShouldBe(better);
        ranked.Skip(1).Select(s => s.LeftOut).ShouldBe([LeftOutReason.OrganizationInactive, LeftOutReason.OverCapacity], ignoreOrder: true);
        NeedMatcher.LeftOutText(ranked.Single(s => s.LeftOut == LeftOutReason.OverCapacity)).ShouldContain("2");
        NeedMatcher.LeftOutText(ranked.Single(s => s.LeftOut == LeftOutReason.OrganizationInactive)).ShouldContain("停止活动");
    }

    [Fact]
    public void A_Good_Rating_Moves_An_Organization_Up()
    {
        var need = new NeedProfile(Guid.NewGuid(), "elderly", "独居老人", Community, "一社区", 20_000m);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var orgs = new Dictionary<Guid, OrganizationFacts> { [a] = Org(a, grade: 4), [b] = Org(b, grade: 3) };
        var first = Project(a);
        var second = Project(b);
        NeedMatcher.Rank(need, [first, second], orgs, new MatchWeights())[0].Project.ShouldBe(first);
        var rated = second with { RatingCount = 3, RatingSum = 15 };
        NeedMatcher.Rank(need, [first, rated], orgs, new MatchWeights())[0].Project.ShouldBe(rated);
    }

    [Fact]
    public void The_Ranking_Equals_A_Plain_Reference_On_Random_Districts()
    {
        var random = new Random(20261204);
        string[] fields = ["elderly", "children", "disabled"];
        string[] groups = ["独居老人", "高龄老人", "困境儿童", "残疾人家庭", "老人和儿童", "居民"];
        string[] places = [Community, Sibling, OtherStreet, "320571002002", "320572001001"];
        for (var trial = 0; trial < 200; trial++)
        {
            var orgs = Enumerable.Range(0, random.Next(1, 15)).Select(_ => Guid.NewGuid()).ToDictionary(id => id, id => Org(id,
                random.Next(0, 6), random.Next(8) > 0, places[random.Next(places.Length)],
                random.Next(3) == 0 ? [places[random.Next(places.Length)][..9] + "000"] : []));
            var ids = orgs.Keys.ToArray();
            var projects = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var from = random.Next(0, 5) * 5_000m;
                var capacity = random.Next(1, 5);
                return Project(ids[random.Next(ids.Length)], fields[random.Next(fields.Length)], groups[random.Next(groups.Length)],
                    random.Next(2) == 0 ? [] : [Area(random, places)], from, from + random.Next(0, 3) * 10_000m, capacity,
                    random.Next(0, capacity + 1), random.Next(5) > 0, random.Next(0, 4), 0) is var p && p.RatingCount > 0
                    ? p with { RatingSum = Enumerable.Range(0, p.RatingCount).Sum(_ => random.Next(1, 6)) } : p;
            }).ToList();
            var need = new NeedProfile(Guid.NewGuid(), fields[random.Next(fields.Length)], groups[random.Next(groups.Length)],
                places[random.Next(places.Length)], "社区", random.Next(0, 5) * 8_000m);

            var actual = NeedMatcher.Rank(need, projects, orgs, new MatchWeights());
            var expected = Reference(need, projects, orgs);
            actual.Select(s => (s.Project.Id, s.LeftOut != LeftOutReason.None)).ShouldBe(expected.Select(e => (e.Project.Id, e.LeftOut)),
                $"trial {trial}");
            actual.Where(s => s.LeftOut == LeftOutReason.None).Select(s => s.Score)
                .Zip(expected.Where(e => !e.LeftOut).Select(e => e.Score)).ShouldAllBe(pair => Math.Abs(pair.First - pair.Second) < 1e-9);
        }
    }

    /// <summary>A community, its street or its district, as a 12-digit code.</summary>
    private static string Area(Random random, string[] places)
    {
        var place = places[random.Next(places.Length)];
        return random.Next(3) switch { 0 => place, 1 => place[..9] + "000", _ => place[..6] + "000000" };
    }

    /// <summary>The ranking computed the obvious way, with the weights and formulas written out again.</summary>
    private static List<(ProjectProfile Project, bool LeftOut, double Score)> Reference(NeedProfile need, List<ProjectProfile> projects,
        Dictionary<Guid, OrganizationFacts> orgs)
    {
        static HashSet<string> Grams(string s)
        {
            var set = new HashSet<string>();
            foreach (var run in System.Text.RegularExpressions.Regex.Split(s, @"[^\p{L}\p{Nd}]+").Where(r => r.Length > 0).Select(r => r.ToLowerInvariant()))
            {
                if (run.Length == 1)
                {
                    set.Add(run);
                }

                for (var i = 0; i + 1 < run.Length; i++)
                {
                    set.Add(run.Substring(i, 2));
                }
            }

            return set;
        }

        var scored = new List<(ProjectProfile Project, bool LeftOut, double Score)>();
        foreach (var p in projects.Where(p => p.Listed && p.Field == need.Field && orgs.ContainsKey(p.OrganizationId)))
        {
            var org = orgs[p.OrganizationId];
            var leftOut = !org.Active || p.Load >= p.Capacity;
            var wanted = Grams(need.TargetGroup);
            var target = wanted.Count == 0 ? 0 : wanted.Count(g => Grams(p.TargetGroup).Contains(g)) / (double)wanted.Count;
            var areas = p.AreaCodes.Count > 0 ? p.AreaCodes : org.ServiceAreaCodes;
            var km = org.RegionCode == need.RegionCode ? 1 : org.RegionCode[..9] == need.RegionCode[..9] ? 3
                : org.RegionCode[..6] == need.RegionCode[..6] ? 8 : 20;
            var covered = areas.Any(a => a == need.RegionCode || (a.EndsWith("000000") && a[..6] == need.RegionCode[..6])
                || (a.EndsWith("000") && a[..9] == need.RegionCode[..9]));
            var area = covered ? 1 : Math.Max(0, 1 - km / 15.0);
            var same = projects.Where(q => q.OrganizationId == p.OrganizationId && q.Field == need.Field).ToList();
            var mean = (same.Sum(q => q.RatingSum) + 7.0) / (same.Sum(q => q.RatingCount) + 2);
            var price = need.Budget <= 0 ? 0.5 : p.PriceTo <= 0 || need.Budget >= p.PriceFrom ? 1 : (double)(need.Budget / p.PriceFrom);
            var score = 20 + 10 * target + 20 * area + 10 * (p.Capacity - p.Load) / (double)p.Capacity + 15 * org.Grade / 5.0
                + 15 * (mean - 1) / 4 + 10 * price;
            scored.Add((p, leftOut, leftOut ? -1 : score));
        }

        return [.. scored.GroupBy(s => s.Project.OrganizationId)
            .Select(g => g.OrderBy(s => s.LeftOut).ThenByDescending(s => s.Score).ThenByDescending(s => s.Project.RatingCount)
                .ThenBy(s => s.Project.Id).First())
            .OrderBy(s => s.LeftOut).ThenByDescending(s => s.Score).ThenByDescending(s => s.Project.RatingCount).ThenBy(s => s.Project.Id)];
    }
}
