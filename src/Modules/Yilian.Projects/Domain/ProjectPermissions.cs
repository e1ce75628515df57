using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;

namespace Yilian.Projects.Domain;

/// <summary>Who may do what with projects, by role, in one place; a stage's transitions name their own roles in the workflow.</summary>
internal static class ProjectPermissions
{
    /// <summary>Works on projects (creates, uploads, comments): organizations' staff, the platform operator, the regulator.</summary>
    public static bool WorksOnProjects(ICurrentUser user) => user.IsInAnyRole(Roles.OrgAdmin, Roles.OrgStaff, Roles.PlatformOperator, Roles.Regulator);

    /// <summary>The roles that score a project at closing.</summary>
    public static readonly string[] EvaluatorRoles = [Roles.PlatformOperator, Roles.Regulator, Roles.Mentor];

    /// <summary>Scores a project on its rubric.</summary>
    public static bool Evaluates(ICurrentUser user) => user.IsInAnyRole(EvaluatorRoles);

    /// <summary>May move a project along <paramref name="roles"/>' transition (the workflow names who may).</summary>
    public static bool MayTake(ICurrentUser user, IEnumerable<string> roles) => roles.Any(user.IsInRole);
}
