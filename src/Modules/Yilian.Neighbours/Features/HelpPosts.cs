using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Neighbours.Data;
using Yilian.Neighbours.Domain;
using Yilian.Neighbours.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Neighbours.Features;

/// <param name="Consent">The poster agrees to show it on the community's board (it is not posted otherwise).</param>
/// <param name="Until">The last day it stands; null with <paramref name="NoExpiry"/> for one that stays until taken back.</param>
public sealed record HelpPostInput(string? Kind, string? Category, string? Title, string? Details, string? RegionCode, string? When,
    DateOnly? Until, bool NoExpiry, string? Contact, bool Consent);

/// <param name="ShareContact">The responder agrees their phone goes to the poster if the poster accepts them.</param>
public sealed record HelpResponseInput(string? Message, string? Contact, bool ShareContact);

public sealed record ReasonInput(string? Reason);

public sealed record ModerationInput(bool Remove, string? Note);

/// <param name="Contact">The other side's phone: only once both agreed (the poster accepted, the responder consented).</param>
public sealed record HelpResponseDto(Guid Id, string ShownName, string Message, string Status, bool LateWithdrawal, string? WithdrawReason,
    string? Contact, DateTimeOffset CreatedAt);

/// <param name="Mine">The caller posted it.</param>
/// <param name="Contact">The poster's phone: to the poster, and to the neighbour they accepted.</param>
/// <param name="MyResponse">The caller's own response, when they answered it.</param>
public sealed record HelpPostDto(Guid Id, string Kind, string Category, string CategoryName, string Title, string Details, string ShownName,
    string RegionCode, string RegionName, string When, DateOnly? Until, string Status, bool LateWithdrawal, string? WithdrawReason,
    bool PosterConfirmedDone, bool HelperConfirmedDone, DateTimeOffset CreatedAt, bool Mine, string? Contact,
    IReadOnlyList<HelpResponseDto> Responses, HelpResponseDto? MyResponse);

public sealed record HelpReportDto(Guid Id, Guid PostId, string PostTitle, string Reason, string Status, string? Decision,
    DateTimeOffset CreatedAt);

/// <summary>
/// Neighbour help (邻里帮帮): a resident posts an ask or an offer for their community, with consent to show it; neighbours answer;
/// the poster accepts one, and only then do the two get each other's phone; both say when it is done. A withdrawal after a match
/// is recorded and shown to the other side. Anyone signed in may report a post; the community's officer decides.
/// </summary>
internal sealed class HelpPosts(NeighboursDbContext db, IServiceScopeFactory scopes, IRegionDirectory regions, IAccountDirectory accounts,
    ICurrentUser user, IDataScopeProvider scope, INotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>How long a post stands when the poster gives no date and does not choose "no expiry".</summary>
    public const int DefaultDays = 14;

    public const int MaxDays = 90;

    public async Task<HelpPostDto> PostAsync(HelpPostInput input, CancellationToken ct)
    {
        var me = RequireResident();
        var problems = new InputProblems(NeighbourText.Get);
        var kind = Enum.TryParse<HelpKind>(input.Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (HelpKind?)null;
        if (kind is null)
        {
            problems.Add("kind", NeighbourText.Get("Help_BadKind"));
        }

        if (input.Category is not { } category || !HelpCategories.All.Contains(category))
        {
            problems.Add("category", NeighbourText.Get("Help_BadCategory"));
        }

        var title = problems.Text("title", "Help_Title", input.Title, HelpPost.TitleMax);
        var details = problems.Text("details", "Help_Details", input.Details, HelpPost.DetailsMax, multiline: true, optional: true);
        var when = problems.Text("when", "Help_When", input.When, 40);
        var community = input.RegionCode is { Length: 12 } code ? await regions.FindAsync(code, ct) : null;
        if (community is null || community.Level != 4)
        {
            problems.Add("regionCode", NeighbourText.Get("Help_BadCommunity"));
        }

        var today = ChinaTime.Today(clock);
        DateOnly? until = input.NoExpiry ? null : input.Until ?? today.AddDays(DefaultDays);
        if (until is { } last && (last < today || last > today.AddDays(MaxDays)))
        {
            problems.Add("until", NeighbourText.Get("Help_BadUntil", MaxDays));
        }

        var contact = Contact(problems, input.Contact);
        if (!input.Consent)
        {
            problems.Add("consent", NeighbourText.Get("Help_NeedConsent"));
        }

        problems.ThrowIfAny();
        var now = clock.GetUtcNow();
        var post = new HelpPost
        {
            Id = Guid.CreateVersion7(), OwnerUserId = me, ShownName = await ShownNameAsync(ct), Kind = kind!.Value,
            Category = input.Category!,
            Title = title, Details = details, RegionCode = community!.Code, RegionName = community.Name, When = when, Until = until,
            Contact = contact, Status = HelpStatus.Open, CreatedAt = now, UpdatedAt = now,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return Dto(post, [], null, me);
    }

    /// <summary>The community's board: open posts shown with consent, newest first; no one's phone.</summary>
    public async Task<IReadOnlyList<HelpPostDto>> BoardAsync(string? community, string? kind, string? category, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<NeighboursDbContext>();
        var query = all.Posts.AsNoTracking().Where(p => p.Status == HelpStatus.Open);
        if (!string.IsNullOrWhiteSpace(community))
        {
            query = query.Where(p => p.RegionCode == community);
        }

        if (Enum.TryParse<HelpKind>(kind, ignoreCase: true, out var k))
        {
            query = query.Where(p => p.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(p => p.Category == category);
        }

        var today = ChinaTime.Today(clock);
        var posts = await query.Where(p => p.Until == null || p.Until >= today).OrderByDescending(p => p.CreatedAt).Take(100)
            .ToListAsync(ct);
        return [.. posts.Select(p => Dto(p, [], null, user.UserId))];
    }

    /// <summary>Open posts of the other kind in the same community and category: offers for an ask, asks for an offer.</summary>
    public async Task<IReadOnlyList<HelpPostDto>> MatchesAsync(Guid id, CancellationToken ct)
    {
        var post = await OwnAsync(id, ct);
        var other = post.Kind == HelpKind.Ask ? HelpKind.Offer : HelpKind.Ask;
        var board = await BoardAsync(post.RegionCode, other.ToString(), post.Category, ct);
        return [.. board.Where(p => !p.Mine)];
    }

    /// <summary>The caller's posts and the posts they answered.</summary>
    public async Task<IReadOnlyList<HelpPostDto>> MineAsync(CancellationToken ct)
    {
        var me = RequireResident();
        var posts = await db.Posts.AsNoTracking().Where(p => p.OwnerUserId == me).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var answered = await db.Responses.AsNoTracking().Where(r => r.OwnerUserId == me).Select(r => r.PostId).ToListAsync(ct);
        var answers = new List<HelpPostDto>();
        foreach (var postId in answered.Except(posts.Select(p => p.Id)))
        {
            answers.Add(await GetAsync(postId, ct));
        }

        var mine = new List<HelpPostDto>();
        foreach (var post in posts)
        {
            mine.Add(await GetAsync(post.Id, ct));
        }

        return [.. mine, .. answers.OrderByDescending(a => a.CreatedAt)];
    }

    /// <summary>A post as the caller may see it: the board's view, the poster's (with the responses) or the accepted helper's.</summary>
    public async Task<HelpPostDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<NeighboursDbContext>();
        var post = await all.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("HelpPost", id);
        var responses = await all.Responses.AsNoTracking().Where(r => r.PostId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var mine = user.UserId is { } me ? responses.FirstOrDefault(r => r.OwnerUserId == me) : null;
        var isPoster = user.UserId == post.OwnerUserId;
        var moderates = NeighbourPermissions.Moderates(user) && scope.Current.CoversRegion(post.RegionCode);
        if (!isPoster && mine is null && !moderates && post.Status != HelpStatus.Open)
        {
            throw new NotFoundException("HelpPost", id); // off the board: only the two sides and the officer see it
        }

        return Dto(post, isPoster || moderates ? responses : [], mine, user.UserId);
    }

    public async Task<HelpPostDto> RespondAsync(Guid id, HelpResponseInput input, CancellationToken ct)
    {
        var me = RequireResident();
        var problems = new InputProblems(NeighbourText.Get);
        var message = problems.Text("message", "Help_Message", input.Message, HelpResponse.MessageMax, multiline: true);
        var contact = Contact(problems, input.Contact);
        if (!input.ShareContact)
        {
            problems.Add("shareContact", NeighbourText.Get("Help_NeedShare"));
        }

        problems.ThrowIfAny();
        var post = await BoardPostAsync(id, ct);
        NeighbourRules.NotOwnPost.ThrowIf(post.OwnerUserId == me);
        NeighbourRules.PostNotOpen.ThrowIf(post.Status != HelpStatus.Open);
        var earlier = await db.Responses.AnyAsync(r => r.PostId == id && r.OwnerUserId == me && r.Status != ResponseStatus.Withdrawn, ct);
        NeighbourRules.AlreadyAnswered.ThrowIf(earlier);
        db.Responses.Add(new HelpResponse
        {
            Id = Guid.CreateVersion7(), PostId = id, OwnerUserId = me, ShownName = await ShownNameAsync(ct), Message = message,
            Contact = contact, RegionCode = post.RegionCode, Status = ResponseStatus.Pending, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await NotifyAsync(post.OwnerUserId, "Help_Notify_Response", post, $"response:{id}:{me}", ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The poster accepts one response: the post is matched, the others declined, and the two see each other's phone.</summary>
    public async Task<HelpPostDto> AcceptAsync(Guid id, Guid responseId, CancellationToken ct)
    {
        var post = await OwnAsync(id, ct);
        NeighbourRules.PostNotOpen.ThrowIf(post.Status != HelpStatus.Open);
        var responses = await ResponsesAsync(id, ct);
        var chosen = responses.FirstOrDefault(r => r.Id == responseId && r.Status == ResponseStatus.Pending)
            ?? throw new NotFoundException("HelpResponse", responseId);
        var now = clock.GetUtcNow();
        foreach (var r in responses.Where(r => r.Status == ResponseStatus.Pending))
        {
            (r.Status, r.DecidedAt) = (r == chosen ? ResponseStatus.Accepted : ResponseStatus.Declined, now);
        }

        (post.Status, post.UpdatedAt) = (HelpStatus.Matched, now);
        await SaveAsync(ct);
        await NotifyAsync(chosen.OwnerUserId, "Help_Notify_Accepted", post, $"accepted:{responseId}", ct);
        return await GetAsync(id, ct);
    }

    public async Task<HelpPostDto> DeclineAsync(Guid id, Guid responseId, CancellationToken ct)
    {
        await OwnAsync(id, ct);
        var response = (await ResponsesAsync(id, ct)).FirstOrDefault(r => r.Id == responseId && r.Status == ResponseStatus.Pending)
            ?? throw new NotFoundException("HelpResponse", responseId);
        (response.Status, response.DecidedAt) = (ResponseStatus.Declined, clock.GetUtcNow());
        await SaveAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The poster or the accepted helper says it is done; done when both have.</summary>
    public async Task<HelpPostDto> ConfirmDoneAsync(Guid id, CancellationToken ct)
    {
        var me = RequireResident();
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<NeighboursDbContext>();
        var post = await all.Posts.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("HelpPost", id);
        var helper = await all.Responses.FirstOrDefaultAsync(r => r.PostId == id && r.Status == ResponseStatus.Accepted, ct);
        if (post.OwnerUserId != me && helper?.OwnerUserId != me)
        {
            throw new NotFoundException("HelpPost", id);
        }

        NeighbourRules.NotMatched.ThrowIf(post.Status != HelpStatus.Matched);
        if (post.OwnerUserId == me)
        {
            post.PosterConfirmedDone = true;
        }
        else
        {
            post.HelperConfirmedDone = true;
        }

        (post.Status, post.UpdatedAt) = (post.PosterConfirmedDone && post.HelperConfirmedDone ? HelpStatus.Done : post.Status,
            clock.GetUtcNow());
        await SaveAsync(all, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>The poster takes the post back; after a match it is a late withdrawal, recorded and shown to the helper.</summary>
    public async Task<HelpPostDto> WithdrawAsync(Guid id, ReasonInput input, CancellationToken ct)
    {
        var post = await OwnAsync(id, ct);
        NeighbourRules.AlreadyClosed.ThrowIf(post.Status is not (HelpStatus.Open or HelpStatus.Matched));
        var problems = new InputProblems(NeighbourText.Get);
        var late = post.Status == HelpStatus.Matched;
        var reason = problems.Text("reason", "Help_Reason", input.Reason, HelpReport.ReasonMax, optional: !late);
        problems.ThrowIfAny();
        (post.Status, post.LateWithdrawal, post.WithdrawReason, post.UpdatedAt) = (HelpStatus.Withdrawn, late, reason, clock.GetUtcNow());
        foreach (var r in (await ResponsesAsync(id, ct)).Where(r => r.Status == ResponseStatus.Pending))
        {
            (r.Status, r.DecidedAt) = (ResponseStatus.Declined, clock.GetUtcNow());
        }

        await SaveAsync(ct);
        if (late && await AcceptedHelperAsync(id, ct) is { } helper)
        {
            await NotifyAsync(helper, "Help_Notify_Withdrawn", post, $"withdrawn:{id}", ct);
        }

        return await GetAsync(id, ct);
    }

    /// <summary>The responder takes their answer back; after being accepted the post opens again and the poster is told.</summary>
    public async Task<HelpPostDto> WithdrawResponseAsync(Guid id, ReasonInput input, CancellationToken ct)
    {
        var me = RequireResident();
        var response = await db.Responses.FirstOrDefaultAsync(r => r.PostId == id && r.OwnerUserId == me
            && (r.Status == ResponseStatus.Pending || r.Status == ResponseStatus.Accepted), ct)
            ?? throw new NotFoundException("HelpResponse", id);
        var late = response.Status == ResponseStatus.Accepted;
        var problems = new InputProblems(NeighbourText.Get);
        var reason = problems.Text("reason", "Help_Reason", input.Reason, HelpReport.ReasonMax, optional: !late);
        problems.ThrowIfAny();
        (response.Status, response.LateWithdrawal, response.WithdrawReason, response.DecidedAt) = (ResponseStatus.Withdrawn, late, reason,
            clock.GetUtcNow());
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<NeighboursDbContext>();
        var post = await all.Posts.FirstAsync(p => p.Id == id, ct);
        if (late && post.Status == HelpStatus.Matched)
        {
            (post.Status, post.HelperConfirmedDone, post.PosterConfirmedDone, post.UpdatedAt) = (HelpStatus.Open, false, false,
                clock.GetUtcNow());
            await SaveAsync(all, ct);
            await NotifyAsync(post.OwnerUserId, "Help_Notify_HelperWithdrew", post, $"helper-withdrew:{response.Id}", ct);
        }

        await SaveAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<HelpReportDto> ReportAsync(Guid id, ReasonInput input, CancellationToken ct)
    {
        var me = user.UserId ?? throw new ForbiddenException(NeighbourText.Get("Help_SignIn"));
        var problems = new InputProblems(NeighbourText.Get);
        var reason = problems.Text("reason", "Help_Reason", input.Reason, HelpReport.ReasonMax, multiline: true);
        problems.ThrowIfAny();
        var post = await BoardPostAsync(id, ct);
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<NeighboursDbContext>();
        NeighbourRules.AlreadyReported.ThrowIf(await all.Reports.AnyAsync(r => r.PostId == id && r.ReporterUserId == me
            && r.Status == ReportStatus.Open, ct));
        var report = new HelpReport
        {
            Id = Guid.CreateVersion7(), PostId = id, ReporterUserId = me, Reason = reason, RegionCode = post.RegionCode,
            Status = ReportStatus.Open, CreatedAt = clock.GetUtcNow(),
        };
        all.Reports.Add(report);
        await all.SaveChangesAsync(ct);
        return new HelpReportDto(report.Id, id, post.Title, reason, report.Status.ToString(), null, report.CreatedAt);
    }

    /// <summary>Open reports in the officer's communities, oldest first.</summary>
    public async Task<IReadOnlyList<HelpReportDto>> ReportsAsync(CancellationToken ct)
    {
        NeighbourPermissions.Require(NeighbourPermissions.Moderates(user));
        var reports = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).OrderBy(r => r.CreatedAt).Take(200)
            .ToListAsync(ct);
        var ids = reports.Select(r => r.PostId).ToList();
        var titles = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return [.. reports.Select(r => new HelpReportDto(r.Id, r.PostId, titles.GetValueOrDefault(r.PostId, ""), r.Reason,
            r.Status.ToString(), r.Decision, r.CreatedAt))];
    }

    /// <summary>The officer decides a report (in scope): takes the post down with a note the poster sees, or dismisses it.</summary>
    public async Task<HelpReportDto> DecideAsync(Guid reportId, ModerationInput input, CancellationToken ct)
    {
        NeighbourPermissions.Require(NeighbourPermissions.Moderates(user));
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, ct) ?? throw new NotFoundException("HelpReport", reportId);
        NeighbourRules.ReportDecided.ThrowIf(report.Status != ReportStatus.Open);
        var problems = new InputProblems(NeighbourText.Get);
        var note = problems.Text("note", "Help_Note", input.Note, HelpReport.ReasonMax, multiline: true);
        problems.ThrowIfAny();
        var post = await db.Posts.FirstAsync(p => p.Id == report.PostId, ct);
        var now = clock.GetUtcNow();
        var decidedBy = await accounts.DisplayNameOfAsync(user, ct) ?? "";
        foreach (var open in await db.Reports.Where(r => r.PostId == post.Id && r.Status == ReportStatus.Open).ToListAsync(ct))
        {
            (open.Status, open.Decision, open.DecidedBy, open.DecidedAt) = (input.Remove ? ReportStatus.Upheld : ReportStatus.Dismissed,
                note, decidedBy, now);
        }

        if (input.Remove)
        {
            (post.Status, post.RemovedReason, post.UpdatedAt) = (HelpStatus.Removed, note, now);
        }

        await SaveAsync(ct);
        if (input.Remove)
        {
            await NotifyAsync(post.OwnerUserId, "Help_Notify_Removed", post, $"removed:{post.Id}", ct);
        }

        return new HelpReportDto(report.Id, post.Id, post.Title, report.Reason, report.Status.ToString(), note, report.CreatedAt);
    }

    /// <summary>The daily sweep: a reminder the day before a post's last day, and posts past it without a match expire.</summary>
    public async Task<(int Reminded, int Expired)> SweepAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var tomorrow = today.AddDays(1);
        var due = await db.Posts.Where(p => p.Status == HelpStatus.Open && !p.Reminded && p.Until != null && p.Until <= tomorrow
            && p.Until >= today).ToListAsync(ct);
        foreach (var post in due)
        {
            post.Reminded = true;
            await NotifyAsync(post.OwnerUserId, "Help_Notify_Expiring", post, $"expiring:{post.Id}", ct);
        }

        var expired = await db.Posts.Where(p => p.Status == HelpStatus.Open && p.Until != null && p.Until < today).ToListAsync(ct);
        foreach (var post in expired)
        {
            (post.Status, post.UpdatedAt) = (HelpStatus.Expired, clock.GetUtcNow());
        }

        await SaveAsync(ct);
        return (due.Count, expired.Count);
    }

    private string RequireResident()
    {
        NeighbourPermissions.Require(user.UserId is not null, "Help_SignIn");
        return user.UserId!;
    }

    private static string Contact(InputProblems problems, string? input)
    {
        if (!MobileNumber.TryNormalize(input, out var phone))
        {
            problems.Add("contact", NeighbourText.Get("Help_BadContact"));
        }

        return phone;
    }

    private async Task<string> ShownNameAsync(CancellationToken ct)
    {
        var name = await accounts.DisplayNameOfAsync(user, ct) ?? "";
        return name.Length == 0 || name.Any(char.IsAsciiLetterOrDigit) ? NeighbourText.Get("Help_Neighbour") : name[..1] + "**";
    }

    /// <summary>The caller's own post (the data scope finds only theirs).</summary>
    private async Task<HelpPost> OwnAsync(Guid id, CancellationToken ct) =>
        await db.Posts.FirstOrDefaultAsync(p => p.Id == id && p.OwnerUserId == user.UserId, ct)
            ?? throw new NotFoundException("HelpPost", id);

    /// <summary>A post as the board shows it (anyone signed in may answer or report one that is open).</summary>
    private async Task<HelpPost> BoardPostAsync(Guid id, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<NeighboursDbContext>();
        return await all.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && (p.Status == HelpStatus.Open
            || p.OwnerUserId == user.UserId), ct) ?? throw new NotFoundException("HelpPost", id);
    }

    /// <summary>A post's responses, for its poster: they belong to their responders, so the scope alone would hide them. Only
    /// called after <see cref="OwnAsync"/> found the caller's own post (or in the system's sweep).</summary>
    private async Task<List<HelpResponse>> ResponsesAsync(Guid postId, CancellationToken ct) =>
        await db.Responses.IgnoreQueryFilters().Where(r => r.PostId == postId).ToListAsync(ct);

    private async Task<string?> AcceptedHelperAsync(Guid postId, CancellationToken ct) =>
        (await ResponsesAsync(postId, ct)).FirstOrDefault(r => r.Status == ResponseStatus.Accepted)?.OwnerUserId;

    private Task SaveAsync(CancellationToken ct) => SaveAsync(db, ct);

    private static async Task SaveAsync(NeighboursDbContext context, CancellationToken ct)
    {
        try
        {
            await context.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw NeighbourRules.ChangedMeanwhile.Broken();
        }
    }

    private async Task NotifyAsync(string userId, string key, HelpPost post, string dedup, CancellationToken ct) =>
        await outbox.EnqueueAsync([new OutgoingNotification(NotificationRecipients.User(userId), userId, NotificationChannels.InApp, null,
            NeighbourText.Get("Help_Notify_Title"), NeighbourText.Get(key, post.Title), $"/neighbours/{post.Id}", "help:" + dedup)], ct);

    private HelpPostDto Dto(HelpPost p, IReadOnlyList<HelpResponse> responses, HelpResponse? mine, string? me)
    {
        var isPoster = p.OwnerUserId == me;
        var accepted = mine?.Status == ResponseStatus.Accepted || (mine?.LateWithdrawal ?? false);
        var matched = p.Status is HelpStatus.Matched or HelpStatus.Done || (p.Status == HelpStatus.Withdrawn && p.LateWithdrawal);
        return new HelpPostDto(p.Id, p.Kind.ToString(), p.Category, NeighbourText.Get("HelpCategory_" + p.Category), p.Title, p.Details,
            p.ShownName, p.RegionCode, p.RegionName, p.When, p.Until, p.Status.ToString(), p.LateWithdrawal, p.WithdrawReason,
            p.PosterConfirmedDone, p.HelperConfirmedDone, p.CreatedAt, isPoster,
            isPoster || (accepted && matched && mine?.Status == ResponseStatus.Accepted) ? p.Contact : null,
            [.. responses.Select(r => ResponseDto(r, isPoster))], mine is null ? null : ResponseDto(mine, true));
    }

    /// <summary>A responder's phone goes to the poster once accepted (both agreed); before that, to no one but its owner.</summary>
    private HelpResponseDto ResponseDto(HelpResponse r, bool posterOrSelf) => new(r.Id, r.ShownName, r.Message, r.Status.ToString(),
        r.LateWithdrawal, r.WithdrawReason, posterOrSelf && (r.Status == ResponseStatus.Accepted || r.OwnerUserId == user.UserId)
            ? r.Contact : null, r.CreatedAt);
}
