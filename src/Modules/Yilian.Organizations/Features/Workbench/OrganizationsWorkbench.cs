using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Security;

namespace Yilian.Organizations.Features;

/// <summary>The named rules behind the regulator's follow-up lists; the list filter and the workbench count use the same expressions.</summary>
internal static class AttentionRules
{
    /// <summary>Annual reports for a year are due by 31 May of the next (《社会组织年度报告》 practice).</summary>
    public static DateOnly AnnualReportDeadline(int reportYear) => new(reportYear + 1, 5, 31);

    public static Expression<Func<Organization, bool>> For(OrganizationAttention attention, DateOnly today) => attention switch
    {
        OrganizationAttention.AnnualReportMissing => AnnualReportMissing(today),
        OrganizationAttention.GradeExpiring => GradeExpiring(today),
        _ => o => false,
    };

    private static Expression<Func<Organization, bool>> AnnualReportMissing(DateOnly today)
    {
        var year = today.Year - 1;
        var registeredBefore = new DateOnly(year, 12, 31);
        return o => o.Status == OrganizationStatus.Active && (o.RegisteredOn == null || o.RegisteredOn <= registeredBefore)
            && !o.AnnualReports.Any(r => r.Year == year);
    }

    private static Expression<Func<Organization, bool>> GradeExpiring(DateOnly today)
    {
        // Valid five years from the award: it expires within 90 days when awarded on or before (today + 90 days − 5 years).
        var awardedOnOrBefore = today.AddDays(90).AddYears(-5);
        return o => o.Status == OrganizationStatus.Active && o.Grade != EvaluationGrade.None && o.GradeAwardedOn != null && o.GradeAwardedOn <= awardedOnOrBefore;
    }
}

/// <summary>Registration changes to review, missing annual reports, expiring grades; incubations waiting for advice.</summary>
internal sealed class OrganizationsWorkbench(OrganizationsDbContext db, ICurrentUser user, TimeProvider clock) : IWorkbenchSource
{
    private const int AdviceDueDays = 30;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var today = ChinaTime.Today(clock);
        var regulator = OrganizationPermissions.Oversees(user);
        var orgAdmin = OrganizationPermissions.AdministersOwnOrganization(user);
        if (OrganizationPermissions.Regulates(user))
        {
            var pending = await db.Changes.CountAsync(c => c.Status == ChangeStatus.Pending, ct);
            items.Add(new("organizations.changes-pending", OrgText.Get("Work_ChangesPending"), pending, "/admin/organizations/changes", WorkItemTone.Todo));
        }

        if (regulator || orgAdmin)
        {
            var missing = await db.Organizations.CountAsync(AttentionRules.For(OrganizationAttention.AnnualReportMissing, today), ct);
            var late = today > AttentionRules.AnnualReportDeadline(today.Year - 1);
            items.Add(new("organizations.annual-report-missing", OrgText.Get(late ? "Work_AnnualOverdue" : "Work_AnnualDue", today.Year - 1), missing,
                "/admin/organizations?attention=" + OrganizationAttention.AnnualReportMissing, late ? WorkItemTone.Urgent : WorkItemTone.Todo));
            var expiring = await db.Organizations.CountAsync(AttentionRules.For(OrganizationAttention.GradeExpiring, today), ct);
            items.Add(new("organizations.grade-expiring", OrgText.Get("Work_GradeExpiring"), expiring,
                "/admin/organizations?attention=" + OrganizationAttention.GradeExpiring, WorkItemTone.Todo));
        }

        if (OrganizationPermissions.Advises(user))
        {
            var since = clock.GetUtcNow().AddDays(-AdviceDueDays);
            // Due: in the incubator for the whole period and no advice written in it.
            var adviceDue = await db.Incubations.CountAsync(i => i.Status == IncubationStatus.Active && i.EnteredAt < since && !i.Notes.Any(n => n.CreatedAt >= since), ct);
            items.Add(new("organizations.advice-due", OrgText.Get("Work_AdviceDue", AdviceDueDays), adviceDue, "/admin/incubation", WorkItemTone.Todo));
        }

        return items;
    }
}
