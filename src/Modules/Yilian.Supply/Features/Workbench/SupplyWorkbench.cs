using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Domain;
using Yilian.Supply.Features.Matching;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>
/// Needs past their answer date with no answer yet, within the person's scope: the community that posted them, the street above
/// it and the regulator all see the count, linked to the list filtered to them. An organization's people see how many open
/// public needs its listed projects fit, linked to them. Purchases: a judge's proposals to score, an organization's calls it was
/// invited to and has not answered, a community's calls to award or to accept. Competitions: a judge's entries to score.
/// </summary>
internal sealed class SupplyWorkbench(
    Needs needs, Matches matches, Procurements procurements, Competitions competitions, IDataScopeProvider scope, ICurrentUser user)
    : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var overdue = await needs.OverdueCountAsync(ct);
        if (overdue > 0)
        {
            items.Add(new("supply.needs-overdue", SupplyText.Get("Work_NeedsOverdue"), overdue, "/admin/supply/needs?overdue=true",
                WorkItemTone.Todo));
        }

        if (SupplyPermissions.KeepsServiceProjects(user) && scope.Current.Organizations.Count == 1
            && (await matches.ForOrganizationAsync(null, 1, ct)).Total is > 0 and var fitting)
        {
            items.Add(new("supply.fitting-needs", SupplyText.Get("Work_FittingNeeds"), fitting, "/admin/supply/fitting-needs",
                WorkItemTone.Info));
        }

        var (toScore, invited, toDecide) = await procurements.WaitingAsync(ct);
        if (toScore > 0)
        {
            items.Add(new("supply.proposals-to-score", SupplyText.Get("Work_ProposalsToScore"), toScore, "/admin/supply/procurements",
                WorkItemTone.Todo));
        }

        if (invited > 0)
        {
            items.Add(new("supply.calls-invited", SupplyText.Get("Work_CallsInvited"), invited, "/admin/supply/procurements",
                WorkItemTone.Todo));
        }

        if (toDecide > 0)
        {
            items.Add(new("supply.calls-to-decide", SupplyText.Get("Work_CallsToDecide"), toDecide, "/admin/supply/procurements",
                WorkItemTone.Todo));
        }

        if (await competitions.ToScoreAsync(ct) is ( > 0, var only) entries)
        {
            items.Add(new("supply.entries-to-score", SupplyText.Get("Work_EntriesToScore"), entries.Count,
                only is { } competition ? $"/admin/supply/competitions/{competition}" : "/admin/supply/competitions", WorkItemTone.Todo));
        }

        return items;
    }
}
