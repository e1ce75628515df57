using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Yilian.Projects.Data;
using Yilian.Projects.Domain;
using Yilian.Projects.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Features;

public sealed record WorkflowDto(int Version, DateTimeOffset PublishedAt, string PublishedBy, WorkflowDefinition Definition);

/// <summary>Published workflow versions. Version 1 is the built-in standard process, published on first use.</summary>
internal sealed class WorkflowStore(ProjectsDbContext db, TimeProvider clock, ICurrentUser user)
{
    private static readonly Lazy<string> DefaultJson = new(() =>
    {
        using var stream = typeof(WorkflowStore).Assembly.GetManifestResourceStream("default-workflow.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowDefinition.Json) ?? throw new JsonException("empty workflow");

    public async Task<Workflow> CurrentAsync(CancellationToken ct)
    {
        var current = await db.Workflows.OrderByDescending(w => w.Version).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return current;
        }

        var first = new Workflow { Version = 1, Definition = DefaultJson.Value, PublishedAt = clock.GetUtcNow(), PublishedBy = "system" };
        db.Workflows.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
            return first;
        }
        catch (DbUpdateException)
        {
            // Another request published version 1 at the same moment.
            db.Entry(first).State = EntityState.Detached;
            return await db.Workflows.OrderByDescending(w => w.Version).FirstAsync(ct);
        }
    }

    public async Task<WorkflowDefinition> DefinitionAsync(int workflowId, CancellationToken ct) =>
        Parse((await db.Workflows.AsNoTracking().FirstAsync(w => w.Id == workflowId, ct)).Definition);

    public async Task<WorkflowDto> CurrentDtoAsync(CancellationToken ct)
    {
        var w = await CurrentAsync(ct);
        return new WorkflowDto(w.Version, w.PublishedAt, w.PublishedBy, Parse(w.Definition));
    }

    /// <summary>Validates and publishes a new version; running projects keep theirs.</summary>
    public async Task<WorkflowDto> PublishAsync(string json, CancellationToken ct)
    {
        if (json.Length > 100_000)
        {
            throw InputValidationException.For("definition", ProjectText.Get("Workflow_TooLarge"));
        }

        WorkflowDefinition definition;
        try
        {
            definition = Parse(json);
        }
        catch (JsonException e)
        {
            throw InputValidationException.For("definition", ProjectText.Get("Workflow_BadJson", e.LineNumber + 1, e.Message));
        }

        var problems = WorkflowValidator.Problems(definition);
        if (problems.Count > 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["definition"] = [.. problems] });
        }

        var current = await CurrentAsync(ct);
        var next = new Workflow
        {
            Version = current.Version + 1,
            Definition = JsonSerializer.Serialize(definition, WorkflowDefinition.Json),
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = user.UserName ?? "system",
        };
        db.Workflows.Add(next);
        await db.SaveChangesAsync(ct);
        return new WorkflowDto(next.Version, next.PublishedAt, next.PublishedBy, definition);
    }
}
