using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MiniExcelLibs;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>A need as posted: what, for whom, where (a community or street code), when, the budget and the date answers are
/// wanted by.</summary>
public sealed record NeedInput(
    string? Title, string? Description, string? ServiceField, string? TargetGroup, string? RegionCode, DateOnly? ServiceFrom,
    DateOnly? ServiceTo, decimal? Budget, DateOnly? AnswerBy, bool? Public);

public sealed record NeedDto(
    Guid Id, string Number, string Title, string Description, string ServiceField, string ServiceFieldName, string TargetGroup,
    string RegionCode, string RegionName, DateOnly? ServiceFrom, DateOnly? ServiceTo, decimal Budget, DateOnly AnswerBy, bool Public,
    string Status, string StatusName, bool Overdue, string PostedBy, DateTimeOffset PostedAt, string? CloseNote)
{
    /// <summary>The needs this one's thread runs through (merged into, merged from, split from, split into); on a single need.
    /// </summary>
    public IReadOnlyList<NeedLinkDto> Links { get; init; } = [];
}

/// <param name="Relation">MergedInto, MergedFrom, SplitFrom or SplitInto.</param>
public sealed record NeedLinkDto(Guid Id, string Number, string Title, string RegionName, string Relation, string StatusName);

/// <summary>Merge a need into another that asks for the same (<paramref name="IntoId"/>), with why.</summary>
public sealed record NeedMerge(Guid? IntoId, string? Note);

/// <summary>One part of a split need: its title, its community (or street) and its share of the budget.</summary>
public sealed record NeedPartInput(string? Title, string? RegionCode, decimal? Budget);

public sealed record NeedSplit(IReadOnlyList<NeedPartInput>? Parts, string? Note);

/// <param name="Q">Words in the title, description or target group.</param>
/// <param name="Region">A community or street code (a street's needs include its communities').</param>
/// <param name="Overdue">Only open needs past their answer date.</param>
public sealed record NeedFilter(string? Q, string? Field, string? Region, string? Status, bool? Overdue);

public sealed record NeedClosing(string? Note);

/// <summary>
/// The needs list (需求清单): community and street officers post what their residents need; the list in scope is searched,
/// filtered and exported; a need is closed when met (with how) or withdrawn. Those marked public are on the public list, which
/// organizations read to find work that fits them.
/// </summary>
internal sealed class Needs(SupplyDbContext db, IServiceProvider services, IDictionaries dictionaries, IRegionDirectory regions,
    IDataScopeProvider scope, ICurrentUser user, IIdempotentRequest idempotency, TimeProvider clock)
{
    public const int MaxExportRows = 10_000;

    public async Task<NeedDto> PostAsync(NeedInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Need_CannotPost");
        if (idempotency.EffectKey is { } effect && await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.CreatedByRequest == effect, ct)
            is { } made)
        {
            return await DtoAsync(made, ct);
        }

        var today = ChinaTime.Today(clock);
        var fields = await FieldsAsync(ct);
        var problems = new InputProblems(SupplyText.Get);
        var need = new Need
        {
            Id = Guid.CreateVersion7(), Title = problems.Text("title", "Need_Title", input.Title, 100),
            Description = problems.Text("description", "Need_Description", input.Description, 2000, multiline: true),
            TargetGroup = problems.Text("targetGroup", "Need_TargetGroup", input.TargetGroup, 100), Public = input.Public == true,
                Status = NeedStatus.Open,
            PostedBy = user.UserName ?? "system", PostedAt = clock.GetUtcNow(), CreatedByRequest = idempotency.EffectKey,
        };
        need.ServiceField = input.ServiceField?.Trim() ?? "";
        if (!fields.ContainsKey(need.ServiceField))
        {
            problems.Add("serviceField", SupplyText.Get("Need_UnknownField", string.Join(", ", fields.Keys)));
        }

        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : await regions.FindAsync(input.RegionCode.Trim(), ct);
        if (region is null)
        {
            problems.Add("regionCode", SupplyText.Get("Need_RegionRequired"));
        }

        if (input.Budget is { } budget && (budget < 0 || budget > 999_999_999.99m || decimal.Round(budget, 2) != budget))
        {
            problems.Add("budget", SupplyText.Get("Need_BadBudget"));
        }

        if (input.AnswerBy is not { } answerBy || answerBy < today || answerBy > today.AddYears(1))
        {
            problems.Add("answerBy", SupplyText.Get("Need_BadAnswerBy", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (input.ServiceFrom is { } from && input.ServiceTo is { } to && to < from)
        {
            problems.Add("serviceTo", SupplyText.Get("Need_ServiceBackwards"));
        }

        problems.ThrowIfAny();

        if (!scope.Current.CoversRegion(region!.Code))
        {
            throw SupplyRules.NeedOutsideScope.Broken(region.Name);
        }

        (need.RegionCode, need.RegionName, need.Budget, need.AnswerBy) = (region.Code, region.Name, input.Budget ?? 0,
            input.AnswerBy!.Value);
        (need.ServiceFrom, need.ServiceTo) = (input.ServiceFrom, input.ServiceTo);
        for (var attempt = 1; ; attempt++)
        {
            need.Number = Number(today, await NextSequenceAsync(today, ct));
            db.Needs.Add(need);
            try
            {
                await db.SaveChangesAsync(ct);
                return Dto(need, fields, today);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Two needs posted at once took the same number of the day: take the next.
                db.Entry(need).State = EntityState.Detached;
            }
        }
    }

    public async Task<PagedResult<NeedDto>> ListAsync(NeedFilter filter, PageRequest page, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsNeeds(user));
        var found = await Filtered(db.Needs.AsNoTracking(), filter).OrderByDescending(n => n.PostedAt).ToPagedAsync(page, ct);
        return await PagedAsync(found, ct);
    }

    public async Task<NeedDto> GetAsync(Guid id, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsNeeds(user));
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Need", id);
        return await DtoAsync(need, ct) with { Links = await LinksAsync(need, ct) };
    }

    /// <summary>The needs the thread runs through, whoever's scope they are in (a street's need split into its communities'):
    /// their numbers, titles and states, as on the public list.</summary>
    internal async Task<IReadOnlyList<NeedLinkDto>> LinksAsync(Need need, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(services);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var linked = await all.Needs.AsNoTracking().Where(n => n.Id == need.MergedIntoId || n.Id == need.SplitFromId
            || n.MergedIntoId == need.Id || n.SplitFromId == need.Id).OrderBy(n => n.Number).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        return [.. linked.Select(n => new NeedLinkDto(n.Id, n.Number, n.Title, n.RegionName, n.Id == need.MergedIntoId ? "MergedInto"
            : n.Id == need.SplitFromId ? "SplitFrom" : n.MergedIntoId == need.Id ? "MergedFrom" : "SplitInto", StatusName(n, today)))];
    }

    /// <summary>Met: closed with a note of how (which purchase, project, volunteers or resources).</summary>
    public Task<NeedDto> CloseAsync(Guid id, NeedClosing closing, CancellationToken ct) => EndAsync(id, closing, NeedStatus.Closed, ct);

    public Task<NeedDto> WithdrawAsync(Guid id, NeedClosing closing, CancellationToken ct) => EndAsync(id, closing, NeedStatus.Withdrawn,
        ct);

    public const int MaxParts = 10;

    /// <summary>
    /// Merges an open need into another open need that asks for the same: this one is closed as merged, its budget added to the
    /// other's, and the other's thread (call, delivery, ratings) answers both. Neither may have a call yet on the merged one.
    /// </summary>
    public async Task<NeedDto> MergeAsync(Guid id, NeedMerge merge, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Need_CannotPost");
        var note = Note(merge.Note);
        var need = await OpenWithoutCallAsync(id, ct);
        if (merge.IntoId is not { } intoId)
        {
            throw InputValidationException.For("intoId", SupplyText.Get("Need_MergeTargetRequired"));
        }

        if (intoId == id)
        {
            throw SupplyRules.MergeIntoItself.Broken();
        }

        var into = await db.Needs.FirstOrDefaultAsync(n => n.Id == intoId, ct) ?? throw new NotFoundException("Need", intoId);
        if (into.Status != NeedStatus.Open)
        {
            throw SupplyRules.NeedNotOpen.Broken(into.Number);
        }

        (need.Status, need.MergedIntoId, need.ClosedBy, need.ClosedAt, need.CloseNote) = (NeedStatus.Merged, into.Id, user.UserName,
            clock.GetUtcNow(), note);
        into.Budget = Math.Min(into.Budget + need.Budget, 999_999_999.99m);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Splits an open need (without a call) into two to ten parts, each with its own title, community or street in the caller's
    /// scope and share of the budget (together at most the whole): each part is a new open need carrying the rest of the
    /// original and a link to it, and the original is closed as split. All parts or none are written.
    /// </summary>
    public async Task<NeedDto> SplitAsync(Guid id, NeedSplit split, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Need_CannotPost");
        var note = Note(split.Note);
        var need = await OpenWithoutCallAsync(id, ct);
        var problems = new InputProblems(SupplyText.Get);
        var parts = split.Parts ?? [];
        if (parts.Count is < 2 or > MaxParts)
        {
            throw InputValidationException.For("parts", SupplyText.Get("Need_PartCount", MaxParts));
        }

        var made = new List<Need>();
        for (var i = 0; i < parts.Count; i++)
        {
            var title = problems.Text($"parts[{i}].title", "Need_Title", parts[i].Title, 100);
            var budget = problems.Money($"parts[{i}].budget", "Need_Budget", parts[i].Budget ?? 0);
            var regionCode = string.IsNullOrWhiteSpace(parts[i].RegionCode) ? need.RegionCode : parts[i].RegionCode!.Trim();
            var region = await regions.FindAsync(regionCode, ct);
            if (region is null || !scope.Current.CoversRegion(region.Code))
            {
                problems.Add($"parts[{i}].regionCode", SupplyText.Get("Need_PartRegion"));
            }

            made.Add(new Need
            {
                Id = Guid.CreateVersion7(), Title = title, Description = need.Description, ServiceField = need.ServiceField,
                TargetGroup = need.TargetGroup, RegionCode = region?.Code ?? "", RegionName = region?.Name ?? "", Budget = budget,
                ServiceFrom = need.ServiceFrom, ServiceTo = need.ServiceTo, AnswerBy = need.AnswerBy, Public = need.Public,
                Status = NeedStatus.Open, SplitFromId = need.Id, PostedBy = user.UserName ?? "system", PostedAt = clock.GetUtcNow(),
            });
        }

        if (made.Sum(n => n.Budget) > need.Budget)
        {
            problems.Add("parts", SupplyText.Get("Need_PartsOverBudget", need.Budget));
        }

        problems.ThrowIfAny();
        (need.Status, need.ClosedBy, need.ClosedAt, need.CloseNote) = (NeedStatus.Split, user.UserName, clock.GetUtcNow(), note);
        var today = ChinaTime.Today(clock);
        for (var attempt = 1; ; attempt++)
        {
            var first = await NextSequenceAsync(today, ct);
            for (var i = 0; i < made.Count; i++)
            {
                made[i].Number = Number(today, first + i);
            }

            db.Needs.AddRange(made);
            try
            {
                await db.SaveChangesAsync(ct);
                return await GetAsync(id, ct);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // A need posted meanwhile took one of the numbers: take the next ones.
                made.ForEach(n => db.Entry(n).State = EntityState.Detached);
            }
        }
    }

    private async Task<Need> OpenWithoutCallAsync(Guid id, CancellationToken ct)
    {
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Need", id);
        if (need.Status != NeedStatus.Open)
        {
            throw SupplyRules.NeedNotOpen.Broken(need.Number);
        }

        if (await db.Procurements.AnyAsync(p => p.NeedId == id && p.Status != ProcurementStatus.Cancelled, ct))
        {
            throw SupplyRules.NeedHasCall.Broken(need.Number);
        }

        return need;
    }

    private static string Note(string? text)
    {
        var note = text?.Trim() ?? "";
        return note.Length == 0 || TextRules.Check(note, 500, multiline: true, allowMarkup: false) is not null
            ? throw InputValidationException.For("note", SupplyText.Get("Need_NoteRequired"))
            : note;
    }

    /// <summary>Open needs in scope past their answer date (the workbench's count).</summary>
    public Task<int> OverdueCountAsync(CancellationToken ct) =>
        SupplyPermissions.ReadsNeeds(user) ? Filtered(db.Needs, new NeedFilter(null, null, null, null, Overdue: true)).CountAsync(ct)
            : Task.FromResult(0);

    /// <summary>The public list: open needs their posters chose to publish, for anyone (organizations find work here).</summary>
    public async Task<PagedResult<NeedDto>> PublicListAsync(NeedFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(services);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var found = await Filtered(all.Needs.AsNoTracking().Where(n => n.Public && n.Status == NeedStatus.Open),
            filter with { Status = null })
            .OrderBy(n => n.AnswerBy).ThenByDescending(n => n.PostedAt).ToPagedAsync(page, ct);
        return await PagedAsync(found, ct);
    }

    /// <summary>The needs in scope as an Excel sheet (the filters of the list; at most <see cref="MaxExportRows"/> rows).</summary>
    public async Task<byte[]> ExportAsync(NeedFilter filter, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsNeeds(user));
        var needs = await Filtered(db.Needs.AsNoTracking(), filter).OrderByDescending(n => n.PostedAt).Take(MaxExportRows).ToListAsync(ct);
        var fields = await FieldsAsync(ct);
        var today = ChinaTime.Today(clock);
        static string T(string key) => SupplyText.Get(key);
        var rows = needs.Select(n => new Dictionary<string, object?>
        {
            [T("Need_Number")] = n.Number, [T("Need_Title")] = n.Title, [T("Need_Field")] = fields.GetValueOrDefault(n.ServiceField,
                n.ServiceField),
            [T("Need_TargetGroup")] = n.TargetGroup, [T("Need_Region")] = n.RegionName, [T("Need_Budget")] = n.Budget,
            [T("Need_AnswerBy")] = n.AnswerBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [T("Need_Status")] = StatusName(n, today), [T("Need_Public")] = T(n.Public ? "Yes" : "No"),
            [T("Need_PostedAt")] = ChinaTime.ToChina(n.PostedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            [T("Need_Description")] = n.Description,
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows.Count > 0 ? rows : [new Dictionary<string, object?> { [T("Need_Number")] = "" }],
            cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>The service fields a need may name (code → name in the reader's language).</summary>
    public async Task<IReadOnlyDictionary<string, string>> FieldsAsync(CancellationToken ct) =>
        (await dictionaries.ListAsync(DictionaryTypes.ServiceField, includeInactive: false, ct)).ToDictionary(e => e.Code, e => e.Name);

    private async Task<NeedDto> EndAsync(Guid id, NeedClosing closing, NeedStatus status, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.PostsNeeds(user), "Need_CannotPost");
        var note = Note(closing.Note);
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Need", id);
        if (need.Status != NeedStatus.Open)
        {
            throw SupplyRules.NeedNotOpen.Broken(need.Number);
        }

        (need.Status, need.ClosedBy, need.ClosedAt, need.CloseNote) = (status, user.UserName, clock.GetUtcNow(), note);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(need, ct);
    }

    private IQueryable<Need> Filtered(IQueryable<Need> query, NeedFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(n => n.Title.Contains(q) || n.Description.Contains(q) || n.TargetGroup.Contains(q) || n.Number == q);
        }

        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(n => n.ServiceField == filter.Field);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            // A street's needs are its own and its communities' (the street part of the code).
            var region = filter.Region.Trim();
            var prefix = RegionCode.IsWellFormed(region) && RegionCode.LevelOf(region) == RegionLevel.Street ? region[..9] : region;
            query = query.Where(n => n.RegionCode.StartsWith(prefix));
        }

        if (Enum.TryParse<NeedStatus>(filter.Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(n => n.Status == status);
        }

        if (filter.Overdue == true)
        {
            var today = ChinaTime.Today(clock);
            query = query.Where(n => n.Status == NeedStatus.Open && n.AnswerBy < today && n.AnsweredAt == null);
        }

        return query;
    }

    private async Task<int> NextSequenceAsync(DateOnly today, CancellationToken ct)
    {
        var prefix = Number(today, 0)[..^3];
        await using var system = SystemScope.Begin(services);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        return await all.Needs.CountAsync(n => n.Number.StartsWith(prefix), ct) + 1;
    }

    private static string Number(DateOnly day, int sequence) =>
        "XQ" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + sequence.ToString("000", CultureInfo.InvariantCulture);

    private async Task<PagedResult<NeedDto>> PagedAsync(PagedResult<Need> found, CancellationToken ct)
    {
        var fields = await FieldsAsync(ct);
        var today = ChinaTime.Today(clock);
        return new PagedResult<NeedDto>([.. found.Items.Select(n => Dto(n, fields, today))], found.Total, found.Page, found.PageSize);
    }

    /// <summary>Needs read elsewhere in the module (matching), as the list shows them.</summary>
    internal async Task<IReadOnlyList<NeedDto>> DtosAsync(IEnumerable<Need> list, CancellationToken ct)
    {
        var fields = await FieldsAsync(ct);
        var today = ChinaTime.Today(clock);
        return [.. list.Select(n => Dto(n, fields, today))];
    }

    private async Task<NeedDto> DtoAsync(Need need, CancellationToken ct) => Dto(need, await FieldsAsync(ct), ChinaTime.Today(clock));

    private static NeedDto Dto(Need n, IReadOnlyDictionary<string, string> fields, DateOnly today) => new(
        n.Id, n.Number, n.Title, n.Description, n.ServiceField, fields.GetValueOrDefault(n.ServiceField, n.ServiceField), n.TargetGroup,
        n.RegionCode, n.RegionName, n.ServiceFrom, n.ServiceTo, n.Budget, n.AnswerBy, n.Public, n.Status.ToString(), StatusName(n, today),
        Overdue(n, today), n.PostedBy, n.PostedAt, n.CloseNote);

    private static string StatusName(Need n, DateOnly today) =>
        SupplyText.Get(Overdue(n, today) ? "NeedStatus_Overdue" : n.Status == NeedStatus.Open && n.AnsweredAt is not null
            ? "NeedStatus_Answered" : "NeedStatus_" + n.Status);

    private static bool Overdue(Need n, DateOnly today) => n.Status == NeedStatus.Open && n.AnswerBy < today && n.AnsweredAt is null;
}
