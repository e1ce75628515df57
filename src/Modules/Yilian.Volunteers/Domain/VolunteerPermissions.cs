using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Volunteers.Domain;

/// <summary>Who may do what with volunteers, by role, in one place; which activities and people they reach is the data scope's.</summary>
internal static class VolunteerPermissions
{
    /// <summary>Organizes volunteers: sign-ups, attendance, teams, the shop: organizations' staff, community officers, the platform.</summary>
    public static bool Organizes(ICurrentUser user) =>
        user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff, Roles.PlatformOperator, Roles.CommunityOfficer);

    /// <summary>Awards or takes back love points by hand: an organization's administrator, a community officer, the platform.</summary>
    public static bool AwardsPoints(ICurrentUser user) => user.IsInAnyRole(Roles.PlatformOperator, Roles.OrgAdmin, Roles.CommunityOfficer);

    /// <summary>Sees every activity's volunteers, whoever organizes it: the platform operator.</summary>
    public static bool SeesEveryActivity(ICurrentUser user) => user.IsInRole(Roles.PlatformOperator);

    /// <summary>Serves as a volunteer.</summary>
    public static bool Volunteers(ICurrentUser user) => user.IsInRole(Roles.Volunteer);
}
