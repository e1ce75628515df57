using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Domain;

/// <summary>Who may do what with the lists, by role, in one place (which records: the data scope).</summary>
internal static class SupplyPermissions
{
    /// <summary>Posts, closes and withdraws needs: community and street officers, and the platform's operators for them.</summary>
    public static bool PostsNeeds(ICurrentUser user) => user.IsInAnyRole(Roles.CommunityOfficer, Roles.PlatformOperator);

    /// <summary>Reads the needs in scope in the back office (the regulator watches them; organizations use the public list).</summary>
    public static bool ReadsNeeds(ICurrentUser user) => PostsNeeds(user) || user.IsInRole(Roles.Regulator);

    /// <summary>Lists its organization's service projects and resources and rates nothing: an organization's own people (the
    /// operator may keep them for an organization).</summary>
    public static bool KeepsServiceProjects(ICurrentUser user) => user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff, Roles.PlatformOperator);

    /// <summary>Keeps the projects of any organization (not only the caller's own): the platform's operators.</summary>
    public static bool KeepsAnyOrganizationsProjects(ICurrentUser user) => user.IsInRole(Roles.PlatformOperator);

    /// <summary>Offers resources: organizations for themselves; community officers and operators for enterprises, venues and
    /// volunteer teams of their area.</summary>
    public static bool OffersResources(ICurrentUser user) => KeepsServiceProjects(user) || PostsNeeds(user);

    /// <summary>Rates the work that met a need: whoever posts needs (the community that asked).</summary>
    public static bool RatesWork(ICurrentUser user) => PostsNeeds(user);

    /// <summary>Rates a service they received, from the link sent after delivery: residents and volunteers, each once.</summary>
    public static bool RatesAsBeneficiary(ICurrentUser user) => user.IsInAnyRole(Roles.Resident, Roles.Volunteer);

    /// <summary>Runs competitions (公益创投): the platform's operators, who run the park's programmes.</summary>
    public static bool RunsCompetitions(ICurrentUser user) => user.IsInRole(Roles.PlatformOperator);

    /// <summary>Enters competitions: an organization's own people.</summary>
    public static bool EntersCompetitions(ICurrentUser user) => user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff);

    /// <summary>Sees every entry of a competition, eligible or not: its organizers and the regulator.</summary>
    public static bool SeesAllEntries(ICurrentUser user) => RunsCompetitions(user) || user.IsInRole(Roles.Regulator);

    /// <summary>Reads competitions (public calls): everyone in the back office.</summary>
    public static bool ReadsCompetitions(ICurrentUser user) => user.IsAuthenticated;

    /// <summary>Reads the lists in scope in the back office: everyone who works on them, and the regulator.</summary>
    public static bool ReadsLists(ICurrentUser user) => OffersResources(user) || user.IsInRole(Roles.Regulator);

    public static void Require(bool allowed, string messageKey = "Supply_NotAllowed")
    {
        if (!allowed)
        {
            throw new ForbiddenException(SupplyText.Get(messageKey));
        }
    }
}
