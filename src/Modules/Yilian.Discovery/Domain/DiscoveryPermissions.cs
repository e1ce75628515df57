using Yilian.Discovery.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Discovery.Domain;

/// <summary>Who may do what with the service catalogue and search, by role, in one place (which records: the data scope).</summary>
internal static class DiscoveryPermissions
{
    /// <summary>Keeps services: an organization's own people for their organization, the platform's operators for any.</summary>
    public static bool KeepsServices(ICurrentUser user) => user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff, Roles.PlatformOperator);

    /// <summary>Keeps the services of any organization: the platform's operators.</summary>
    public static bool KeepsAnyOrganizationsServices(ICurrentUser user) => user.IsInRole(Roles.PlatformOperator);

    /// <summary>Reads the catalogue in scope, withdrawn services too (the back office's list): everyone in the back office.</summary>
    public static bool ReadsServicesInScope(ICurrentUser user) => SearchesStaffContent(user);

    /// <summary>Searches what is only for staff as well as what is public: everyone signed in to the back office.</summary>
    public static bool SearchesStaffContent(ICurrentUser user) => Roles.BackOffice.Any(user.IsInRole);

    public static void Require(bool allowed, string messageKey = "Discovery_NotAllowed")
    {
        if (!allowed)
        {
            throw new ForbiddenException(DiscoveryText.Get(messageKey));
        }
    }
}
