using System.Globalization;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Activities.Contracts;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Validation;
using Yilian.SharedKernel.Files;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Features.Matching;
using Yilian.Supply.Features.Reviewing;
using Yilian.Supply.Resources;
using Yilian.Volunteers.Contracts;

namespace Yilian.Supply.Features;

/// <summary>A call for proposals for a need: what the proposals must answer, the budget, until when, whether any organization may
/// propose (else only those invited), and the panel's rubric and rules (the default rubric when left out).</summary>
public sealed record ProcurementInput(
    Guid? NeedId, string? Title, string? Requirements, decimal? Budget, DateTimeOffset? ProposalsDue, bool? Public,
    IReadOnlyList<CriterionInput>? Rubric, bool? Normalize, bool? DropExtremes);

public sealed record ProposalInput(Guid? ServiceProjectId, string? Plan, decimal? Budget);

public sealed record MilestoneInput(string? Title, DateOnly? DueOn, decimal? Amount);

/// <param name="Note">Required when the selected proposal is not the panel's first place.</param>
public sealed record AwardInput(Guid? ProposalId, decimal? Amount, string? Note, IReadOnlyList<MilestoneInput>? Milestones);

public sealed record MilestoneReportInput(string? Report, IReadOnlyList<Guid>? ActivityIds);

/// <summary>The people served, by mobile number (one per line, or separated by commas), and that they agreed to be asked.</summary>
public sealed record ServedInput(string? Phones, bool? Consent);

/// <summary>A rating of the delivery: one to five and why.</summary>
public sealed record RatingInput(int? Score, string? Comment);

/// <param name="Masked">The numbers as shown (138****0000), for the contracted organization and the community; empty for others.
/// </param>
public sealed record ServedDto(int Listed, int Sent, int Rated, IReadOnlyList<string> Masked);

public sealed record ScoreInput(Dictionary<string, decimal>? Scores, string? Comment);

public sealed record ProposalDto(
    Guid Id, Guid OrganizationId, string OrganizationName, Guid ServiceProjectId, string ServiceProjectName, string Plan, decimal Budget,
    string? FileName, long SizeBytes, DateTimeOffset SubmittedAt);

/// <param name="Spent">The approved and paid expenses booked to the activity in Finance.</param>
public sealed record DeliveredActivityDto(Guid Id, string Title, DateTimeOffset Start, int Volunteers, decimal Hours, decimal Spent = 0);

public sealed record MilestoneDto(
    Guid Id, int Sequence, string Title, DateOnly DueOn, decimal Amount, string? Report, DateTimeOffset? ReportedAt, bool Overdue,
    IReadOnlyList<DeliveredActivityDto> Activities);

/// <summary>One step of the thread, need to rating, in time order.</summary>
public sealed record ThreadEventDto(DateTimeOffset At, string Kind, string Text);

/// <summary>What the caller may do next on the thread (the page shows the matching forms).</summary>
public sealed record ProcurementCan(bool Propose, bool SeatJudges, bool Score, bool CloseReview, bool Award, bool Report, bool Deliver,
    bool Cancel, bool ListServed = false, bool NameEvaluator = false, bool RateAsEvaluator = false);

/// <param name="Stage">Open (taking proposals), Review (due passed, panel scoring), Reviewed (ranking final, to award),
/// Contracted, Delivered or Cancelled.</param>
/// <param name="Proposals">Sealed until the due time: before it, only the caller's own organization's.</param>
public sealed record ProcurementDto(
    Guid Id, string Number, Guid NeedId, string NeedNumber, string NeedTitle, string Title, string Requirements, string RegionCode,
    string RegionName, decimal Budget, DateTimeOffset ProposalsDue, bool Public, string Stage, string StageName,
    IReadOnlyList<string> Invited, int ProposalCount, IReadOnlyList<ProposalDto> Proposals, PanelDto Panel, Guid? AwardedProposalId,
    string? AwardedOrganizationName, decimal? ContractAmount, string? AwardNote, IReadOnlyList<MilestoneDto> Milestones,
    decimal VolunteerHours, IReadOnlyList<ThreadEventDto> Thread, ProcurementCan Can, string? RatingLink = null)
{
    public ServedDto Served { get; init; } = new(0, 0, 0, []);

    public string? EvaluatorName { get; init; }

    /// <summary>The expenses booked in Finance to the activities that delivered the milestones.</summary>
    public decimal Spent => Milestones.SelectMany(m => m.Activities).Sum(a => a.Spent);
}

public sealed record ProcurementBrief(
    Guid Id, string Number, string Title, string RegionName, decimal Budget, DateTimeOffset ProposalsDue, string Stage, string StageName,
    int ProposalCount, bool Invited);

/// <summary>
/// The purchase of services as one thread (政府购买服务): a community opens a call for proposals from its need, inviting the best
/// matches and, if public, any organization; organizations propose one of their listed service projects with a plan, a budget
/// and a document until the due time (late proposals refused, all sealed until then); a panel scores them (the shared panel
/// machinery, with recusal); the community selects and contracts with milestones; the organization reports each milestone with
/// the activities that delivered it (their volunteers' confirmed hours shown); the community accepts the delivery, which meets
/// the need and opens it to ratings that feed the matching. One thread shows every step.
/// </summary>
internal sealed class Procurements(
    SupplyDbContext db, IServiceScopeFactory scopes, Panels panels, Matches matches, IOrganizationFacts facts, IActivityCatalog activities,
    IActivityServiceHours hours, IActivityExpenses expenses, IFileStorage storage, INotificationOutbox outbox, IConfiguration config,
        IDataScopeProvider scope,
    ICurrentUser user, IIdempotentRequest idempotency, TimeProvider clock)
{
    public const int MaxServed = 500;

    public const int Invitations = 5;
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxMilestones = 12;

    private static readonly FileKind[] ProposalFiles = [FileKind.Pdf, FileKind.Docx, FileKind.Xlsx];

    public async Task<ProcurementDto> OpenAsync(ProcurementInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Procurement_CannotOpen");
        if (idempotency.EffectKey is { } effect
            && await db.Procurements.AsNoTracking().FirstOrDefaultAsync(p => p.CreatedByRequest == effect, ct) is { } made)
        {
            return await GetAsync(made.Id, ct);
        }

        var problems = new InputProblems(SupplyText.Get);
        var need = input.NeedId is { } needId ? await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == needId, ct) : null;
        if (need is null)
        {
            problems.Add("needId", SupplyText.Get("Procurement_NeedRequired"));
        }
        else if (need.Status != NeedStatus.Open)
        {
            throw SupplyRules.NeedNotOpen.Broken(need.Number);
        }
        else if (await db.Procurements.AnyAsync(p => p.NeedId == need.Id && p.Status != ProcurementStatus.Cancelled, ct))
        {
            throw SupplyRules.AlreadyProcured.Broken(need.Number);
        }

        var title = problems.Text("title", "Procurement_Title", string.IsNullOrWhiteSpace(input.Title) ? need?.Title : input.Title, 100);
        var requirements = problems.Text("requirements", "Procurement_Requirements", input.Requirements, 4000, multiline: true);
        var budget = problems.Money("budget", "Procurement_Budget", input.Budget);
        if (input.Budget is null or <= 0)
        {
            problems.Add("budget", SupplyText.Get("Procurement_BudgetRequired"));
        }

        var now = clock.GetUtcNow();
        if (input.ProposalsDue is not { } due || due <= now.AddHours(1) || due > now.AddDays(180))
        {
            problems.Add("proposalsDue", SupplyText.Get("Procurement_BadDue"));
        }

        var rubric = Panels.CheckRubric(input.Rubric, problems);
        problems.ThrowIfAny();
        var invited = (await matches.ForNeedAsync(need!.Id, Invitations, ct)).Ranked.Select(m => m.OrganizationId).ToList();
        var procurement = new Procurement
        {
            Id = Guid.CreateVersion7(), NeedId = need.Id, RegionCode = need.RegionCode, RegionName = need.RegionName, Title = title,
            Requirements = requirements, Budget = budget, ProposalsDue = input.ProposalsDue!.Value.ToUniversalTime(),
                Public = input.Public == true,
            Invited = string.Join(',', invited), Status = ProcurementStatus.Open, OpenedBy = user.UserName ?? "system", OpenedAt = now,
            CreatedByRequest = idempotency.EffectKey,
        };
        var panel = Panels.New(PanelKind.Procurement, procurement.Id, need.RegionCode, rubric, new RankingRules(input.Normalize == true,
            input.DropExtremes == true));
        procurement.PanelId = panel.Id;
        procurement.Number = await NextNumberAsync(ChinaTime.Today(clock), ct);
        db.Panels.Add(panel);
        db.Procurements.Add(procurement);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // The call answers the need, in the same transaction: it is no longer overdue for the street and the regulator.
        await db.Needs.Where(n => n.Id == need.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.AnsweredAt, now), ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(procurement.Id, ct);
    }

    /// <summary>The calls in the caller's scope (the community's, the street's, the district's), newest first.</summary>
    public async Task<IReadOnlyList<ProcurementBrief>> ListAsync(CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsNeeds(user));
        return await BriefsAsync(db, db.Procurements.AsNoTracking(), ct);
    }

    /// <summary>For an organization: the calls it was invited to and the public ones still taking proposals, and those it proposed
    /// to.</summary>
    public async Task<IReadOnlyList<ProcurementBrief>> OpenCallsAsync(CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.KeepsServiceProjects(user));
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var mine = Mine.ToList();
        var now = clock.GetUtcNow();
        var proposedTo = await all.Proposals.Where(p => mine.Contains(p.OrganizationId)).Select(p => p.ProcurementId).ToListAsync(ct);
        var candidates = await all.Procurements.AsNoTracking().Where(p => proposedTo.Contains(p.Id)
            || (p.Status == ProcurementStatus.Open && p.ProposalsDue > now)).ToListAsync(ct);
        var visible = candidates.Where(p => p.Public || proposedTo.Contains(p.Id) || mine.Any(o => InvitedTo(p, o))).Select(p =>
            p.Id).ToList();
        return await BriefsAsync(all, all.Procurements.AsNoTracking().Where(p => visible.Contains(p.Id)), ct);
    }

    /// <summary>The calls whose panel the caller sits on, newest first.</summary>
    public async Task<IReadOnlyList<ProcurementBrief>> JudgingAsync(CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var name = user.UserName ?? "";
        var panelIds = all.PanelJudges.Where(j => j.UserName == name).Select(j => j.PanelId);
        return await BriefsAsync(all, all.Procurements.AsNoTracking().Where(p => panelIds.Contains(p.PanelId)), ct);
    }

    /// <summary>What waits for the caller on the workbench: proposals to score (a judge), calls to answer (an organization invited
    /// and not yet proposing), calls to move on (the community: reviewed and to award, or every milestone reported).</summary>
    public async Task<(int ToScore, int Invited, int ToDecide)> WaitingAsync(CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var now = clock.GetUtcNow();
        var name = user.UserName ?? "";
        // Four queries whatever the number of seats: the open panels' calls past their due time, their proposals, and the
        // judge's own scores and declarations.
        var seats = await all.PanelJudges.AsNoTracking().Where(j => j.UserName == name
            && all.Panels.Any(x => x.Id == j.PanelId && x.ClosedAt == null)).ToDictionaryAsync(j => j.PanelId, ct);
        var panelIds = seats.Keys.ToList();
        var calls = await all.Procurements.AsNoTracking().Where(p => panelIds.Contains(p.PanelId) && p.Status == ProcurementStatus.Open
            && p.ProposalsDue <= now).ToDictionaryAsync(p => p.Id, p => p.PanelId, ct);
        var callIds = calls.Keys.ToList();
        var proposals = await all.Proposals.AsNoTracking().Where(x => callIds.Contains(x.ProcurementId)).ToListAsync(ct);
        var done = (await all.PanelScores.Where(x => panelIds.Contains(x.PanelId) && x.UserName == name).Select(x => x.EntryId)
            .ToListAsync(ct)).Concat(await all.PanelConflicts.Where(x => panelIds.Contains(x.PanelId) && x.UserName == name)
            .Select(x => x.EntryId).ToListAsync(ct)).ToHashSet();
        var toScore = proposals.Count(x => !done.Contains(x.Id) && Panels.RecusalOf(seats[calls[x.ProcurementId]],
            new PanelEntry(x.Id, x.OrganizationId, "", x.SubmittedAt), null) is null);

        var invited = 0;
        var mine = Mine;
        if (SupplyPermissions.KeepsServiceProjects(user) && mine.Count > 0)
        {
            var open = await all.Procurements.AsNoTracking().Where(p => p.Status == ProcurementStatus.Open && p.ProposalsDue > now)
                .Select(p => new { p.Id, p.Invited }).ToListAsync(ct);
            var proposed = await all.Proposals.Where(x => mine.Contains(x.OrganizationId)).Select(x => x.ProcurementId).ToListAsync(ct);
            invited = open.Count(p => !proposed.Contains(p.Id) && mine.Any(o => p.Invited.Contains(o.ToString(),
                StringComparison.Ordinal)));
        }

        var toDecide = 0;
        if (SupplyPermissions.PostsNeeds(user))
        {
            var closedPanels = db.Panels.Where(x => x.ClosedAt != null).Select(x => x.Id);
            toDecide = await db.Procurements.CountAsync(p => (p.Status == ProcurementStatus.Open && closedPanels.Contains(p.PanelId))
                || (p.Status == ProcurementStatus.Contracted && !db.Milestones.Any(m => m.ProcurementId == p.Id && m.ReportedAt == null)),
                    ct);
        }

        return (toScore, invited, toDecide);
    }

    public async Task<ProcurementDto> GetAsync(Guid id, CancellationToken ct)
    {
        var (procurement, all, system) = await ReadableAsync(id, ct);
        await using (system)
        {
            return await DtoAsync(procurement, all, ct);
        }
    }

    public async Task<ProposalDto> ProposeAsync(Guid id, ProposalInput input, IFormFile? file, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.KeepsServiceProjects(user), "Proposal_CannotPropose");
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var procurement = await all.Procurements.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Procurement", id);
        var project = input.ServiceProjectId is { } projectId ? await all.ServiceProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id ==
            projectId, ct) : null;
        var problems = new InputProblems(SupplyText.Get);
        if (project is null || !Mine.Contains(project.OrganizationId))
        {
            problems.Add("serviceProjectId", SupplyText.Get("Proposal_ProjectRequired"));
        }
        else if (!procurement.Public && !InvitedTo(procurement, project.OrganizationId))
        {
            throw new NotFoundException("Procurement", id);
        }

        var plan = problems.Text("plan", "Proposal_Plan", input.Plan, 4000, multiline: true);
        var budget = problems.Money("budget", "Proposal_Budget", input.Budget);
        if (input.Budget is null or <= 0 || budget > procurement.Budget)
        {
            problems.Add("budget", SupplyText.Get("Proposal_BadBudget", procurement.Budget.ToString("N2", CultureInfo.CurrentCulture)));
        }

        if (file is { Length: > MaxFileBytes })
        {
            throw new FileTooLargeException(SupplyText.Get("Attachment_TooLarge", MaxFileBytes / 1024 / 1024));
        }

        if (procurement.Status != ProcurementStatus.Open || clock.GetUtcNow() >= procurement.ProposalsDue)
        {
            throw SupplyRules.ProposalsClosed.Broken(procurement.Number, Shown(procurement.ProposalsDue));
        }

        problems.ThrowIfAny();
        if (await all.Proposals.AnyAsync(p => p.ProcurementId == id && p.OrganizationId == project!.OrganizationId, ct))
        {
            throw SupplyRules.AlreadyProposed.Broken(procurement.Number);
        }

        var stored = file is { Length: > 0 } ? await CheckedUploads.StoreAsync(file, ProposalFiles, storage, ct)
            ?? throw new UnsupportedFileException(SupplyText.Get("Proposal_BadFile")) : null;
        var proposal = new Proposal
        {
            Id = Guid.CreateVersion7(), ProcurementId = id, OrganizationId = project!.OrganizationId, ServiceProjectId = project.Id,
            RegionCode = procurement.RegionCode, Plan = plan, Budget = budget, FileName = stored?.FileName,
                ContentType = stored?.ContentType,
            SizeBytes = stored?.Size ?? 0, Sha256 = stored?.Sha256, StorageKey = stored?.StorageKey,
                SubmittedBy = user.UserName ?? "system",
            SubmittedAt = clock.GetUtcNow(),
        };
        all.Proposals.Add(proposal);
        try
        {
            await all.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw SupplyRules.AlreadyProposed.Broken(procurement.Number);
        }

        return (await ProposalDtosAsync([proposal], all, ct))[0];
    }

    /// <summary>A proposal's document: for its organization, and, once proposals are unsealed, for the call's officers and
    /// judges.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> ProposalFileAsync(Guid id, Guid proposalId,
        CancellationToken ct)
    {
        var (procurement, all, system) = await ReadableAsync(id, ct);
        await using (system)
        {
            var proposal = await all.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.ProcurementId == id, ct);
            if (proposal?.StorageKey is null || (!Unsealed(procurement) && !Mine.Contains(proposal.OrganizationId)))
            {
                throw new NotFoundException("Proposal", proposalId);
            }

            return (await storage.OpenReadAsync(proposal.StorageKey, ct), proposal.ContentType!, proposal.FileName!);
        }
    }

    public async Task<ProcurementDto> SeatJudgeAsync(Guid id, string? userName, CancellationToken ct) =>
        await ManageAsync(id, async (procurement, panel, all) => await panels.SeatAsync(all, panel, userName, ct), ct);

    public async Task<ProcurementDto> CloseReviewAsync(Guid id, CancellationToken ct) =>
        await ManageAsync(id, async (procurement, panel, all) =>
        {
            if (!Unsealed(procurement))
            {
                throw SupplyRules.ProposalsSealed.Broken(Shown(procurement.ProposalsDue));
            }

            await panels.CloseAsync(all, panel, ct);
        }, ct);

    public async Task<ProcurementDto> ScoreAsync(Guid id, Guid proposalId, ScoreInput input, CancellationToken ct) =>
        await JudgeAsync(id, proposalId, (all, panel, entry) => panels.ScoreAsync(all, panel, entry, input.Scores, input.Comment, ct), ct);

    public async Task<ProcurementDto> DeclareConflictAsync(Guid id, Guid proposalId, string? reason, CancellationToken ct) =>
        await JudgeAsync(id, proposalId, (all, panel, entry) => panels.DeclareAsync(all, panel, entry, reason, ct), ct);

    /// <summary>Selects a proposal after the panel's close and contracts with it: the amount within the budget and the proposal's,
    /// milestones with dates inside the need's time and amounts summing to the contract.</summary>
    public async Task<ProcurementDto> AwardAsync(Guid id, AwardInput input, CancellationToken ct) =>
        await ManageAsync(id, async (procurement, panel, all) =>
        {
            if (panel.ClosedAt is null)
            {
                throw SupplyRules.ReviewNotClosed.Broken();
            }

            var proposals = await all.Proposals.AsNoTracking().Where(p => p.ProcurementId == id).ToListAsync(ct);
            var chosen = proposals.FirstOrDefault(p => p.Id == input.ProposalId);
            var problems = new InputProblems(SupplyText.Get);
            if (chosen is null)
            {
                problems.Add("proposalId", SupplyText.Get("Award_ProposalRequired"));
            }

            var amount = problems.Money("amount", "Award_Amount", input.Amount);
            if (chosen is not null && (input.Amount is null or <= 0 || amount > procurement.Budget || amount > chosen.Budget))
            {
                problems.Add("amount", SupplyText.Get("Award_BadAmount"));
            }

            var first = (await panels.ViewAsync(all, panel, Entries(proposals, new Dictionary<Guid, string>()), ct)).Entries
                .FirstOrDefault(e => e.Place == 1)?.EntryId;
            var note = problems.Text("note", "Award_Note", input.Note, 500, multiline: true, optional: chosen is null
                || chosen.Id == first);
            var milestones = CheckMilestones(input.Milestones, amount, problems);
            problems.ThrowIfAny();
            (procurement.Status, procurement.AwardedProposalId, procurement.AwardedOrganizationId, procurement.ContractAmount,
                procurement.AwardNote, procurement.AwardedAt) = (ProcurementStatus.Contracted, chosen!.Id, chosen.OrganizationId, amount,
                note.Length == 0 ? null : note, clock.GetUtcNow());
            var sequence = 0;
            foreach (var m in milestones)
            {
                all.Milestones.Add(new Milestone
                {
                    Id = Guid.CreateVersion7(), ProcurementId = id, OrganizationId = chosen.OrganizationId,
                        RegionCode = procurement.RegionCode,
                    Sequence = ++sequence, Title = m.Title, DueOn = m.DueOn, Amount = m.Amount,
                });
            }

            // The service project now carries this work: its load counts the contract until delivery.
            await all.ServiceProjects.Where(p => p.Id == chosen.ServiceProjectId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Load,
                p => p.Load + 1), ct);
        }, ct);

    /// <summary>The contracted organization reports a milestone, naming the activities of its own that delivered it.</summary>
    public async Task<ProcurementDto> ReportAsync(Guid id, Guid milestoneId, MilestoneReportInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.KeepsServiceProjects(user), "Milestone_CannotReport");
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.ProcurementId == id, ct)
            ?? throw new NotFoundException("Milestone", milestoneId);
        if (!Mine.Contains(milestone.OrganizationId))
        {
            throw new ForbiddenException(SupplyText.Get("Milestone_CannotReport"));
        }

        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var procurement = await all.Procurements.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        if (procurement.Status != ProcurementStatus.Contracted)
        {
            throw SupplyRules.NotContracted.Broken(procurement.Number);
        }

        var problems = new InputProblems(SupplyText.Get);
        var report = problems.Text("report", "Milestone_Report", input.Report, 2000, multiline: true);
        var ids = (input.ActivityIds ?? []).Distinct().ToList();
        var found = await activities.FindManyAsync(ids, ct);
        if (ids.Count > 20 || found.Count != ids.Count || found.Any(a => a.OrganizationId != milestone.OrganizationId))
        {
            problems.Add("activityIds", SupplyText.Get("Milestone_BadActivities"));
        }

        problems.ThrowIfAny();
        (milestone.Report, milestone.Activities, milestone.ReportedBy, milestone.ReportedAt) = (report, string.Join(',', ids),
            user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await DtoAsync(procurement, all, ct);
    }

    /// <summary>The community accepts the delivery once every milestone is reported: the need is met (closed, naming the call), the
    /// service project's load is released, and the community and residents can rate it.</summary>
    public async Task<ProcurementDto> DeliverAsync(Guid id, CancellationToken ct)
    {
        await ManageAsync(id, (procurement, panel, all) => DeliverAsync(procurement, all, ct), ct);
        // After the commit (the outbox is another module's store): each person served gets their own rating link by SMS.
        await SendRatingLinksAsync(id, ct);
        return await GetAsync(id, ct);
    }

    private async Task DeliverAsync(Procurement procurement, SupplyDbContext all, CancellationToken ct)
    {
        var id = procurement.Id;
        if (procurement.Status != ProcurementStatus.Contracted)
        {
            throw SupplyRules.NotContracted.Broken(procurement.Number);
        }

        if (await all.Milestones.AnyAsync(m => m.ProcurementId == id && m.ReportedAt == null, ct))
        {
            throw SupplyRules.MilestonesOutstanding.Broken();
        }

        var now = clock.GetUtcNow();
        (procurement.Status, procurement.DeliveredAt) = (ProcurementStatus.Delivered, now);
        procurement.RatingToken = NewToken();
        var need = await all.Needs.FirstAsync(n => n.Id == procurement.NeedId, ct);
        if (need.Status == NeedStatus.Open)
        {
            (need.Status, need.ClosedBy, need.ClosedAt, need.CloseNote) = (NeedStatus.Closed, user.UserName, now,
                SupplyText.Get("Procurement_MetBy", procurement.Number));
        }

        var project = await all.Proposals.Where(p => p.Id == procurement.AwardedProposalId).Select(p =>
            p.ServiceProjectId).FirstAsync(ct);
        await all.ServiceProjects.Where(p => p.Id == project && p.Load > 0).ExecuteUpdateAsync(u => u.SetProperty(p => p.Load,
            p => p.Load - 1), ct);
    }

    /// <summary>
    /// The contracted organization lists the people it served by mobile number, with their consent to be asked: each gets their
    /// own rating link by SMS when the delivery is accepted (at once when listed after it). A number listed twice is kept once;
    /// at most <see cref="MaxServed"/> a call; a line that is not a mainland mobile number refuses the whole list, naming it.
    /// </summary>
    public async Task<ProcurementDto> ListServedAsync(Guid id, ServedInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.KeepsServiceProjects(user), "Served_CannotList");
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var procurement = await all.Procurements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Procurement", id);
        if (procurement.AwardedOrganizationId is not { } organization || !Mine.Contains(organization))
        {
            throw new ForbiddenException(SupplyText.Get("Served_CannotList"));
        }

        if (procurement.Status is not (ProcurementStatus.Contracted or ProcurementStatus.Delivered))
        {
            throw SupplyRules.NotContracted.Broken(procurement.Number);
        }

        var problems = new InputProblems(SupplyText.Get);
        if (input.Consent != true)
        {
            problems.Add("consent", SupplyText.Get("Served_ConsentRequired"));
        }

        var lines = (input.Phones ?? "").Split(['\n', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries |
            StringSplitOptions.TrimEntries);
        var bad = lines.Where(l => !MobileNumber.TryNormalize(l, out _)).Select(l => l.Length > 20 ? l[..20] + "…" : l).ToList();
        if (lines.Length == 0 || lines.Length > MaxServed)
        {
            problems.Add("phones", SupplyText.Get("Served_PhonesRequired", MaxServed));
        }
        else if (bad.Count > 0)
        {
            problems.Add("phones", SupplyText.Get("Served_BadPhones", bad.Count, string.Join("、", bad.Take(5))));
        }

        problems.ThrowIfAny();
        var protector = PersonalDataProtector.Current ?? throw new InvalidOperationException("Personal-data keys are not loaded.");
        var phones = lines.Select(l => MobileNumber.TryNormalize(l, out var phone) ? phone : "").Distinct()
            .Select(phone => (Phone: phone, Index: protector.BlindIndex(phone))).ToList();
        var indexes = phones.Select(p => p.Index).ToList();
        var known = await all.ServedPeople.Where(x => x.ProcurementId == id && indexes.Contains(x.PhoneIndex)).Select(x => x.PhoneIndex)
            .ToListAsync(ct);
        var fresh = phones.Where(p => !known.Contains(p.Index)).ToList();
        if (await all.ServedPeople.CountAsync(x => x.ProcurementId == id, ct) + fresh.Count > MaxServed)
        {
            throw InputValidationException.For("phones", SupplyText.Get("Served_PhonesRequired", MaxServed));
        }

        var now = clock.GetUtcNow();
        all.ServedPeople.AddRange(fresh.Select(p => new ServedPerson
        {
            Id = Guid.CreateVersion7(), ProcurementId = id, OrganizationId = organization, RegionCode = procurement.RegionCode,
            Phone = p.Phone, PhoneIndex = p.Index, Masked = MobileNumber.Mask(p.Phone), Token = NewToken(),
            AddedBy = user.UserName ?? "system", AddedAt = now,
        }));
        await all.SaveChangesAsync(ct);
        if (procurement.Status == ProcurementStatus.Delivered)
        {
            await SendRatingLinksAsync(id, ct);
        }

        return await DtoAsync(procurement, all, ct);
    }

    /// <summary>Queues the rating link of each person served not yet sent (SMS through the outbox, once each by its key).</summary>
    private async Task SendRatingLinksAsync(Guid id, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var people = await all.ServedPeople.Where(x => x.ProcurementId == id && x.SentAt == null).ToListAsync(ct);
        if (people.Count == 0)
        {
            return;
        }

        var procurement = await all.Procurements.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        var name = procurement.AwardedOrganizationId is { } o ? (await facts.PublicFactsAsync([o], ct)).GetValueOrDefault(o)?.Name : null;
        var site = (config["Site:PublicUrl"] ?? "").TrimEnd('/');
        var title = SupplyText.Get("Served_SmsTitle");
        await outbox.EnqueueAsync([.. people.Select(x => new OutgoingNotification("served:" + x.Id, null, NotificationChannels.Sms,
            x.Phone, title, SupplyText.Get("Served_Sms", name ?? "", procurement.Title, site + "/rate/" + x.Token), "/rate/" + x.Token,
            "supply-rate:" + x.Id))], ct);
        var now = clock.GetUtcNow();
        people.ForEach(x => x.SentAt = now);
        await all.SaveChangesAsync(ct);
    }

    /// <summary>The community names a third-party evaluator (an active organization other than the contracted one) for a call under
    /// contract or delivered and not yet rated by one: its staff then read the thread and rate the delivery.</summary>
    public async Task<ProcurementDto> NameEvaluatorAsync(Guid id, Guid? organizationId, CancellationToken ct) =>
        await ManageAsync(id, async (procurement, panel, all) =>
        {
            if (procurement.Status is not (ProcurementStatus.Contracted or ProcurementStatus.Delivered))
            {
                throw SupplyRules.NotContracted.Broken(procurement.Number);
            }

            if (organizationId is not { } chosen || !(await facts.PublicFactsAsync([chosen], ct)).TryGetValue(chosen, out var found)
                || !found.Active)
            {
                throw InputValidationException.For("organizationId", SupplyText.Get("Evaluator_Required"));
            }

            if (chosen == procurement.AwardedOrganizationId)
            {
                throw SupplyRules.EvaluatorIsContractor.Broken();
            }

            if (await all.Evaluations.AnyAsync(e => e.NeedId == procurement.NeedId && e.Source == EvaluationSource.ThirdParty, ct))
            {
                throw SupplyRules.AlreadyRated.Broken(procurement.Number, found.Name);
            }

            procurement.EvaluatorOrganizationId = chosen;
        }, ct);

    /// <summary>The named third-party evaluator rates the delivered work once, counted on the project like every rating.</summary>
    public async Task<ProcurementDto> RateAsEvaluatorAsync(Guid id, RatingInput input, CancellationToken ct)
    {
        var problems = new InputProblems(SupplyText.Get);
        Evaluations.CheckScore(problems, input.Score);
        var comment = problems.Text("comment", "Evaluator_Report", input.Comment, 2000, multiline: true);
        problems.ThrowIfAny();
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var procurement = await all.Procurements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Procurement", id);
        if (procurement.EvaluatorOrganizationId is not { } evaluator || !SupplyPermissions.KeepsServiceProjects(user)
            || !Mine.Contains(evaluator))
        {
            throw SupplyRules.NotTheEvaluator.Broken();
        }

        if (procurement.Status != ProcurementStatus.Delivered)
        {
            throw SupplyRules.NotDelivered.Broken(procurement.Number);
        }

        var need = await all.Needs.AsNoTracking().FirstAsync(n => n.Id == procurement.NeedId, ct);
        var project = await Evaluations.AwardedProjectAsync(all, procurement, ct);
        await Evaluations.SaveCountedAsync(all, new Evaluation
        {
            Id = Guid.CreateVersion7(), ServiceProjectId = project.Id, OrganizationId = project.OrganizationId, NeedId = need.Id,
            RegionCode = need.RegionCode, Source = EvaluationSource.ThirdParty, Score = input.Score!.Value, Comment = comment,
            RatedBy = user.UserName ?? "", RaterKey = Evaluation.ThirdPartyRater, RatedAt = clock.GetUtcNow(),
        }, need.Number, project.Name, ct);
        return await DtoAsync(procurement, all, ct);
    }

    /// <summary>Organizations the community may name as the third-party evaluator: those with a listed service project, other than
    /// the contracted one, by name (at most 200).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> EvaluatorChoicesAsync(Guid id, CancellationToken ct)
    {
        var contractor = await db.Procurements.Where(p => p.Id == id).Select(p => p.AwardedOrganizationId).FirstOrDefaultAsync(ct);
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var ids = await all.ServiceProjects.Where(p => p.OrganizationId != contractor).Select(p => p.OrganizationId).Distinct().Take(200)
            .ToListAsync(ct);
        return [.. (await facts.PublicFactsAsync(ids, ct)).Values.Where(f => f.Active).OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f.Id, f.Name))];
    }

    private static string NewToken() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18))
        .Replace('+', '-').Replace('/', '_');

    public async Task<ProcurementDto> CancelAsync(Guid id, string? note, CancellationToken ct) =>
        await ManageAsync(id, (procurement, panel, all) =>
        {
            if (procurement.Status != ProcurementStatus.Open)
            {
                throw SupplyRules.NotCancellable.Broken(procurement.Number);
            }

            var problems = new InputProblems(SupplyText.Get);
            procurement.CancelNote = problems.Text("note", "Procurement_CancelNote", note, 500, multiline: true);
            problems.ThrowIfAny();
            (procurement.Status, procurement.CancelledAt) = (ProcurementStatus.Cancelled, clock.GetUtcNow());
            // Unanswered again: the need counts as overdue once more if its answer date has passed.
            return all.Needs.Where(n => n.Id == procurement.NeedId).ExecuteUpdateAsync(u => u.SetProperty(n => n.AnsweredAt,
                (DateTimeOffset?)null), ct);
        }, ct);

    /// <summary>The service project a delivered call was awarded to, for the need's rating form.</summary>
    public async Task<Guid?> DeliveredProjectOfAsync(Guid needId, CancellationToken ct) =>
        await db.Procurements.Where(p => p.NeedId == needId && p.Status == ProcurementStatus.Delivered)
            .Join(db.Proposals, p => p.AwardedProposalId, q => q.Id, (p, q) => (Guid?)q.ServiceProjectId).FirstOrDefaultAsync(ct);

    /// <summary>The call of a need (not cancelled), if any, for the need's page.</summary>
    public async Task<Guid?> OfNeedAsync(Guid needId, CancellationToken ct) =>
        await db.Procurements.Where(p => p.NeedId == needId && p.Status != ProcurementStatus.Cancelled).Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(ct);

    private async Task<ProcurementDto> ManageAsync(Guid id, Func<Procurement, Panel, SupplyDbContext, Task> change, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Procurement_CannotOpen");
        if (!await db.Procurements.AnyAsync(p => p.Id == id, ct))
        {
            throw new NotFoundException("Procurement", id);
        }

        // In the caller's scope (checked above); changed through one context of the system scope, in one transaction, because
        // judges' seats and the awarded organization's service project lie outside the community's scope.
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        await using var transaction = await all.Database.BeginTransactionAsync(ct);
        var procurement = await all.Procurements.FirstAsync(p => p.Id == id, ct);
        var panel = await all.Panels.FirstAsync(p => p.Id == procurement.PanelId, ct);
        await change(procurement, panel, all);
        await all.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(procurement, all, ct);
    }

    private async Task<ProcurementDto> JudgeAsync(Guid id, Guid proposalId, Func<SupplyDbContext, Panel, PanelEntry, Task> act,
        CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var procurement = await all.Procurements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Procurement", id);
        if (!await panels.IsJudgeAsync(all, procurement.PanelId, ct))
        {
            throw SupplyRules.NotAJudge.Broken();
        }

        if (!Unsealed(procurement))
        {
            throw SupplyRules.ProposalsSealed.Broken(Shown(procurement.ProposalsDue));
        }

        var proposal = await all.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.ProcurementId == id, ct)
            ?? throw new NotFoundException("Proposal", proposalId);
        var panel = await all.Panels.FirstAsync(p => p.Id == procurement.PanelId, ct);
        await act(all, panel, Entries([proposal], new Dictionary<Guid, string>())[0]);
        return await DtoAsync(procurement, all, ct);
    }

    /// <summary>A call the caller may read: in scope (the community's officers, the regulator), a judge's, or an organization's that
    /// was invited, proposed, or may propose to a public call. Answers the call with a context of the system scope to read it
    /// with.</summary>
    private async Task<(Procurement Procurement, SupplyDbContext All, SystemServiceScope System)> ReadableAsync(Guid id,
        CancellationToken ct)
    {
        var inScope = SupplyPermissions.ReadsNeeds(user) && await db.Procurements.AnyAsync(p => p.Id == id, ct);
        var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var procurement = await all.Procurements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var mine = Mine;
        var readable = procurement is not null && (inScope || await panels.IsJudgeAsync(all, procurement.PanelId, ct)
            || (SupplyPermissions.KeepsServiceProjects(user) && (procurement.Public || mine.Any(o => InvitedTo(procurement, o))
                || (procurement.EvaluatorOrganizationId is { } evaluator && mine.Contains(evaluator))
                || await all.Proposals.AnyAsync(p => p.ProcurementId == id && mine.Contains(p.OrganizationId), ct))));
        if (!readable)
        {
            await system.DisposeAsync();
            throw new NotFoundException("Procurement", id);
        }

        return (procurement!, all, system);
    }

    private async Task<ProcurementDto> DtoAsync(Procurement p, SupplyDbContext all, CancellationToken ct)
    {
        var need = await all.Needs.AsNoTracking().FirstAsync(n => n.Id == p.NeedId, ct);
        var panel = await all.Panels.AsNoTracking().FirstAsync(x => x.Id == p.PanelId, ct);
        var proposals = await all.Proposals.AsNoTracking().Where(x => x.ProcurementId == p.Id).OrderBy(x => x.SubmittedAt).ToListAsync(ct);
        var milestones = await all.Milestones.AsNoTracking().Where(m => m.ProcurementId == p.Id).OrderBy(m => m.Sequence).ToListAsync(ct);
        var mine = Mine;
        var unsealed = Unsealed(p);
        var shown = unsealed ? proposals : [.. proposals.Where(x => mine.Contains(x.OrganizationId))];
        var proposalDtos = await ProposalDtosAsync(shown, all, ct);
        var names = proposalDtos.ToDictionary(x => x.Id, x => x.OrganizationName);
        var panelView = await panels.ViewAsync(all, panel, unsealed ? Entries(proposals, names) : [], ct);
        var invited = await facts.PublicFactsAsync([.. InvitedIds(p)], ct);
        var activityIds = milestones.SelectMany(m => Ids(m.Activities)).Distinct().ToList();
        var briefs = (await activities.FindManyAsync(activityIds, ct)).ToDictionary(a => a.Id);
        var service = await hours.OfActivitiesAsync(activityIds, ct);
        var spending = await expenses.OfActivitiesAsync(activityIds, ct);
        var today = ChinaTime.Today(clock);
        var milestoneDtos = milestones.Select(m => new MilestoneDto(m.Id, m.Sequence, m.Title, m.DueOn, m.Amount, m.Report, m.ReportedAt,
            m.ReportedAt is null && m.DueOn < today, [.. Ids(m.Activities).Where(briefs.ContainsKey).Select(a => new DeliveredActivityDto(a,
                briefs[a].Title, briefs[a].Start, service.GetValueOrDefault(a)?.Volunteers ?? 0,
                    service.GetValueOrDefault(a)?.Hours ?? 0, spending.GetValueOrDefault(a)?.Spent ?? 0))]))
            .ToList();
        var stage = StageOf(p, panel);
        var isOfficer = SupplyPermissions.PostsNeeds(user) && await db.Procurements.AnyAsync(x => x.Id == p.Id, ct);
        var awardedName = p.AwardedOrganizationId is { } won ? (await facts.PublicFactsAsync([won], ct)).GetValueOrDefault(won)?.Name
            : null;
        var canPropose = stage == "Open" && SupplyPermissions.KeepsServiceProjects(user) && mine.Count > 0
            && !proposals.Any(x => mine.Contains(x.OrganizationId)) && (p.Public || mine.Any(o => InvitedTo(p, o)));
        var can = new ProcurementCan(canPropose, isOfficer && panel.ClosedAt is null && p.Status == ProcurementStatus.Open,
            panelView.IAmJudge && stage == "Review", isOfficer && stage == "Review", isOfficer && stage == "Reviewed",
            p.Status == ProcurementStatus.Contracted && p.AwardedOrganizationId is { } o && mine.Contains(o),
            isOfficer && p.Status == ProcurementStatus.Contracted && milestones.All(m => m.ReportedAt is not null),
            isOfficer && p.Status == ProcurementStatus.Open);
        var contractor = p.AwardedOrganizationId is { } c && mine.Contains(c);
        var served = await all.ServedPeople.AsNoTracking().Where(x => x.ProcurementId == p.Id).OrderBy(x => x.AddedAt)
            .Select(x => new { x.Masked, x.SentAt }).ToListAsync(ct);
        var ratedBy = await all.Evaluations.AsNoTracking().Where(e => e.NeedId == p.NeedId).Select(e => new { e.RaterKey, e.Source })
            .ToListAsync(ct);
        var thirdRated = ratedBy.Any(e => e.Source == EvaluationSource.ThirdParty);
        var underContract = p.Status is ProcurementStatus.Contracted or ProcurementStatus.Delivered;
        can = can with
        {
            ListServed = contractor && underContract, NameEvaluator = isOfficer && underContract && !thirdRated,
            RateAsEvaluator = p.Status == ProcurementStatus.Delivered && !thirdRated && p.EvaluatorOrganizationId is { } ev
                && mine.Contains(ev) && SupplyPermissions.KeepsServiceProjects(user),
        };
        var evaluatorName = p.EvaluatorOrganizationId is { } e3 ? (await facts.PublicFactsAsync([e3], ct)).GetValueOrDefault(e3)?.Name
            : null;
        var thread = await ThreadAsync(p, need, panel, proposalDtos.Count == proposals.Count ? proposalDtos : [], proposals.Count,
            milestoneDtos, all, ct);
        return new ProcurementDto(
            p.Id, p.Number, need.Id, need.Number, need.Title, p.Title, p.Requirements, p.RegionCode, p.RegionName, p.Budget, p.ProposalsDue,
            p.Public, stage, SupplyText.Get("ProcurementStage_" + stage), [.. invited.Values.Select(f => f.Name)], proposals.Count,
            proposalDtos, panelView, p.AwardedProposalId, awardedName, p.ContractAmount, p.AwardNote, milestoneDtos,
            milestoneDtos.SelectMany(m => m.Activities).Sum(a => a.Hours), thread, can,
            isOfficer && p.RatingToken is { } token ? "/rate/" + token : null)
        {
            Served = new ServedDto(served.Count, served.Count(x => x.SentAt is not null), ratedBy.Count(e =>
                e.RaterKey.StartsWith(Evaluation.ServedRaterPrefix, StringComparison.Ordinal)),
                isOfficer || contractor ? [.. served.Select(x => x.Masked)] : []),
            EvaluatorName = evaluatorName,
        };
    }

    /// <summary>Every step from the need's posting to the ratings, in time order; scores appear as counts until the panel closes.</summary>
    private async Task<IReadOnlyList<ThreadEventDto>> ThreadAsync(Procurement p, Need need, Panel panel,
        IReadOnlyList<ProposalDto> proposals,
        int proposalCount, List<MilestoneDto> milestones, SupplyDbContext all, CancellationToken ct)
    {
        static string T(string key, params object[] args) => SupplyText.Get("Thread_" + key, args);
        var events = new List<ThreadEventDto>
        {
            new(need.PostedAt, "Need", T("Need", need.Number, need.Title)),
            new(p.OpenedAt, "Call", T("Call", p.Number, Shown(p.ProposalsDue))),
        };
        // The thread follows a split (from the original's posting) and a merge (each need merged into this one).
        var related = await all.Needs.AsNoTracking().Where(n => n.Id == need.SplitFromId || n.MergedIntoId == need.Id).ToListAsync(ct);
        foreach (var r in related)
        {
            events.Add(new ThreadEventDto(r.PostedAt, "Need", T("Need", r.Number, r.Title)));
            events.Add(new ThreadEventDto(r.ClosedAt ?? r.PostedAt, "Need", r.Id == need.SplitFromId ? T("Split", r.Number, need.Number)
                : T("Merged", r.Number, need.Number)));
        }

        events.AddRange(proposals.Select(x => new ThreadEventDto(x.SubmittedAt, "Proposal", T("Proposal", x.OrganizationName,
            x.ServiceProjectName))));
        if (proposals.Count == 0 && proposalCount > 0)
        {
            events.Add(new ThreadEventDto(p.ProposalsDue, "Proposal", T("ProposalsSealed", proposalCount)));
        }

        var judges = await all.PanelJudges.AsNoTracking().Where(j => j.PanelId == panel.Id).ToListAsync(ct);
        var scored = await all.PanelScores.AsNoTracking().Where(s => s.PanelId == panel.Id).GroupBy(s => s.UserName)
            .Select(g => new { UserName = g.Key, Count = g.Count(), Last = g.Max(s => s.SubmittedAt) }).ToListAsync(ct);
        events.AddRange(judges.Select(j => new ThreadEventDto(j.SeatedAt, "Judge", T("Judge", j.DisplayName))));
        events.AddRange(scored.Select(s => new ThreadEventDto(s.Last, "Score", T("Score", judges.FirstOrDefault(j =>
            j.UserName == s.UserName)
            ?.DisplayName ?? s.UserName, s.Count))));
        if (panel.ClosedAt is { } closed)
        {
            events.Add(new ThreadEventDto(closed, "Review", T("Review")));
        }

        if (p.AwardedAt is { } awarded)
        {
            var winner = proposals.FirstOrDefault(x => x.Id == p.AwardedProposalId);
            events.Add(new ThreadEventDto(awarded, "Award", T("Award", winner?.OrganizationName ?? "", p.ContractAmount ?? 0,
                milestones.Count)));
        }

        events.AddRange(milestones.Where(m => m.ReportedAt is not null).Select(m => new ThreadEventDto(m.ReportedAt!.Value, "Milestone",
            m.Activities.Count == 0 ? T("MilestonePlain", m.Sequence, m.Title)
            : T("Milestone", m.Sequence, m.Title, m.Activities.Count, m.Activities.Sum(a => a.Volunteers), m.Activities.Sum(a =>
                a.Hours)))));
        if (p.DeliveredAt is { } delivered)
        {
            events.Add(new ThreadEventDto(delivered, "Delivered", T("Delivered", need.Number)));
        }

        if (p.CancelledAt is { } cancelled)
        {
            events.Add(new ThreadEventDto(cancelled, "Cancelled", T("Cancelled", p.CancelNote ?? "")));
        }

        // Each community or third-party rating; the people served as one line (how many, their mean), as of the latest.
        var ratings = await all.Evaluations.AsNoTracking().Where(e => e.NeedId == need.Id).ToListAsync(ct);
        events.AddRange(ratings.Where(e => e.Source != EvaluationSource.Beneficiary).Select(e => new ThreadEventDto(e.RatedAt, "Rating",
            T("Rating", SupplyText.Get("EvaluationSource_" + e.Source), e.Score))));
        if (ratings.Where(e => e.Source == EvaluationSource.Beneficiary).ToList() is { Count: > 0 } served)
        {
            events.Add(new ThreadEventDto(served.Max(e => e.RatedAt), "Rating", T("Served", served.Count,
                served.Average(e => e.Score).ToString("0.0", CultureInfo.CurrentCulture))));
        }
        return [.. events.OrderBy(e => e.At)];
    }

    private async Task<IReadOnlyList<ProposalDto>> ProposalDtosAsync(IReadOnlyList<Proposal> list, SupplyDbContext all,
        CancellationToken ct)
    {
        var projectIds = list.Select(x => x.ServiceProjectId).Distinct().ToList();
        var projects = await all.ServiceProjects.AsNoTracking().Where(x => projectIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x =>
            x.Name,
            ct);
        var names = await facts.PublicFactsAsync([.. list.Select(x => x.OrganizationId).Distinct()], ct);
        return [.. list.Select(x => new ProposalDto(x.Id, x.OrganizationId, names.GetValueOrDefault(x.OrganizationId)?.Name ?? "",
            x.ServiceProjectId, projects.GetValueOrDefault(x.ServiceProjectId, ""), x.Plan, x.Budget, x.FileName, x.SizeBytes,
                x.SubmittedAt))];
    }

    private async Task<IReadOnlyList<ProcurementBrief>> BriefsAsync(SupplyDbContext all, IQueryable<Procurement> query,
        CancellationToken ct)
    {
        var list = await query.OrderByDescending(p => p.OpenedAt).Take(200).ToListAsync(ct);
        var ids = list.Select(p => p.Id).ToList();
        var counts = await all.Proposals.Where(x => ids.Contains(x.ProcurementId)).GroupBy(x => x.ProcurementId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var panelIds = list.Select(p => p.PanelId).ToList();
        var closed = await all.Panels.Where(x => panelIds.Contains(x.Id) && x.ClosedAt != null).Select(x => x.Id).ToListAsync(ct);
        var mine = Mine;
        return [.. list.Select(p =>
        {
            var stage = StageOf(p, closed.Contains(p.PanelId));
            return new ProcurementBrief(p.Id, p.Number, p.Title, p.RegionName, p.Budget, p.ProposalsDue, stage,
                SupplyText.Get("ProcurementStage_" + stage), counts.GetValueOrDefault(p.Id), mine.Any(o => InvitedTo(p, o)));
        })];
    }

    private static List<(string Title, DateOnly DueOn, decimal Amount)> CheckMilestones(IReadOnlyList<MilestoneInput>? input,
        decimal amount,
        InputProblems problems)
    {
        var list = input ?? [];
        if (list.Count is 0 or > MaxMilestones)
        {
            problems.Add("milestones", SupplyText.Get("Award_MilestoneCount", MaxMilestones));
            return [];
        }

        var result = new List<(string, DateOnly, decimal)>();
        for (var i = 0; i < list.Count; i++)
        {
            var title = problems.Text($"milestones[{i}].title", "Milestone_Title", list[i].Title, 100);
            if (list[i].DueOn is null)
            {
                problems.Add($"milestones[{i}].dueOn", SupplyText.Get("Milestone_DueRequired"));
            }

            result.Add((title, list[i].DueOn ?? default, problems.Money($"milestones[{i}].amount", "Milestone_Amount", list[i].Amount)));
        }

        if (result.Sum(m => m.Item3) != amount)
        {
            problems.Add("milestones", SupplyText.Get("Award_MilestoneSum", amount));
        }

        return result;
    }

    private static List<PanelEntry> Entries(IReadOnlyList<Proposal> proposals, IReadOnlyDictionary<Guid, string> names) =>
        [.. proposals.Select(x => new PanelEntry(x.Id, x.OrganizationId, names.GetValueOrDefault(x.Id, ""), x.SubmittedAt))];

    private bool Unsealed(Procurement p) => clock.GetUtcNow() >= p.ProposalsDue || p.Status != ProcurementStatus.Open;

    private string StageOf(Procurement p, Panel panel) => StageOf(p, panel.ClosedAt is not null);

    private string StageOf(Procurement p, bool reviewed) => p.Status switch
    {
        ProcurementStatus.Open when reviewed => "Reviewed",
        ProcurementStatus.Open when clock.GetUtcNow() >= p.ProposalsDue => "Review",
        ProcurementStatus.Open => "Open",
        _ => p.Status.ToString(),
    };

    private IReadOnlyList<Guid> Mine => SupplyCaller.OrganizationsOf(scope);

    private static string Shown(DateTimeOffset at) => SupplyCaller.Shown(at);

    private static bool InvitedTo(Procurement p, Guid organizationId) => p.Invited.Contains(organizationId.ToString(),
        StringComparison.Ordinal);

    private static IEnumerable<Guid> InvitedIds(Procurement p) => Ids(p.Invited);

    private static IEnumerable<Guid> Ids(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);

    private async Task<string> NextNumberAsync(DateOnly today, CancellationToken ct)
    {
        var prefix = "CG" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var count = await all.Procurements.CountAsync(p => p.Number.StartsWith(prefix), ct);
        return prefix + (count + 1).ToString("000", CultureInfo.InvariantCulture);
    }
}
