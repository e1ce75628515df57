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

    [Fact]
    public void Forms_AreReadThroughPageForms_SoANonFormAnswers415()
    {
        // HttpRequest.ReadFormAsync throws (a 500) on a body that is not a form; PageForms.ReadFormAsync answers 415.
        var offenders = SourceFiles("src/Modules")
            .Where(f => File.ReadAllText(f).Contains(".ReadFormAsync(", StringComparison.Ordinal)
                && !File.ReadAllText(f).Contains("PageForms.ReadFormAsync(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Pages_CarryNoInlineScript_NorEventHandlerAttributes()
    {
        // The Content-Security-Policy allows scripts from files only; user data in an on…= attribute or an inline script
        // would be code. Pages declare behaviour with data- attributes (wwwroot/js/forms.js). Blazor's @onsubmit is server-side.
        // Lower case: an HTML attribute; OnSubmit= is a Blazor component's parameter.
        var handler = new System.Text.RegularExpressions.Regex(@"(?<![@\w-])on[a-z]+\s*=\s*[""']");
        var inlineScript = new System.Text.RegularExpressions.Regex(@"<script(?![^>]*\bsrc=)[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var offenders = new[] { "*.razor", "*.cshtml", "*.html" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, "src"), p, SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(x => handler.IsMatch(x.Text) || inlineScript.IsMatch(x.Text))
            .Select(x => $"{Path.GetRelativePath(Root, x.File)}:{x.Line}: {x.Text.Trim()}").ToList();
        offenders.ShouldBeEmpty();
    }

    public const int MaxLineLength = 140;

    [Fact]
    public void Lines_StayUnderTheLimit_AndOldFilesOnlyGetShorter()
    {
        // .editorconfig's max_line_length. Files longer when the limit was set are listed with their count, which may
        // only go down; every other file keeps to it.
        var baseline = File.ReadAllLines(Path.Combine(Root, "tests/Yilian.ArchitectureTests/long-lines.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var offenders = new List<string>();
        foreach (var file in SourceFiles("src").Where(f => !f.Contains("/Migrations/Yilian.Migrations.", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(Root, file);
            var longLines = File.ReadAllLines(file).Count(l => l.Length > MaxLineLength);
            var allowed = baseline.GetValueOrDefault(relative);
            if (longLines > allowed)
            {
                offenders.Add($"{relative}: {longLines} lines over {MaxLineLength} characters (allowed {allowed})");
            }
            else if (longLines < allowed)
            {
                // A ratchet: what was shortened stays short, so the allowance follows the file down.
                offenders.Add($"{relative}: {longLines} lines over {MaxLineLength} characters now; lower its allowance ({allowed}) "
                    + "in long-lines.tsv");
            }

            baseline.Remove(relative);
        }

        offenders.AddRange(baseline.Keys.Select(f => $"{f}: listed in long-lines.tsv but gone; remove its row"));
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void ModuleFiles_OnlyRegister()
    {
        // A module's *Module.cs registers services and maps its features' endpoints; the work lives in the features.
        var tooLong = SourceFiles("src/Modules").Where(f => f.EndsWith("Module.cs", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Root, f), Lines: File.ReadAllLines(f).Length)).Where(x => x.Lines > 120).ToList();
        tooLong.ShouldBeEmpty();
    }

    [Fact]
    public void Pages_GoThroughHandlers_NotTheDbContext()
    {
        // A page and its API call the same handler, so they cannot drift apart (docs/modules.md).
        var offenders = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("@inject", StringComparison.Ordinal) && l.Contains("DbContext", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        offenders.ShouldBeEmpty();
    }
}
