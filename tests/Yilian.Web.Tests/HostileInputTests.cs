using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// Hostile strings into every string field of every JSON write operation the API document lists, as a user allowed to
/// call it: nothing answers 5xx, and what is accepted reads back as sent (or masked), what is refused says why.
/// </summary>
public sealed partial class HostileInputTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite, new Dictionary<string, string?>
    {
        ["Security:LoginAttemptsPerIpPerMinute"] = "100000", ["Security:LoginAttemptsPerAccountPerMinute"] = "100000",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Our own corpus: markup, every quote, control and direction characters, astral plane, template and SQL syntax, size.</summary>
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "\"'`‘’“”「」『』",
        "Robert'); DROP TABLE platform_users;--",
        "{{7*7}} ${7*7} <%= 7*7 %> #{7*7} @(7*7)",
        "a\u0000b\u0007c\u001b[31md\u007f",
        "\u202Eevil\u202C \u200B\u200D\uFEFF",
        "𠀀𠮷𝄞😀👩‍👩‍👧",
        "../../etc/passwd %00 %0a",
        "",
        "\r\n\t",
        new string('长', 100_000),
    ];

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex RouteParameter();

    /// <summary>Calls that would end the test's own sessions or access rather than write data.</summary>
    private static bool Skipped(string path) =>
        path.Contains("/auth/", StringComparison.Ordinal) || path.Contains("/sessions", StringComparison.Ordinal)
        || path.Contains("logout", StringComparison.Ordinal) || path.Contains("/password", StringComparison.Ordinal)
        || path.Contains("/roles", StringComparison.Ordinal) || path.Contains("/lock", StringComparison.Ordinal);

    [Fact]
    public async Task Every_String_Field_Of_Every_Write_Operation_Survives_Hostile_Input()
    {
        using var anonymous = _app.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in new[] { "operator", "regulator", "orgadmin", "volunteer" })
        {
            clients[role] = await _app.ClientAsAsync(role);
        }

        var failures = new List<string>();
        var exercised = 0;
        var accepted = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (Skipped(path))
            {
                continue;
            }

            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch")
                    || operation?["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schemaNode
                    || Resolve(schemaNode, schemas) is not { } schema
                    || schema["properties"]?.AsObject() is not { } properties)
                {
                    continue;
                }

                var fields = properties.Where(p => IsString(Resolve(p.Value!, schemas))).Select(p => p.Key).ToList();
                if (fields.Count == 0)
                {
                    continue;
                }

                var (client, url) = await AuthorizedAsync(clients, method, path, RouteParameter());
                if (client is null)
                {
                    continue;
                }

                exercised++;
                foreach (var field in fields)
                {
                    foreach (var hostile in Corpus)
                    {
                        var body = Plausible(properties, schemas);
                        body[field] = hostile;
                        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                        {
                            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                        };
                        using var response = await client.SendAsync(request);
                        var status = (int)response.StatusCode;
                        accepted += status is >= 200 and < 300 ? 1 : 0;
                        var text = await response.Content.ReadAsStringAsync();
                        var shown = hostile.Length > 40 ? $"{hostile[..20]}…({hostile.Length})" : hostile;
                        if (status >= 500)
                        {
                            failures.Add($"{method.ToUpperInvariant()} {path} {field}={JsonSerializer.Serialize(shown)}: {status} {text[..Math.Min(200, text.Length)]}");
                        }
                        else if (status is 400 or 409 or 413 or 422 && !text.Contains("\"title\"", StringComparison.Ordinal))
                        {
                            failures.Add($"{method.ToUpperInvariant()} {path} {field}: {status} without a problem body");
                        }
                        else if (status is >= 200 and < 300 && hostile.Trim().Length == hostile.Length && hostile.Length > 0
                            && ReadBack(text, field) is { } back && back != hostile && !back.Contains('*', StringComparison.Ordinal))
                        {
                            failures.Add($"{method.ToUpperInvariant()} {path} {field}: accepted {JsonSerializer.Serialize(shown)} but reads back {JsonSerializer.Serialize(back.Length > 40 ? back[..40] : back)}");
                        }
                    }
                }
            }
        }

        exercised.ShouldBeGreaterThan(20);
        accepted.ShouldBeGreaterThan(0, $"{exercised} operations"); // some hostile strings are legitimate text and get through
        failures.ShouldBeEmpty();
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>The first role allowed to call the operation (not 401/403), with route parameters filled from a real record when it can.</summary>
    private static async Task<(HttpClient? Client, string Url)> AuthorizedAsync(
        Dictionary<string, HttpClient> clients, string method, string path, Regex parameter)
    {
        foreach (var client in clients.Values)
        {
            var url = await FillAsync(client, path, parameter);
            using var probe = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(probe);
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                return (client, url);
            }
        }

        return (null, path);
    }

    private static async Task<string> FillAsync(HttpClient client, string path, Regex parameter)
    {
        var url = path;
        foreach (Match m in parameter.Matches(path))
        {
            var collection = path[..m.Index].TrimEnd('/');
            var id = Guid.NewGuid().ToString();
            try
            {
                var list = JsonNode.Parse(await client.GetStringAsync(collection));
                var first = (list?["items"] ?? list) is JsonArray { Count: > 0 } items ? items[0] : null;
                id = first?["id"]?.ToString() ?? id;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException)
            {
                // No list to take an id from: a random one (the operation may answer 404, also a clear answer).
            }

            url = url.Replace(m.Value, id, StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>A body that gets past "required": every other field with an ordinary value, so the hostile one is read.</summary>
    private static JsonObject Plausible(JsonObject properties, JsonObject? schemas)
    {
        var body = new JsonObject();
        var soon = DateTimeOffset.UtcNow.AddDays(3).ToOffset(TimeSpan.FromHours(8));
        foreach (var (name, node) in properties)
        {
            var schema = Resolve(node!, schemas);
            var type = schema?["type"] is JsonArray a ? a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null") : schema?["type"]?.GetValue<string>();
            JsonNode? value = (type, schema?["format"]?.GetValue<string>()) switch
            {
                ("string", "date-time") => soon.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                ("string", "date") => soon.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ("string", null) when schema?["enum"] is JsonArray { Count: > 0 } values => values[0]!.DeepClone(),
                ("string", null) => "测试值",
                ("integer", _) or ("number", _) => 1,
                ("boolean", _) => true,
                _ => null,
            };
            if (value is not null)
            {
                body[name] = value;
            }
        }

        return body;
    }

    private static JsonNode? Resolve(JsonNode node, JsonObject? schemas)
    {
        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            return schemas?[reference.Split('/')[^1]];
        }

        return node;
    }

    private static bool IsString(JsonNode? schema) =>
        schema?["type"] switch
        {
            JsonValue v => v.GetValue<string>() == "string" && schema["format"] is null && schema["enum"] is null,
            JsonArray a => a.Any(t => t?.GetValue<string>() == "string") && schema["format"] is null && schema["enum"] is null,
            _ => false,
        };

    private static string? ReadBack(string json, string field)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject o && o[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
