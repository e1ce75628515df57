namespace Yilian.Platform.Contracts;

public enum WorkItemTone
{
    /// <summary>A figure to know; nothing is late.</summary>
    Info = 1,

    /// <summary>Waiting for the person's action.</summary>
    Todo = 2,

    /// <summary>Late or at risk: overdue reports, uncontacted leads past their time.</summary>
    Urgent = 3,
}

/// <summary>One line of the back office's workbench (工作台): a count within the person's data scope, and where the records are.</summary>
/// <param name="Key">Stable identifier for tests and styling, e.g. <c>organizations.changes-pending</c>.</param>
/// <param name="Title">Already in the person's language.</param>
/// <param name="Href">The page that lists exactly the counted records.</param>
public sealed record WorkItem(string Key, string Title, int Count, string Href, WorkItemTone Tone);

/// <summary>
/// Implemented by each module: what the signed-in person has to do there. Counts come from the module's own
/// DbContext, so the data scope applies as everywhere else; a source returns nothing for roles it does not serve.
/// </summary>
public interface IWorkbenchSource
{
    Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct);
}
