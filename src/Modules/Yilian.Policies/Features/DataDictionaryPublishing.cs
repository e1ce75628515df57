using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies;

/// <summary>A fact as the dictionary's readers see it.</summary>
public sealed record FactView(
    string Name, string Label, string? LabelEn, string Kind, bool Household, bool Declared, IReadOnlyList<string>? Choices, string? Formula,
    string? Department, string? Unit, int? ValidDays, string? Question);

public sealed record DataDictionaryView(int Version, string Text, IReadOnlyList<FactView> Facts);

public sealed record DictionaryFile(string? Text);

/// <summary>
/// Publishes the district's data dictionary: checked as a whole (every problem with line and column), and refused when a
/// policy in force would no longer read with it (a fact it tests removed or changed in kind), naming the policy.
/// </summary>
internal sealed class DataDictionaryPublishing(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock, ICurrentUser user)
{
    public const int MaxChars = 200_000;

    public async Task<DataDictionaryView> GetAsync(CancellationToken ct)
    {
        await catalog.CurrentAsync(ct);
        return View(catalog.Dictionary.Version, catalog.Dictionary.Text, catalog.Facts);
    }

    public async Task<IReadOnlyList<PolicyProblem>> CheckAsync(string? text, CancellationToken ct)
    {
        if (text is not { Length: > 0 and <= MaxChars })
        {
            throw InputValidationException.For("text", PolicyText.Get("Publish_TextRequired", MaxChars / 1000));
        }

        var problems = new List<PolicyProblem>();
        if (DataDictionary.TryParse(text, problems) is { } facts)
        {
            foreach (var policy in await catalog.CurrentAsync(ct))
            {
                var policyProblems = new List<PolicyProblem>();
                if (PolicyParser.TryParse(catalog.Text(policy.Id, policy.Version) ?? "", policyProblems, facts) is null)
                {
                    problems.Add(new PolicyProblem(1, 1, PolicyText.Get("Dictionary_BreaksPolicies", policy.Name,
                        string.Join("；", policyProblems.Select(p => p.Message)))));
                }
            }
        }

        return problems;
    }

    public async Task<DataDictionaryView> PublishAsync(string? text, CancellationToken ct)
    {
        var problems = await CheckAsync(text, ct);
        if (problems.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["text"] = [.. problems.Select(p => p.ToString())] });
        }

        var version = (await db.Dictionaries.MaxAsync(d => (int?)d.Version, ct) ?? 0) + 1;
        db.Dictionaries.Add(new DataDictionaryVersion
        {
            Id = Guid.NewGuid(), Version = version, Text = text!, PublishedBy = user.UserName ?? "system", PublishedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw PolicyRules.PolicyVersionTaken.Broken("data-dictionary", version);
        }

        await catalog.ReloadAsync(ct);
        return View(version, text!, catalog.Facts);
    }

    private static DataDictionaryView View(int version, string text, FactCatalog facts) => new(version, text, [.. facts.All.Values
        .OrderBy(f => f.Declared).ThenBy(f => f.Name, StringComparer.Ordinal)
        .Select(f => new FactView(f.Name, f.Label, f.LabelEn, f.Kind.ToString().ToLowerInvariant(), f.IsHousehold, f.Declared, f.Choices,
            f.FormulaText,
            f.Department, f.Unit, f.ValidDays, f.Question))]);
}
