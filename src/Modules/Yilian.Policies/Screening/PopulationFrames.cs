using Yilian.Policies.Rules;

namespace Yilian.Policies.Screening;

/// <summary>A whole population as formula frames: every resident, every household, each household's members.</summary>
internal sealed class PopulationFrames
{
    public PopulationFrames(Population population, DateOnly on)
    {
        var households = new Frame(population, Subject.Household, on);
        People = new Frame(population, Subject.Person, on) { Households = households, HouseholdOf = population.Household };
        households.Members = People;
    }

    public IFormulaFrame People { get; }

    public IFormulaFrame Households => People.Households!;

    private sealed class Frame(Population population, Subject subject, DateOnly on) : IFormulaFrame
    {
        public int Rows => subject == Subject.Person ? population.Count : population.HouseholdCount;

        public Subject Subject => subject;

        public IFormulaFrame? Households { get; init; }

        public int[]? HouseholdOf { get; init; }

        public IFormulaFrame? Members { get; set; }

        /// <summary>Derived facts are never stored in a population: they are worked out from their formulas.</summary>
        public long[]? Reported(AttributeDefinition fact) =>
            fact.Formula is not null ? null
            : fact.Name == "person.age" ? population.Ages(on)
            : population.Find(fact.Name)?.AsValues();
    }
}
