using Yilian.Policies.Rules;
using Yilian.Policies.Screening;

namespace Yilian.Policies.Tests;

/// <summary>A population read back from its snapshot is the population that was written, fact for fact, row for row.</summary>
public sealed class PopulationSnapshotTests
{
    [Fact]
    public void A_Snapshot_Reads_Back_Every_Column_And_Row()
    {
        var on = new DateOnly(2026, 11, 23);
        var catalog = DataDictionary.Parse(DistrictFactsTests.Dictionary);
        var population = ColumnarEngineTests.Random(2_000, 5, on);
        foreach (var fact in catalog.Reported)
        {
            population.Declare(fact);
        }

        population.Number("person.medical_spending").Data[7] = 1_234_500;
        var directory = Path.Combine(Path.GetTempPath(), "yilian-snapshot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var columns = AttributeCatalog.All.Values.Where(a => a.Kind != ValueKind.Age).Select(a => a.Name).Concat(catalog.Reported.Select(f => f.Name));
            var path = PopulationSnapshot.PathFor(directory, "1-2-3");
            PopulationSnapshot.Write(PopulationSnapshot.PathFor(directory, "1-1-1"), population, columns);
            PopulationSnapshot.Write(path, population, columns);
            Directory.GetFiles(directory).ShouldBe([path]); // the older snapshot is removed

            var read = PopulationSnapshot.TryRead(path, catalog)!;
            read.Count.ShouldBe(population.Count);
            read.HouseholdIds.ShouldBe(population.HouseholdIds);
            read.Household.ShouldBe(population.Household);
            read.IsHead.ShouldBe(population.IsHead);
            read.Receiving.ShouldBe(population.Receiving);
            for (var row = 0; row < population.Count; row++)
            {
                read.ResidentIds[row].ShouldBe(population.ResidentIds[row]);
                read.FactsOf(row, on).ToDictionary(f => f.Key, f => string.Join(",", f.Value.Values))
                    .ShouldBe(population.FactsOf(row, on).ToDictionary(f => f.Key, f => string.Join(",", f.Value.Values)));
            }

            ColumnarEngine.Screen(ShippedPolicies.All(), read, on).Results["minimum-living-allowance"].Yes
                .ShouldBe(ColumnarEngine.Screen(ShippedPolicies.All(), population, on).Results["minimum-living-allowance"].Yes);
            PopulationSnapshot.TryRead(PopulationSnapshot.PathFor(directory, "9-9-9"), catalog).ShouldBeNull();
            File.WriteAllBytes(path, [1, 2, 3]);
            PopulationSnapshot.TryRead(path, catalog).ShouldBeNull(); // a damaged file is rebuilt, never half-read
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// An import's incremental read brought into the snapshot: the households read again replace theirs (members added or
    /// gone with them), new households are added, every other household is untouched — checked resident by resident
    /// against the two populations it came from, facts and every policy's answer.
    /// </summary>
    [Fact]
    public void A_Snapshot_Merged_With_The_Households_Read_Again_Answers_As_They_Do()
    {
        var on = new DateOnly(2026, 11, 23);
        var kept = ColumnarEngineTests.Random(1_000, 5, on);
        var changed = ColumnarEngineTests.Random(60, 6, on);
        var firstMember = Enumerable.Range(0, kept.Count).GroupBy(r => kept.Household[r]).ToDictionary(g => g.Key, g => g.ToList());
        for (var h = 0; h < 30; h++)
        {
            // The first 30 changed households are kept ones read again (their members partly the same people); the rest are new.
            var original = h * 7;
            changed.HouseholdIds[h] = kept.HouseholdIds[original];
            var members = Enumerable.Range(0, changed.Count).Where(r => changed.Household[r] == h).ToList();
            for (var m = 0; m < members.Count && m < firstMember[original].Count; m++)
            {
                changed.ResidentIds[members[m]] = kept.ResidentIds[firstMember[original][m]];
            }
        }

        var merged = Population.Merge(kept, changed);

        var replaced = changed.HouseholdIds.Take(30).ToHashSet();
        var expected = Enumerable.Range(0, kept.Count).Where(r => !replaced.Contains(kept.HouseholdIds[kept.Household[r]]))
            .Select(r => (Population: kept, Row: r)).Concat(Enumerable.Range(0, changed.Count).Select(r => (Population: changed, Row: r))).ToList();
        merged.Count.ShouldBe(expected.Count);
        merged.HouseholdCount.ShouldBe(kept.HouseholdCount - 30 + changed.HouseholdCount);
        var policies = ShippedPolicies.All();
        var answers = new Dictionary<Population, ScreeningOutcome>
        {
            [kept] = ColumnarEngine.Screen(policies, kept, on), [changed] = ColumnarEngine.Screen(policies, changed, on),
            [merged] = ColumnarEngine.Screen(policies, merged, on),
        };
        var rowOf = Enumerable.Range(0, merged.Count).ToDictionary(r => merged.ResidentIds[r]);
        foreach (var (source, row) in expected)
        {
            var at = rowOf[source.ResidentIds[row]];
            merged.HouseholdIds[merged.Household[at]].ShouldBe(source.HouseholdIds[source.Household[row]]);
            merged.IsHead[at].ShouldBe(source.IsHead[row]);
            merged.Receiving[at].ShouldBe(source.Receiving[row]);
            merged.FactsOf(at, on).ToDictionary(f => f.Key, f => string.Join(",", f.Value.Values))
                .ShouldBe(source.FactsOf(row, on).ToDictionary(f => f.Key, f => string.Join(",", f.Value.Values)));
            foreach (var policy in policies)
            {
                (answers[merged].Results[policy.Id].IsYes(at), No(answers[merged].Results[policy.Id], at))
                    .ShouldBe((answers[source].Results[policy.Id].IsYes(row), No(answers[source].Results[policy.Id], row)), policy.Id);
            }
        }
    }

    private static bool No(Answers answers, int row) => (answers.No[row >> 6] & (1UL << row)) != 0;
}
