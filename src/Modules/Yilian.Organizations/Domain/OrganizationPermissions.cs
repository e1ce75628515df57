using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Organizations.Domain;

/// <summary>
/// Who may do what with organizations, by role, in one place; which organizations and regions a person reaches is the
/// data scope's business (decision 003), not this class's.
/// </summary>
internal static class OrganizationPermissions
{
    /// <summary>Keeps an organization's profile and staff: its own administrator, the platform operator, the regulator.</summary>
    public static bool KeepsOrganizations(ICurrentUser user) => user.IsInAnyRole(Roles.OrgAdmin, Roles.PlatformOperator, Roles.Regulator);

    /// <summary>Decides registration changes, grades, status and annual reports: the civil-affairs regulator.</summary>
    public static bool Regulates(ICurrentUser user) => user.IsInRole(Roles.Regulator);

    /// <summary>Oversees the whole register: the regulator and the platform operator.</summary>
    public static bool Oversees(ICurrentUser user) => user.IsInAnyRole(Roles.Regulator, Roles.PlatformOperator);

    /// <summary>An organization's own administrator, who sees its to-dos.</summary>
    public static bool AdministersOwnOrganization(ICurrentUser user) => user.IsInRole(Roles.OrgAdmin);

    /// <summary>Runs incubators and may advise any incubation: the platform operator.</summary>
    public static bool RunsIncubators(ICurrentUser user) => user.IsInRole(Roles.PlatformOperator);

    /// <summary>Gives advice in incubation: the platform operator and mentors.</summary>
    public static bool Advises(ICurrentUser user) => user.IsInAnyRole(Roles.PlatformOperator, Roles.Mentor);
}
