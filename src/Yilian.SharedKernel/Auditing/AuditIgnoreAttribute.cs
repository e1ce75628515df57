namespace Yilian.SharedKernel.Auditing;

/// <summary>
/// Bookkeeping fields that would flood the trail (a session's last-seen time, a change stamp that only tells
/// caches to refresh); the change they stand for is audited where it happens.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;
