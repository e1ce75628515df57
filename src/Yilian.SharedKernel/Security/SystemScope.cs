namespace Yilian.SharedKernel.Security;

/// <summary>
/// Marks the current async flow as system work (a command, a scheduled job, the audit sealer) that may
/// see all data. Web requests never enter it; without it and without a signed-in user the scope is empty.
/// </summary>
public static class SystemScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static IDisposable Enter()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Exit(previous);
    }

    private sealed class Exit(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
