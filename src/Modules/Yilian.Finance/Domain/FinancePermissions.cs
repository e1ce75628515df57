using Yilian.Finance.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Domain;

/// <summary>Who may do what with budgets, expenses and warnings, by role, in one place (which records: the data scope).</summary>
internal static class FinancePermissions
{
    /// <summary>Drafts budgets and expenses, attaches receipts, explains warnings: an organization's staff.</summary>
    public static bool KeepsBooks(ICurrentUser user) => user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff);

    /// <summary>Approves, rejects and pays expenses and reverses paid ones: the organization's administrator (its finance lead).</summary>
    public static bool ApprovesExpenses(ICurrentUser user) => user.IsInRole(Roles.OrgAdmin);

    /// <summary>Approves budgets and decides warnings (accept, escalate, close): the supervising bureau and the platform
    /// operator.</summary>
    public static bool Supervises(ICurrentUser user) => user.IsInAnyRole(Roles.Regulator, Roles.PlatformOperator);

    /// <summary>Sees the books (read only for supervisors).</summary>
    public static bool Reads(ICurrentUser user) => KeepsBooks(user) || Supervises(user);

    /// <summary>Refuses the request (403, with the message under <paramref name="messageKey"/>) when it is not allowed.</summary>
    public static void Require(bool allowed, string messageKey = "Finance_NotAllowed")
    {
        if (!allowed)
        {
            throw new ForbiddenException(FinanceText.Get(messageKey));
        }
    }
}
