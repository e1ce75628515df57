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

    public List<RoleAssignment> Assignments { get; set; } = [];
}
