namespace Yilian.Platform.Contracts;

/// <summary>
/// Implemented by the Platform module for demo data: work done as a named account, through the module's real
/// handlers, with that account's roles, data scope and name in the audit trail — in a service scope of its own,
/// outside the system scope. Never reachable from a request.
/// </summary>
public interface IActAs
{
    Task<T> RunAsync<T>(string userName, Func<IServiceProvider, Task<T>> work, CancellationToken ct);
}
