using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Domain;

/// <summary>Who may do what on the platform, by role, in one place (route-level policies are in IdentitySetup).</summary>
internal static class PlatformPermissions
{
    /// <summary>Keeps the managed dictionaries: the platform operator and the regulator.</summary>
    public static bool KeepsDictionaries(ICurrentUser user) => user.IsInAnyRole(Roles.PlatformOperator, Roles.Regulator);
}
