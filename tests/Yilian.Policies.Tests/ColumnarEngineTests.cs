using Yilian.Policies.Rules;
using Yilian.Policies.Screening;

namespace Yilian.Policies.Tests;

/// <summary>The columnar screening engine gives exactly what the row-by-row evaluator gives, yes, no and unknown, row for row.</summary>
public sealed class ColumnarEngineTests
{
    private static readonly decimal[] Incomes = [0, 500, 1094.99m, 1095, 1100, 1149.99m, 1150, 1642.5m, 1700, 1724.99m, 1725, 2190, 2299.99m, 2300, 2875, 3000, 8000];

    /// <summary>Random residents in random households; values cluster on the shipped thresholds so boundaries are hit often; about one value in eight is unknown.</summary>
    public static Population Random(int households, int seed, DateOnly on)
    {
        var random = new Random(seed);
        var sizes = Enumerable.Range(0, households).Select(_ => random.Next(1, 6)).ToArray();
        var population = new Population(sizes.Sum(), households);
        var row = 0;
        for (var h = 0; h < households; h++)
        {
            population.HouseholdIds[h] = Guid.NewGuid();
            population.Region("household.registration_region").Data[h] = random.Next(10) switch { 0 => "320506001001", 1 => null!, _ => "320571" + random.Next(1, 20).ToString("000", System.Globalization.CultureInfo.InvariantCulture) + "001" };
            Set(population.Number("household.per_capita_income").Data, h, Incomes[random.Next(Incomes.Length)]);
            Set(population.Number("household.per_capita_assets").Data, h, random.Next(3) == 0 ? 26280 : random.Next(0, 60000));
            Set(population.Number("household.size").Data, h, sizes[h]);
            Set(population.Number("household.housing_area_per_capita").Data, h, random.Next(3) == 0 ? 15 : random.Next(500, 4000) / 100m);
            foreach (var flag in new[] { "household.owns_vehicle", "household.dangerous_housing", "household.sudden_hardship" })
            {
                population.Boolean(flag).Data[h] = (sbyte)(random.Next(8) == 0 ? -1 : random.Next(4) == 0 ? 1 : 0);
            }

            for (var m = 0; m < sizes[h]; m++, row++)
            {
                population.ResidentIds[row] = Guid.NewGuid();
                population.Household[row] = h;
                population.IsHead[row] = m == 0;
                // Birthdays on the screening date at the policies' ages (0–100) are common.
                var age = random.Next(0, 101);
                population.Date("person.birth_date").Data[row] = random.Next(16) == 0 ? Population.NoDate
                    : (random.Next(3) == 0 ? on.AddYears(-age) : on.AddYears(-age).AddDays(-random.Next(1, 365))).DayNumber;
                population.Number("person.disability_grade").Data[row] = random.Next(4) switch { 0 => Population.Unknown, 1 or 2 => Population.None, _ => random.Next(1, 5) * 100L };
                population.Choice("person.disability_type").Data[row] = random.Next(4) == 0 ? 1 << random.Next(7) : 0;
                population.Choice("person.special_status").Data[row] = random.Next(3) == 0 ? (1 << random.Next(7)) | (random.Next(5) == 0 ? 1 << random.Next(7) : 0) : 0;
                population.Choice("person.employment").Data[row] = random.Next(6) == 0 ? 0 : 1 << random.Next(5);
                population.Choice("person.schooling").Data[row] = random.Next(6) == 0 ? 0 : 1 << random.Next(7);
                foreach (var flag in new[] { "person.severe_illness", "person.long_term_care_need", "person.has_supporter" })
                {
                    population.Boolean(flag).Data[row] = (sbyte)(random.Next(8) == 0 ? -1 : random.Next(3) == 0 ? 1 : 0);
                }

                population.Receiving[row] = random.Next(5) == 0 ? "minimum-living-allowance,medical-assistance" : random.Next(7) == 0 ? "senior-allowance-80" : null;
            }
        }

        return population;
    }

    private static void Set(long[] column, int index, decimal value) => column[index] = Population.Hundredths(value);

    [Theory]
    [InlineData(2026, 7, 1, 1)]
    [InlineData(2026, 6, 30, 2)]
    [InlineData(2026, 11, 23, 3)]
    public void The_Engine_Agrees_With_The_Row_By_Row_Evaluator_On_A_Large_Random_Population(int year, int month, int day, int seed)
    {
        var on = new DateOnly(year, month, day);
        var policies = ShippedPolicies.All();
        var population = Random(8_000, seed, on);
        var outcome = ColumnarEngine.Screen(policies, population, on);

        var byId = policies.ToDictionary(p => p.Id);
        var mismatches = new List<string>();
        var expectedCandidates = new HashSet<(int, string)>();
        var yesCount = 0;
        for (var row = 0; row < population.Count; row++)
        {
            var facts = population.FactsOf(row, on);
            var results = new Dictionary<string, Outcome>();
            foreach (var policy in policies)
            {
                var expected = Reference(policy);
                var answers = outcome.Results[policy.Id];
                var actual = answers.IsYes(row) ? Outcome.Yes : (answers.No[row >> 6] & (1UL << row)) != 0 ? Outcome.No : Outcome.Unknown;
                if (actual != expected && mismatches.Count < 5)
                {
                    mismatches.Add($"row {row}, {policy.Id}: engine {actual}, reference {expected}");
                }

                yesCount += expected == Outcome.Yes ? 1 : 0;
            }

            Outcome Reference(Policy policy)
            {
                if (!results.TryGetValue(policy.Id, out var outcome))
                {
                    outcome = results[policy.Id] = Evaluator.Evaluate(policy, facts, on, id => Reference(byId[id])).Outcome;
                }

                return outcome;
            }
        }

        mismatches.ShouldBeEmpty();
        yesCount.ShouldBeGreaterThan(population.Count / 10); // the population exercises the yes side, not only no and unknown

        // Candidates: eligible, not receiving; household policies once per household, on the head, unless a member receives it.
        var membersOf = Enumerable.Range(0, population.Count).ToLookup(r => population.Household[r]);
        for (var row = 0; row < population.Count; row++)
        {
            var receiving = population.Receiving[row]?.Split(',') ?? [];
            foreach (var policy in policies.Where(p => outcome.Results[p.Id].IsYes(row)))
            {
                if (policy.AppliesTo == Subject.Household)
                {
                    var members = membersOf[population.Household[row]];
                    if (population.IsHead[row] && !members.Any(r => population.Receiving[r]?.Split(',').Contains(policy.Id) == true))
                    {
                        expectedCandidates.Add((row, policy.Id));
                    }
                }
                else if (!receiving.Contains(policy.Id))
                {
                    expectedCandidates.Add((row, policy.Id));
                }
            }
        }

        var candidates = ColumnarEngine.Candidates(policies, population, outcome).ToHashSet();
        candidates.SetEquals(expectedCandidates).ShouldBeTrue($"{candidates.Count} candidates, {expectedCandidates.Count} expected");
        candidates.Count.ShouldBeGreaterThan(100);
    }
}
