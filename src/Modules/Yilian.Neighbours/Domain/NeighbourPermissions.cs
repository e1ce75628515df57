using Yilian.Neighbours.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Neighbours.Domain;

/// <summary>Who may do what with neighbour help, by role, in one place (which communities: the data scope).</summary>
internal static class NeighbourPermissions
{
    /// <summary>Decides reports and sees every post and answer in their communities: community officers (and street officers
    /// through their scope), the platform's operators.</summary>
    public static bool Moderates(ICurrentUser user) => user.IsInAnyRole(Roles.CommunityOfficer, Roles.PlatformOperator);

    public static void Require(bool allowed, string messageKey = "Help_NotAllowed")
    {
        if (!allowed)
        {
            throw new ForbiddenException(NeighbourText.Get(messageKey));
        }
    }
}
