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
}
