namespace Yilian.Projects.Contracts;

/// <summary>
/// Implemented by the Projects module: other modules add what happened to a project (an activity held,
/// an expense booked) to its one timeline, without depending on that module.
/// </summary>
public interface IProjectTimeline
{
    /// <param name="kind">"activity" or "expense".</param>
    Task RecordAsync(Guid projectId, string kind, string text, CancellationToken ct);
}
