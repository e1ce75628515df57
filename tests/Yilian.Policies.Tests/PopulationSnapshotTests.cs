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
}
