namespace Yilian.SharedKernel.Auditing;

/// <summary>
/// Bookkeeping fields that would flood the trail (a session's last-seen time, a change stamp that only tells
/// caches to refresh); the change they stand for is audited where it happens. On a class: records written in bulk
/// by an operation that audits itself as one entry (a department file's residents and facts, audited as the import
/// with the file's hash, row counts and who imported it).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class AuditIgnoreAttribute : Attribute;
