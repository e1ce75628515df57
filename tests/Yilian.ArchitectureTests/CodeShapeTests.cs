namespace Yilian.ArchitectureTests;

/// <summary>Shapes the code keeps as modules are added (docs/modules.md).</summary>
public class CodeShapeTests
{
    private static readonly string Root = RepositoryRoot();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Yilian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static IEnumerable<string> SourceFiles(params string[] folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    [Fact]
    public void SystemWork_BeginsOneWay()
    {
        // SystemScope.Begin / RunAsync / WithAsync enter the system scope and make the service scope inside it, in that
        // order (a DbContext takes its data scope when it is made). Entering by hand is for SystemScope itself.
        var offenders = SourceFiles("src", "tests", "bench")
            .Where(f => !f.EndsWith("SystemScope.cs", StringComparison.Ordinal) && File.ReadAllText(f).Contains("SystemScope." + "Enter()", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void BusinessRules_AreNamedInTheirModulesCatalogue()
    {
        // A refusal is thrown as <Module>Rules.<Rule>.Broken(…), never as a BusinessRuleException with a name typed inline.
        var offenders = SourceFiles("src/Modules")
            .Where(f => File.ReadAllText(f).Contains("new " + "BusinessRuleException(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void RoleChecks_LiveInEachModulesPermissions()
    {
        // Route-level access is a named policy (IdentitySetup); in handlers, a role check is a named permission of the
        // module (Domain/<Module>Permissions.cs), so "who may" is answered in one place per module.
        var offenders = SourceFiles("src/Modules")
            .Where(f => !f.EndsWith("Permissions.cs", StringComparison.Ordinal) && !f.EndsWith("ScopeClaims.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".IsInRole", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        offenders.ShouldBeEmpty();
    }
}
