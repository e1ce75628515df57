namespace Yilian.SharedKernel.Data;

/// <summary>The record belongs to a place; its 12-digit region code decides who may see it.</summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}

/// <summary>The record belongs to an organization.</summary>
public interface IOrganizationScoped
{
    Guid OrganizationId { get; }
}

/// <summary>The record belongs to one user (a volunteer's own hours, a resident's own suggestion).</summary>
public interface IUserOwned
{
    string OwnerUserId { get; }
}

/// <summary>
/// Reference data everyone may read (regions, dictionaries) or data with its own access rule
/// (audit, sessions). Every entity without a scope must say so with this attribute, or the model fails to build.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UnscopedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>A property whose value must never appear in the audit trail or logs (hashes, secrets, ID numbers).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
