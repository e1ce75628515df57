using System.Globalization;

using YamlDotNet.RepresentationModel;

using Yilian.Policies.Resources;

namespace Yilian.Policies.Rules;

/// <summary>Reads values from mappings and records problems with their positions.</summary>
internal sealed class YamlReader(List<PolicyProblem> problems)
{
    /// <summary>How many problems have been found so far (to tell whether one part added any).</summary>
    public int Count => problems.Count;

    /// <summary>The document's top-level mapping, or null with the problem (malformed YAML, or not a mapping) recorded.</summary>
    public static YamlMappingNode? Root(string yaml, List<PolicyProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add(new PolicyProblem((int)e.Start.Line, (int)e.Start.Column, PolicyText.Get("Parse_Yaml", e.Message)));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new PolicyProblem(1, 1, PolicyText.Get("Parse_NotAMap")));
            return null;
        }

        return root;
    }

    public void Problem(YamlNode node, string message, int columnOffset = 0) =>
        problems.Add(new PolicyProblem((int)node.Start.Line, (int)node.Start.Column + columnOffset, message));

    public T ProblemAt<T>(YamlMappingNode map, string key, string message, T fallback)
    {
        Problem(map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : map, message);
        return fallback;
    }

    public void OnlyKeys(YamlMappingNode map, params string[] keys)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!keys.Contains(key.Value))
            {
                Problem(key, PolicyText.Get("Parse_UnknownKey", key.Value, string.Join(" ", keys)));
            }
        }
    }

    public YamlNode? Child(YamlMappingNode map, string key, bool required = false)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return node;
        }

        if (required)
        {
            Problem(map, PolicyText.Get("Parse_Missing", key));
        }

        return null;
    }

    public string? Text(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Problem(node, PolicyText.Get("Parse_Scalar", key));
            return null;
        }

        return scalar.Value.Trim();
    }

    public int? Integer(YamlMappingNode map, string key) =>
        Text(map, key) is { } t ? int.TryParse(t, CultureInfo.InvariantCulture, out var i) && i > 0 ? i : ProblemAt<int?>(map, key,
            PolicyText.Get("Parse_PositiveInteger", key), null) : null;

    public decimal? Decimal(YamlMappingNode map, string key, bool required = false) =>
        Text(map, key, required) is { } t ? decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture,
            out var d) ? d : ProblemAt<decimal?>(map, key, PolicyText.Get("Parse_Number", key, t), null) : null;

    public DateOnly? Date(YamlMappingNode map, string key, string missing)
    {
        if (!map.Children.ContainsKey(new YamlScalarNode(key)))
        {
            Problem(map, missing);
            return null;
        }

        var t = Text(map, key);
        return t is not null && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : ProblemAt<DateOnly?>(map, key, PolicyText.Get("Parse_Date", key), null);
    }
}
