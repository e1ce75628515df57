using System.Xml.Linq;

namespace Yilian.ArchitectureTests;

/// <summary>Every text a user can see exists in Simplified Chinese and in English.</summary>
public class ResourceTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Yilian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    public static TheoryData<string> NeutralResources
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
                         .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
            {
                data.Add(Path.GetRelativePath(RepositoryRoot(), file));
            }

            return data;
        }
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void EveryChineseTextHasAnEnglishOne_AndTheSamePlaceholders(string relativePath)
    {
        var zh = Read(Path.Combine(RepositoryRoot(), relativePath));
        var en = Read(Path.Combine(RepositoryRoot(), relativePath.Replace(".resx", ".en.resx", StringComparison.Ordinal)));
        zh.Keys.Order().ShouldBe(en.Keys.Order());
        foreach (var (key, text) in zh)
        {
            Placeholders(text).ShouldBe(Placeholders(en[key]), $"{relativePath}: {key}");
            text.ShouldNotBeNullOrWhiteSpace();
        }

        // The neutral (default) culture is Chinese: most entries contain CJK characters.
        zh.Values.Count(v => v.Any(c => c is >= '\u4e00' and <= '\u9fff')).ShouldBeGreaterThan(zh.Count / 2);
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order()];

    /// <summary>
    /// Files whose Chinese strings are data, not interface text, each with the reason. The list only shrinks: a new
    /// message belongs in the module's .resx with its English.
    /// </summary>
    private static readonly Dictionary<string, string> ChineseDataFiles = new(StringComparer.Ordinal)
    {
        ["src/Yilian.Web/Hosting/YilianDefaults.cs"] = "the product's name, 益联, in the start-up line and the API reference page's title",
        ["src/Yilian.Web/Hosting/OpenApiSetup.cs"] = "the product's name, 益联, in the API document's title",
        ["src/Modules/Yilian.Platform/Domain/DefaultDictionaries.cs"] = "default dictionary entries, renamed by operators afterwards",
        ["src/Modules/Yilian.Projects/Domain/Workflow.cs"] = "the default workflow definition (data, edited on the workflow page)",
        ["src/Modules/Yilian.Projects/Domain/WorkflowRules.cs"] = "the default workflow definition's rule texts",
        ["src/Modules/Yilian.Organizations/Features/ImportOrganizations.cs"] = "the sample row of the Chinese import template",
        ["src/Modules/Yilian.Policies/Imports/Departments.cs"] = "the departments' Chinese file formats (column headers and code lists)",
        ["src/Modules/Yilian.Policies/Imports/ResidentImport.cs"] = "cell values of those files (是/否, 一级 …)",
        ["src/Modules/Yilian.Policies/Rules/Attributes.cs"] = "the attribute vocabulary of the policy format (Chinese labels of a Chinese legal domain)",
        ["src/Modules/Yilian.Policies/Rules/SelfCheck.cs"] = "the source of a self-reported fact, shown in the explanation",
        ["src/Modules/Yilian.Policies/Screening/Population.cs"] = "the source of a fact read from the database, shown in the explanation",
        ["src/Modules/Yilian.Policies/Features/ResidentFacts.cs"] = "department names as the sources of facts",
        ["src/Modules/Yilian.Volunteers/Features/CertificatePdf.cs"] = "the certificate is a Chinese document (民政部令第67号)",
    };

    [Fact]
    public void Code_Holds_No_Chinese_Interface_Text_Outside_Resources()
    {
        var root = RepositoryRoot();
        var cjk = new System.Text.RegularExpressions.Regex("\"[^\"\\n]*[\u4e00-\u9fff][^\"\\n]*\"");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.StartsWith("src/Migrations/", StringComparison.Ordinal)
                || relative.Contains("/Seeding/", StringComparison.Ordinal) || relative.EndsWith("SeedStep.cs", StringComparison.Ordinal) || ChineseDataFiles.ContainsKey(relative))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (!line.StartsWith("//", StringComparison.Ordinal) && cjk.IsMatch(line))
                {
                    offenders.Add($"{relative}:{i + 1}: {line}");
                }
            }
        }

        offenders.ShouldBeEmpty(string.Join("\n", offenders.Take(20)));
        foreach (var listed in ChineseDataFiles.Keys)
        {
            File.Exists(Path.Combine(root, listed)).ShouldBeTrue(listed + " is listed but gone: take it off the list");
        }
    }

    [Fact]
    public void Every_Back_Office_Path_Segment_Has_A_Breadcrumb_Name()
    {
        var root = RepositoryRoot();
        var crumbs = Read(Path.Combine(root, "src/Yilian.Web/Resources/WebText.resx")).Keys.Where(k => k.StartsWith("Crumb_", StringComparison.Ordinal)).ToHashSet();
        var page = new System.Text.RegularExpressions.Regex("@page \"(/admin[^\"]*)\"");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.razor", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (System.Text.RegularExpressions.Match m in page.Matches(File.ReadAllText(file)))
            {
                missing.AddRange(m.Groups[1].Value.Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Where(segment => !segment.StartsWith('{') && !crumbs.Contains("Crumb_" + segment)).Select(segment => $"{m.Groups[1].Value}: Crumb_{segment}"));
            }
        }

        missing.ShouldBeEmpty();
    }
}
