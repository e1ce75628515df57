using System.Reflection;
using NetArchTest.Rules;
using Yilian.Organizations;
using Yilian.Platform;
using Yilian.SharedKernel.Data;

namespace Yilian.ArchitectureTests;

/// <summary>A module is a room with one door: other modules may use only its Contracts namespace.</summary>
public class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules =
        [typeof(PlatformModule).Assembly, typeof(OrganizationsModule).Assembly, typeof(Projects.ProjectsModule).Assembly, typeof(Activities.ActivitiesModule).Assembly, typeof(Volunteers.VolunteersModule).Assembly,
            typeof(Policies.PoliciesModule).Assembly];

    public static TheoryData<string, string> ModulePairs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var from in Modules)
            {
                foreach (var to in Modules.Where(m => m != from))
                {
                    data.Add(from.GetName().Name!, to.GetName().Name!);
                }
            }

            return data;
        }
    }

    /// <summary>Everything of a module that is not its Contracts: namespaces, plus the types of its root namespace.</summary>
    private static string[] Internals(Assembly module)
    {
        var root = module.GetName().Name!;
        var types = module.GetTypes().Where(t => t.Namespace is not null && !t.Name.StartsWith('<')).ToList();
        return
        [
            .. types.Select(t => t.Namespace!).Where(ns => ns != root && !ns.StartsWith(root + ".Contracts", StringComparison.Ordinal)).Distinct(),
            .. types.Where(t => t.Namespace == root).Select(t => t.FullName!),
        ];
    }

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void Module_UsesOnlyContractsOfAnotherModule(string from, string to)
    {
        var fromAssembly = Modules.Single(m => m.GetName().Name == from);
        var toAssembly = Modules.Single(m => m.GetName().Name == to);
        var result = Types.InAssembly(fromAssembly).ShouldNot().HaveDependencyOnAny(Internals(toAssembly)).GetResult();
        result.IsSuccessful.ShouldBeTrue($"{from} reaches into {to}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void SharedKernel_DependsOnNoModuleAndNotOnTheHost()
    {
        var result = Types.InAssembly(typeof(YilianDbContext).Assembly).ShouldNot()
            .HaveDependencyOnAny([.. Modules.Select(m => m.GetName().Name!), "Yilian.Web"]).GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Modules_DoNotDependOnTheHost()
    {
        foreach (var module in Modules)
        {
            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOn("Yilian.Web").GetResult();
            result.IsSuccessful.ShouldBeTrue($"{module.GetName().Name}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Rule_WouldCatchAReachIn()
    {
        // The rule itself must be able to fail: the host reaches into Platform's internals by design.
        var result = Types.InAssembly(typeof(Program).Assembly).ShouldNot().HaveDependencyOnAny(Internals(typeof(PlatformModule).Assembly)).GetResult();
        result.IsSuccessful.ShouldBeFalse();
    }

    [Fact]
    public void DbContexts_DeriveFromTheScopedBase()
    {
        // Every module that stores data has its own context (Policies keeps its catalogue in memory for now).
        var contexts = Modules.SelectMany(m => m.GetTypes()).Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.DbContext))).ToList();
        contexts.Count.ShouldBeGreaterThanOrEqualTo(5);
        contexts.ShouldAllBe(t => t.IsSubclassOf(typeof(YilianDbContext)));
    }
}
