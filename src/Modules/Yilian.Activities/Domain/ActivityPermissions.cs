using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Activities.Domain;

/// <summary>Who may do what with venues and activities, by role, in one place; which ones they reach is the data scope's.</summary>
internal static class ActivityPermissions
{
    /// <summary>Schedules activities: organizations' staff, community officers, the platform operator (and system work).</summary>
    public static bool Schedules(ICurrentUser user) =>
        user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff, Roles.PlatformOperator, Roles.CommunityOfficer) || SystemScope.IsActive;

    /// <summary>Books for any organization or none: community officers and the platform operator (and system work).</summary>
    public static bool BooksForAnyone(ICurrentUser user) => user.IsInAnyRole(Roles.CommunityOfficer, Roles.PlatformOperator) || SystemScope.IsActive;

    /// <summary>Keeps every venue and sees every calendar: the platform operator and the regulator (and system work for venues).</summary>
    public static bool KeepsEverything(ICurrentUser user) => user.IsInAnyRole(Roles.PlatformOperator, Roles.Regulator);

    /// <summary>Keeps the venues its organization owns: an organization's administrator.</summary>
    public static bool KeepsOwnVenues(ICurrentUser user) => user.IsInRole(Roles.OrgAdmin);

    /// <summary>Keeps the public venues of its community or street: a community officer.</summary>
    public static bool KeepsCommunityVenues(ICurrentUser user) => user.IsInRole(Roles.CommunityOfficer);
}
