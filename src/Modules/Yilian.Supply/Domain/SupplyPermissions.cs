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

    public static void Require(bool allowed, string messageKey = "Supply_NotAllowed")
    {
        if (!allowed)
        {
            throw new ForbiddenException(SupplyText.Get(messageKey));
        }
    }
}
