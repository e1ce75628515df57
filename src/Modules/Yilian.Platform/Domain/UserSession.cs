using Yilian.SharedKernel.Data;

namespace Yilian.Platform.Domain;

/// <summary>One signed-in browser or API token; ending it signs that client out at its next request.</summary>
[Unscoped("Visible to operators and to the session's own user only, checked by the feature.")]
internal sealed class UserSession
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    [Yilian.SharedKernel.Auditing.AuditIgnore]
    public DateTimeOffset LastSeenAt { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }
}

[Unscoped("Installation-wide settings.")]
internal sealed class Setting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
