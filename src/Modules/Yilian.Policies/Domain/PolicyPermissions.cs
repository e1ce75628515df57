using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Domain;

/// <summary>Who may do what with relief leads, by role, in one place; which households they reach is the data scope's.</summary>
internal static class PolicyPermissions
{
    /// <summary>Follows relief leads up: community officers, the platform operator, the regulator.</summary>
    public static bool FollowsUpRelief(ICurrentUser user) => user.IsInAnyRole(Roles.Regulator, Roles.PlatformOperator, Roles.CommunityOfficer);

    /// <summary>Hands leads to case workers: the platform operator, or a case worker whose scope is a whole street or more.</summary>
    public static bool AssignsLeads(ICurrentUser user, DataScope scope) =>
        user.IsInRole(Roles.PlatformOperator) || (user.IsInRole(Roles.CommunityOfficer) && (scope.Streets.Count > 0 || scope.Districts.Count > 0));

    /// <summary>
    /// Sees full ID numbers in an export of leads: the case workers who contact the families, and the platform operator;
    /// the regulator's exports are masked (it oversees, it does not call).
    /// </summary>
    public static bool SeesFullIdNumbers(ICurrentUser user) => user.IsInAnyRole(Roles.PlatformOperator, Roles.CommunityOfficer);

    /// <summary>May act on a lead someone else holds: the platform operator.</summary>
    public static bool OverridesHolders(ICurrentUser user) => user.IsInRole(Roles.PlatformOperator);
}
