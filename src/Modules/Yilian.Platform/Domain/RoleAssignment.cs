using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Domain;

/// <summary>A role held by a user within a data scope: the one source of roles and scope claims.</summary>
[Unscoped("Read only while building the caller's own claims and by operators.")]
internal sealed class RoleAssignment
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Role { get; set; } = "";

    public ScopeKind Scope { get; set; }

    /// <summary>District, street or community code for region scopes.</summary>
    public string? RegionCode { get; set; }

    public Guid? OrganizationId { get; set; }
}
