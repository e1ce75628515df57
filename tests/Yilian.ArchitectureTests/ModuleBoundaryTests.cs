using Assembly = System.Reflection.Assembly;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Yilian.Activities;
using Yilian.Organizations;
using Yilian.Platform;
using Yilian.Policies;
using Yilian.Projects;
using Yilian.Finance;
using Yilian.SharedKernel.Data;
using Yilian.Volunteers;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Yilian.ArchitectureTests;

/// <summary>
/// A module is a room with one door: other modules may use only its contract, an assembly of its own named
/// <c>Yilian.&lt;Module&gt;.Contracts</c> (docs/decisions/016-contracts-owned-by-their-modules.md).
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(PlatformModule).Assembly, typeof(OrganizationsModule).Assembly, typeof(ProjectsModule).Assembly, typeof(FinanceModule).Assembly,
        typeof(ActivitiesModule).Assembly, typeof(VolunteersModule).Assembly, typeof(PoliciesModule).Assembly,
        typeof(Supply.SupplyModule).Assembly,
        typeof(Discovery.DiscoveryModule).Assembly,
        typeof(Neighbours.NeighboursModule).Assembly,
    ];

    private static readonly Assembly[] Contracts =
    [
        typeof(Platform.Contracts.Roles).Assembly, typeof(Organizations.Contracts.IOrganizationLookup).Assembly,
        typeof(Projects.Contracts.IProjectTimeline).Assembly, typeof(Activities.Contracts.IActivityCatalog).Assembly,
        typeof(Volunteers.Contracts.IVolunteerContacts).Assembly,
    ];

    private static readonly Assembly SharedKernel = typeof(YilianDbContext).Assembly;
    private static readonly Assembly SharedUi = typeof(Ui.PageForms).Assembly;
    private static readonly Assembly Host = typeof(Program).Assembly;

    private static readonly Architecture Architecture =
        new ArchLoader().LoadAssemblies([.. Modules, .. Contracts, SharedKernel, SharedUi, Host]).Build();

    private static string Name(Assembly a) => a.GetName().Name!;

    private static IEnumerable<string> YilianReferences(Assembly a) =>
        a.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Yilian.", StringComparison.Ordinal));

    public static TheoryData<string, string> ModulePairs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var from in Modules)
            {
                foreach (var to in Modules.Where(m => m != from))
                {
                    data.Add(Name(from), Name(to));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void Module_UsesNoTypeOfAnotherModule(string from, string to)
    {
        var rule = Types().That().ResideInAssembly(Modules.Single(m => Name(m) == from))
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Modules.Single(m => Name(m) == to)));
        rule.HasNoViolations(Architecture).ShouldBeTrue($"{from} reaches into {to}: {Violations(rule)}");
    }

    [Fact]
    public void Module_ReferencesOnlyTheKernelTheSharedUiAndContracts()
    {
        var allowed = Contracts.Select(Name).Append(Name(SharedKernel)).Append(Name(SharedUi)).ToHashSet();
        foreach (var module in Modules)
        {
            YilianReferences(module).Where(r => !allowed.Contains(r)).ShouldBeEmpty($"{Name(module)} references a module's insides");
        }
    }

    [Fact]
    public void Contracts_ReferenceOnlyTheKernelAndOtherContracts_AndBelongToAModule()
    {
        var allowed = Contracts.Select(Name).Append(Name(SharedKernel)).ToHashSet();
        foreach (var contract in Contracts)
        {
            YilianReferences(contract).Where(r => !allowed.Contains(r)).ShouldBeEmpty(Name(contract));
            var owner = Name(contract)[..^".Contracts".Length];
            Modules.Select(Name).ShouldContain(owner, $"{Name(contract)} has no module of that name");
            contract.GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<'))
                .ShouldAllBe(t => t.Namespace!.StartsWith(owner + ".Contracts", StringComparison.Ordinal), $"{Name(contract)} holds a type outside its namespace");
        }
    }

    [Fact]
    public void SharedKernelAndSharedUi_DependOnNoModuleAndNotOnTheHost()
    {
        foreach (var shared in new[] { SharedKernel, SharedUi })
        {
            YilianReferences(shared).Where(r => r != Name(SharedKernel)).ShouldBeEmpty(Name(shared));
        }
    }

    [Fact]
    public void Modules_DoNotDependOnTheHost()
    {
        var rule = Types().That().ResideInAssembly(Modules[0], Modules[1..]).Should().NotDependOnAny(Types().That().ResideInAssembly(Host));
        rule.HasNoViolations(Architecture).ShouldBeTrue(Violations(rule));
    }

    [Fact]
    public void Rule_WouldCatchAReachIn()
    {
        // The rule itself must be able to fail: the host reaches into Platform's insides by design.
        var rule = Types().That().ResideInAssembly(Host).Should().NotDependOnAny(Types().That().ResideInAssembly(typeof(PlatformModule).Assembly));
        rule.HasNoViolations(Architecture).ShouldBeFalse();
    }

    [Fact]
    public void DbContexts_DeriveFromTheScopedBase()
    {
        // Every module that stores data has its own context (Policies keeps its catalogue in memory for now).
        var contexts = Modules.SelectMany(m => m.GetTypes()).Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.DbContext))).ToList();
        contexts.Count.ShouldBeGreaterThanOrEqualTo(5);
        contexts.ShouldAllBe(t => t.IsSubclassOf(typeof(YilianDbContext)));
    }

    private static string Violations(ArchUnitNET.Fluent.IArchRule rule) =>
        string.Join("; ", rule.Evaluate(Architecture).Where(r => !r.Passed).Take(10).Select(r => r.Description));
}
