using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>
/// The API document is one a client can be generated from (docs/api.md): valid OpenAPI, every operation named,
/// summarised, described, tagged by its feature, with its success schema and the problem answers it can give.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<OpenApiDocument> DocumentAsync()
    {
        using var client = _app.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json");
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
        diagnostic!.Errors.ShouldBeEmpty(string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        return document!;
    }

    [Fact]
    public async Task Document_IsValidOpenApi()
    {
        var document = await DocumentAsync();
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        errors.ShouldBeEmpty(string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        document.Paths.Count.ShouldBeGreaterThan(100);
        document.Components!.SecuritySchemes!.ShouldContainKey("Bearer");
        document.Extensions!.ShouldContainKey("x-tagGroups");
        document.Paths["/api/v1/me/signups"].Operations![HttpMethod.Get].Deprecated.ShouldBeTrue();
        document.Paths["/api/v1/volunteers/me/signups"].Operations![HttpMethod.Get].Deprecated.ShouldBeFalse();
    }

    [Fact]
    public async Task EveryOperation_IsNamedDescribedTaggedAndDeclaresItsAnswers()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                problems.AddRange(Check(path, method, operation));
                if (operation.OperationId is { } id && !operationIds.Add(id))
                {
                    problems.Add($"{method} {path}: operationId {id} is used twice");
                }
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Check_WouldCatchAnOperationWithoutItsAnswers()
    {
        var bare = new OpenApiOperation
        {
            OperationId = "X", Summary = "X", Description = "X", Tags = new HashSet<OpenApiTagReference> { new("X") },
            Security = [new OpenApiSecurityRequirement()],
            Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
        };
        var found = Check("/api/v1/things/{id}", HttpMethod.Post, bare).ToList();
        found.ShouldContain(p => p.Contains("401"));
        found.ShouldContain(p => p.Contains("404"));
        found.ShouldContain(p => p.Contains("409"));
        found.ShouldContain(p => p.Contains("200 has no schema"));
        Check("/api/v1/things", HttpMethod.Get, new OpenApiOperation { Responses = [] }).ShouldContain(p => p.Contains("no success response"));
    }

    /// <summary>What an operation must say (docs/api.md).</summary>
    private static IEnumerable<string> Check(string path, HttpMethod method, OpenApiOperation operation)
    {
        var at = $"{method} {path}";
        if (string.IsNullOrWhiteSpace(operation.OperationId))
        {
            yield return $"{at}: no operationId (WithName)";
        }

        if (string.IsNullOrWhiteSpace(operation.Summary))
        {
            yield return $"{at}: no summary";
        }

        if (string.IsNullOrWhiteSpace(operation.Description))
        {
            yield return $"{at}: no description";
        }

        if (operation.Tags?.Count != 1)
        {
            yield return $"{at}: {operation.Tags?.Count ?? 0} tags (one feature tag expected)";
        }

        var responses = operation.Responses ?? [];
        var expected = new List<int>();
        if (operation.Security is { Count: > 0 })
        {
            expected.AddRange([401, 403]);
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            expected.AddRange([400, 404]);
        }

        if (method != HttpMethod.Get)
        {
            expected.AddRange([400, 409, 422]);
        }

        foreach (var status in expected.Distinct())
        {
            if (!responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
            {
                yield return $"{at}: no {status} problem response";
            }
            else if (response.Content?.ContainsKey("application/problem+json") != true)
            {
                yield return $"{at}: {status} is not application/problem+json";
            }
        }

        if (!responses.Keys.Any(k => k.StartsWith('2')))
        {
            yield return $"{at}: no success response";
        }

        foreach (var (status, response) in responses.Where(r => r.Key is "200"))
        {
            if (response.Content is not { Count: > 0 } content || content.Values.Any(c => c.Schema is null))
            {
                yield return $"{at}: {status} has no schema";
            }
        }
    }
}
