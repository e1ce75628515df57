using Yilian.Activities.Contracts;
using Yilian.Organizations.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

/// <summary>
/// Who may run an activity's volunteering (codes, attendance, matches, invitations): an organizer role, and
/// the activity's organization within the caller's data scope. The activity catalog reads across scopes
/// (published activities are public), so this is the one place that narrows it back.
/// </summary>
internal sealed class ActivityAccess(IActivityCatalog activities, IOrganizationLookup organizations, ICurrentUser user)
{
    private readonly Dictionary<Guid, bool> _organizations = [];

    public bool IsOrganizer =>
        VolunteerPermissions.Organizes(user);

    public void RequireOrganizer()
    {
        if (!IsOrganizer)
        {
            throw new ForbiddenException(VolunteerText.Get("Hours_Forbidden"));
        }
    }

    /// <summary>The activity, if the caller organizes it; otherwise 403 (no organizer role) or 404 (not theirs).</summary>
    public async Task<ActivityBrief> OwnActivityAsync(Guid activityId, CancellationToken ct)
    {
        RequireOrganizer();
        var activity = await activities.FindAsync(activityId, ct) ?? throw new NotFoundException("Activity", activityId);
        return await OrganizesAsync(activity.OrganizationId, ct) ? activity : throw new NotFoundException("Activity", activityId);
    }

    /// <summary>Whether the organization is in the caller's scope (remembered for the request).</summary>
    public async Task<bool> OrganizesAsync(Guid organizationId, CancellationToken ct)
    {
        if (VolunteerPermissions.SeesEveryActivity(user))
        {
            return true;
        }

        if (!_organizations.TryGetValue(organizationId, out var mine))
        {
            mine = await organizations.FindAsync(organizationId, ct) is not null;
            _organizations[organizationId] = mine;
        }

        return mine;
    }
}
