using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Auditing;
using Yilian.Platform.Data;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Paging;

namespace Yilian.Platform.Features.Audit;

public sealed record AuditQuery(string? Actor, string? EntityType, string? EntityId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

public sealed record AuditEntryDto(long Id, long? Sequence, DateTimeOffset OccurredAt, string Actor, string? ActorName, string Action, string EntityType, string? EntityId,
    string? Changes, string? IpAddress, string? UserAgent, bool IsSealed);

/// <summary>Regulators search and export the audit trail; the export itself is audited.</summary>
internal sealed class SearchAudit(PlatformDbContext db, TimeProvider clock, Yilian.SharedKernel.Security.ICurrentUser user)
{
    public const int MaxExportRows = 100_000;

    public Task<PagedResult<AuditEntryDto>> HandleAsync(AuditQuery q, CancellationToken ct) =>
        Filter(q).OrderByDescending(e => e.Id).Select(ToDto).ToPagedAsync(PageRequest.Of(q.Page, q.PageSize), ct);

    public async Task<byte[]> ExportCsvAsync(AuditQuery q, CancellationToken ct)
    {
        var rows = await Filter(q).OrderBy(e => e.Id).Take(MaxExportRows).Select(ToDto).ToListAsync(ct);
        var sb = new StringBuilder();
        sb.AppendLine("id,sequence,occurredAt,actor,actorName,action,entityType,entityId,changes,ipAddress,userAgent,hashSealed");
        foreach (var r in rows)
        {
            sb.AppendJoin(',', new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "",
                ChinaTime.ToChina(r.OccurredAt).ToString("O", CultureInfo.InvariantCulture), r.Actor, r.ActorName ?? "", r.Action, r.EntityType,
                r.EntityId ?? "", r.Changes ?? "", r.IpAddress ?? "", r.UserAgent ?? "", r.IsSealed ? "1" : "0",
            }.Select(Csv)).AppendLine();
        }

        db.AuditEntries.Add(new SharedKernel.Auditing.AuditEntry
        {
            OccurredAt = AuditClock.Now(clock),
            Actor = user.UserId ?? "anonymous",
            ActorName = user.UserName,
            Action = AuditActions.Exported,
            EntityType = "AuditEntry",
            Changes = System.Text.Json.JsonSerializer.Serialize(new { q.Actor, q.EntityType, q.EntityId, q.Action, q.From, q.To, rows = rows.Count }, AuditJson.Options),
            IpAddress = user.IpAddress,
        });
        await db.SaveChangesAsync(ct);

        // BOM so that Excel opens the Chinese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private IQueryable<SharedKernel.Auditing.AuditEntry> Filter(AuditQuery q)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            query = query.Where(e => e.Actor == q.Actor || e.ActorName == q.Actor);
        }

        if (!string.IsNullOrWhiteSpace(q.EntityType))
        {
            query = query.Where(e => e.EntityType == q.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(q.EntityId))
        {
            query = query.Where(e => e.EntityId == q.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            query = query.Where(e => e.Action == q.Action);
        }

        if (q.From is { } from)
        {
            var utc = from.ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= utc);
        }

        if (q.To is { } to)
        {
            var utc = to.ToUniversalTime();
            query = query.Where(e => e.OccurredAt < utc);
        }

        return query;
    }

    private static readonly System.Linq.Expressions.Expression<Func<SharedKernel.Auditing.AuditEntry, AuditEntryDto>> ToDto = e =>
        new AuditEntryDto(e.Id, e.Sequence, e.OccurredAt, e.Actor, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Changes, e.IpAddress, e.UserAgent, e.Hash != null);

    /// <summary>Quotes a CSV field and defuses spreadsheet formulas (=, +, -, @ at the start).</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
