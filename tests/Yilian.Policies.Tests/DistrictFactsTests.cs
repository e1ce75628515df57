using Yilian.Policies.Rules;
using Yilian.Policies.Screening;

namespace Yilian.Policies.Tests;

/// <summary>
/// A district's own facts and policies: a data dictionary with reported and derived facts, formulas checked with line and
/// column, parameters that are formulas of others, tiered benefits, and derived facts giving the same answers in the
/// columnar engine as in the row-by-row evaluator.
/// </summary>
public sealed class DistrictFactsTests
{
    internal static readonly string Dictionary = Example("district-dictionary.yaml");

    private static readonly DateOnly On = new(2026, 11, 23);

    private static FactCatalog Catalog => DataDictionary.Parse(Dictionary);

    internal static readonly string WomenPolicy = Example("elderly-women-medical.yaml");

    /// <summary>The examples docs/policy-format.md shows, so that what an operator copies is what is tested.</summary>
    internal static string Example(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", file));

    [Fact]
    public void A_Parameter_That_Is_A_Multiple_Of_Another_Follows_Its_Dated_Values()
    {
        var policy = PolicyParser.Parse(WomenPolicy, Catalog);
        var limit = policy.Parameters["spending_limit"];
        limit.On(new DateOnly(2026, 6, 30), policy.Parameters).ShouldBe(new DatedValue(new DateOnly(2025, 7, 1), 26280m));
        limit.On(new DateOnly(2026, 7, 1), policy.Parameters).ShouldBe(new DatedValue(new DateOnly(2026, 7, 1), 27600m));
        limit.On(new DateOnly(2025, 1, 1), policy.Parameters).ShouldBeNull();
    }

    [Fact]
    public void Formulas_Refuse_Mixed_Units_And_Unknown_Names_At_Their_Column()
    {
        var problems = new List<FormulaProblem>();
        FormulaParser.Parse("person.age > household.per_capita_income", Catalog.Names(Subject.Person), problems).ShouldBeNull();
        problems.Single().Column.ShouldBe(12);
        problems.Single().Message.ShouldContain("年龄");
        problems.Single().Message.ShouldContain("金额");

        problems.Clear();
        FormulaParser.Parse("person.medical_spendin * 2", Catalog.Names(Subject.Person), problems).ShouldBeNull();
        problems.Single().Message.ShouldContain("person.medical_spending");

        problems.Clear();
        FormulaParser.Parse("household.size + person.age", Catalog.Names(Subject.Household), problems).ShouldBeNull();
        problems.Single().Message.ShouldContain("sum_members");
    }

    [Fact]
    public void The_Dictionary_Names_A_Cycle_And_A_Formula_Of_The_Wrong_Kind_With_Their_Lines()
    {
        var problems = new List<PolicyProblem>();
        DataDictionary.TryParse("""
            facts:
              - name: person.a
                label: 甲
                kind: number
                formula: person.b + 1
              - name: person.b
                label: 乙
                kind: number
                formula: person.a * 2
              - name: person.c
                label: 丙
                kind: money
                formula: person.age * 2
            """, problems).ShouldBeNull();
        problems.ShouldContain(p => p.Message.Contains("person.a → person.b → person.a", StringComparison.Ordinal), string.Join("\n", problems));
        problems.ShouldContain(p => p.Line == 13 && p.Message.Contains("person.c", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Department_Mapping_Is_Checked_For_Required_Facts_Keys_And_Values()
    {
        var problems = new List<PolicyProblem>();
        DataDictionary.TryParse("""
            departments:
              - code: civil_affairs
                columns:
                  证件号码: id
                  月均收入: household.per_capita_income
              - code: housing
                keyed_by: household
                columns:
                  户号: household
                  残疾等级: person.disability_grade
              - code: child_welfare
                columns:
                  证件号码: id
              - code: education
                columns:
                  证件号码: id
                  学段: person.schooling
                values:
                  person.schooling: { "3": grade_three }
            """, problems).ShouldBeNull();
        problems.ShouldContain(p => p.Line == 2 && p.Message.Contains("person.special_status", StringComparison.Ordinal), string.Join("\n", problems));
        problems.ShouldContain(p => p.Line == 10 && p.Message.Contains("按户号", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Message.Contains("child_welfare", StringComparison.Ordinal) && p.Message.Contains("name", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == 19 && p.Message.Contains("grade_three", StringComparison.Ordinal));
    }

    [Fact]
    public void Division_By_Zero_Is_Unknown_And_Rounding_Is_Exact()
    {
        var catalog = Catalog;
        var problems = new List<FormulaProblem>();
        var formula = FormulaParser.Parse("round(person.monthly_income / person.medical_spending, 2)", catalog.Names(Subject.Person), problems)!;
        problems.ShouldBeEmpty();
        var facts = new Dictionary<string, Fact>
        {
            ["person.monthly_income"] = Fact.Of("1000", "人社", On), ["person.medical_spending"] = Fact.Of("3", "医保", On),
        };
        var evaluator = new FormulaEvaluator(On);
        evaluator.Evaluate(formula, new FactFrames(facts, null, On).People)[0].ShouldBe(33333); // 333.33
        facts["person.medical_spending"] = Fact.Of("0", "医保", On);
        new FormulaEvaluator(On).Evaluate(formula, new FactFrames(facts, null, On).People)[0].ShouldBe(Population.Unknown);
    }

    [Fact]
    public void Tiers_Give_The_Amount_Of_The_First_Band_That_Holds()
    {
        var policy = PolicyParser.Parse(WomenPolicy, Catalog);
        decimal? AmountAt(int age) => Evaluator.Amount(policy, new Dictionary<string, Fact>
        {
            ["person.birth_date"] = Fact.Of(On.AddYears(-age).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "公安", On),
        }, On);
        AmountAt(85).ShouldBe(3000m);
        AmountAt(70).ShouldBe(575m); // half of 1,150 in force since 2026-07-01
        AmountAt(40).ShouldBe(500m);
        Evaluator.Amount(policy, new Dictionary<string, Fact>(), On).ShouldBeNull(); // age unknown: cannot tell
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Derived_Facts_Give_The_Same_Answers_In_The_Engine_As_Row_By_Row(int seed)
    {
        var catalog = Catalog;
        var policy = PolicyParser.Parse(WomenPolicy, catalog);
        var population = ColumnarEngineTests.Random(3_000, seed, On);
        var random = new Random(seed);
        foreach (var fact in catalog.Reported)
        {
            population.Declare(fact);
        }

        var spending = population.Number("person.medical_spending").Data;
        var income = population.Number("person.monthly_income").Data;
        var sequence = population.Number("person.id_sequence").Data;
        for (var row = 0; row < population.Count; row++)
        {
            spending[row] = random.Next(6) == 0 ? Population.Unknown : Population.Hundredths(random.Next(3) == 0 ? 27600 : random.Next(0, 60000));
            income[row] = random.Next(5) == 0 ? Population.Unknown : random.Next(4) == 0 ? 0 : Population.Hundredths(random.Next(0, 4000));
            sequence[row] = random.Next(10) == 0 ? Population.Unknown : random.Next(0, 1000) * 100L;
        }

        var outcome = ColumnarEngine.Screen([policy], population, On);
        var answers = outcome.Results[policy.Id];
        var members = Enumerable.Range(0, population.Count).ToLookup(r => population.Household[r]);
        var counts = new Dictionary<Outcome, int>();
        for (var row = 0; row < population.Count; row++)
        {
            var others = members[population.Household[row]].Where(r => r != row)
                .Select(r => (IReadOnlyDictionary<string, Fact>)population.FactsOf(r, On)).ToList();
            var expected = Evaluator.Evaluate(policy, population.FactsOf(row, On), On, null, others).Outcome;
            var actual = answers.IsYes(row) ? Outcome.Yes : (answers.No[row >> 6] & (1UL << row)) != 0 ? Outcome.No : Outcome.Unknown;
            actual.ShouldBe(expected, $"row {row}");
            counts[expected] = counts.GetValueOrDefault(expected) + 1;
        }

        counts.GetValueOrDefault(Outcome.Yes).ShouldBeGreaterThan(10);
        counts.GetValueOrDefault(Outcome.No).ShouldBeGreaterThan(100);
        counts.GetValueOrDefault(Outcome.Unknown).ShouldBeGreaterThan(10);
    }

    [Fact]
    public void A_Derived_Household_Fact_Sums_Its_Members_Against_A_Plain_Reference()
    {
        var catalog = Catalog;
        var population = ColumnarEngineTests.Random(500, 7, On);
        foreach (var fact in catalog.Reported)
        {
            population.Declare(fact);
        }

        var income = population.Number("person.monthly_income").Data;
        for (var row = 0; row < population.Count; row++)
        {
            income[row] = row % 7 == 0 ? Population.Unknown : row * 1000L;
        }

        var frames = new PopulationFrames(population, On);
        var perMember = new FormulaEvaluator(On).Value(frames.Households, catalog.Find("household.income_per_member")!);
        var elderly = new FormulaEvaluator(On).Value(frames.Households, catalog.Find("household.elderly_members")!);
        var ages = population.Ages(On);
        for (var h = 0; h < population.HouseholdCount; h++)
        {
            var rows = Enumerable.Range(0, population.Count).Where(r => population.Household[r] == h).ToList();
            var sum = rows.Sum(r => income[r] == Population.Unknown ? 0 : income[r]);
            perMember[h].ShouldBe((long)Math.Round(sum / (decimal)rows.Count, MidpointRounding.AwayFromZero));
            elderly[h].ShouldBe(rows.Any(r => ages[r] == Population.Unknown) ? Population.Unknown : rows.Count(r => ages[r] >= 6000) * 100L);
        }
    }
}
