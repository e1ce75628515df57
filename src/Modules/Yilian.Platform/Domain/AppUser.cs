using Microsoft.AspNetCore.Identity;

using Yilian.SharedKernel.Data;

namespace Yilian.Platform.Domain;

[Unscoped("Accounts are managed by operators through Platform's own authorization.")]
internal sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Created by the demo seed; listed on the login page only in demo mode.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Blind index of the mobile number a self-registered person signs in with. The number itself is never the user
    /// name (that is a generated handle), so it is not in clear in accounts, sessions or the audit trail.
    /// </summary>
    public string? PhoneIndex { get; set; }

    public List<RoleAssignment> Assignments { get; set; } = [];
}
