using Microsoft.EntityFrameworkCore;

using Yilian.SharedKernel;
using Yilian.SharedKernel.Errors;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Resources;

namespace Yilian.Volunteers.Features;

public sealed record LedgerLine(string Activity, DateTimeOffset Start, int SignedUp, int Waitlisted, int Attended, int ConfirmedMinutes, int Photos);

public sealed record Ledger(string Title, DateOnly From, DateOnly To, int Activities, int SignedUp, int Attended, int ConfirmedMinutes, int Photos, IReadOnlyList<LedgerLine> Lines);

/// <summary>
/// Ledgers (台账): per activity, organization and volunteer — sign-ups, attendance, confirmed hours and
/// approved photos — on screen and as an Excel workbook (a summary sheet and the records behind it).
/// Everything is read within the caller's scope.
/// </summary>
internal sealed class Ledgers(VolunteersDbContext db, ActivityAccess access, VolunteerHours volunteerHours, TimeProvider clock)
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<(Ledger Ledger, IReadOnlyList<AttendanceDto> Records)> ForActivityAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await access.OwnActivityAsync(activityId, ct);
        var (lines, records) = await LinesAsync(db.Attendances.Where(a => a.ActivityId == activityId), [activityId], ct,
            new Dictionary<Guid, (string, DateTimeOffset)> { [activityId] = (activity.Title, activity.Start) });
        var day = ChinaTime.DateOf(activity.Start);
        return (Summarize(activity.Title, day, ChinaTime.DateOf(activity.End), lines), records);
    }

    public async Task<(Ledger Ledger, IReadOnlyList<AttendanceDto> Records)> ForOrganizationAsync(Guid organizationId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        access.RequireOrganizer();
        if (!await access.OrganizesAsync(organizationId, ct))
        {
            throw new NotFoundException("Organization", organizationId);
        }

        var end = to ?? ChinaTime.Today(clock);
        var start = from ?? end.AddMonths(-3);
        if (end < start || end.DayNumber - start.DayNumber > 366)
        {
            throw InputValidationException.For("to", VolunteerText.Get("Ledger_Range"));
        }

        var (after, before) = (At(start), At(end.AddDays(1)));
        var activityIds = await db.Signups.Where(s => s.OrganizationId == organizationId).Select(s => s.ActivityId)
            .Union(db.Attendances.Where(a => a.OrganizationId == organizationId).Select(a => a.ActivityId)).Distinct().ToListAsync(ct);
        var (lines, records) = await LinesAsync(db.Attendances.Where(a => a.OrganizationId == organizationId && a.OccurrenceStart >= after && a.OccurrenceStart < before), activityIds, ct);
        var inRange = lines.Where(l => ChinaTime.DateOf(l.Start) >= start && ChinaTime.DateOf(l.Start) <= end).ToList();
        return (Summarize(VolunteerText.Get("Ledger_Organization"), start, end, inRange), records);
    }

    public async Task<(Ledger Ledger, IReadOnlyList<AttendanceDto> Records)> ForVolunteerAsync(Guid? volunteerId, CancellationToken ct)
    {
        var hours = await volunteerHours.ForAsync(volunteerId, ct);
        var lines = hours.Records.GroupBy(r => r.ActivityId).Select(g => new LedgerLine(g.First().ActivityTitle, g.Min(r => r.OccurrenceStart), g.Count(), 0,
            g.Count(r => r.CheckInAt != null), g.Where(r => r.Status == AttendanceStatus.Confirmed).Sum(r => r.CreditedMinutes), 0)).OrderBy(l => l.Start).ToList();
        var from = lines.Count > 0 ? ChinaTime.DateOf(lines[0].Start) : ChinaTime.Today(clock);
        return (Summarize(VolunteerText.Get("Hours_Title"), from, ChinaTime.Today(clock), lines) with { ConfirmedMinutes = hours.ConfirmedMinutes }, hours.Records);
    }

    /// <summary>A team's ledger: its members' attendance records with the team's organization.</summary>
    public async Task<(Ledger Ledger, IReadOnlyList<AttendanceDto> Records)> ForTeamAsync(Guid teamId, CancellationToken ct)
    {
        access.RequireOrganizer();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct)
            ?? throw new NotFoundException("Team", teamId);
        var ids = await db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.VolunteerId).ToListAsync(ct);
        var records = await db.Attendances.AsNoTracking()
            .Where(a => ids.Contains(a.VolunteerId) && a.OrganizationId == team.OrganizationId)
            .OrderBy(a => a.OccurrenceStart).Take(50_000).ToListAsync(ct);
        var lines = records.GroupBy(r => r.ActivityId)
            .Select(g => new LedgerLine(g.First().ActivityTitle, g.Min(r => r.OccurrenceStart), g.Count(), 0,
                g.Count(r => r.CheckInAt != null && r.Status != AttendanceStatus.Rejected),
                g.Where(r => r.Status == AttendanceStatus.Confirmed).Sum(r => r.CreditedMinutes), 0))
            .ToList();
        var from = lines.Count > 0 ? ChinaTime.DateOf(lines.Min(l => l.Start)) : ChinaTime.Today(clock);
        return (Summarize(team.Name, from, ChinaTime.Today(clock), lines), [.. records.Select(AttendanceRecords.ToDto)]);
    }

    /// <summary>The workbook: 汇总 (one line per activity) and 明细 (every attendance record).</summary>
    public static async Task<byte[]> ExcelAsync(Ledger ledger, IReadOnlyList<AttendanceDto> records, CancellationToken ct)
    {
        static string T(string key) => VolunteerText.Get(key);
        var summary = ledger.Lines.Select(l => new Dictionary<string, object?>
        {
            [T("Find_Activity")] = l.Activity,
            [T("Admin_Start")] = ChinaTime.ToChina(l.Start).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            [T("Status_Confirmed")] = l.SignedUp,
            [T("Status_Waitlisted")] = l.Waitlisted,
            [T("Ledger_Attended")] = l.Attended,
            [T("Hours_Confirmed")] = Math.Round(l.ConfirmedMinutes / 60.0, 2),
            [T("Photo_ActivityPhotos")] = l.Photos,
        }).ToList();
        summary.Add(new Dictionary<string, object?>
        {
            [T("Find_Activity")] = T("Ledger_Total"), [T("Admin_Start")] = $"{ledger.From:yyyy-MM-dd} — {ledger.To:yyyy-MM-dd}", [T("Status_Confirmed")] = ledger.SignedUp,
            [T("Status_Waitlisted")] = null, [T("Ledger_Attended")] = ledger.Attended, [T("Hours_Confirmed")] = Math.Round(ledger.ConfirmedMinutes / 60.0, 2), [T("Photo_ActivityPhotos")] = ledger.Photos,
        });
        var detail = records.Select(r => new Dictionary<string, object?>
        {
            [T("Find_Activity")] = r.ActivityTitle,
            [T("Att_Occurrence")] = ChinaTime.ToChina(r.OccurrenceStart).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            [T("Att_Volunteer")] = r.VolunteerName,
            [T("Att_In")] = Time(r.CheckInAt),
            [T("Att_Out")] = Time(r.CheckOutAt),
            [T("Att_Minutes")] = r.Minutes,
            [T("Ledger_Credited")] = r.CreditedMinutes,
            [T("Att_Status")] = T("Hours_Status_" + r.Status),
            [T("Ledger_Flags")] = string.Join(" ", new[] { r.Late ? T("Hours_Late") : null, r.LeftEarly ? T("Hours_LeftEarly") : null }.Where(f => f is not null)),
            [T("Cert_Handler")] = r.ConfirmedBy,
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, new Dictionary<string, object> { [T("Ledger_SummarySheet")] = summary, [T("Ledger_DetailSheet")] = detail }, cancellationToken: ct);
        return stream.ToArray();

        static string Time(DateTimeOffset? t) => t is { } v ? ChinaTime.ToChina(v).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
    }

    private async Task<(List<LedgerLine> Lines, IReadOnlyList<AttendanceDto> Records)> LinesAsync(
        IQueryable<Attendance> attendances, IReadOnlyCollection<Guid> activityIds, CancellationToken ct, Dictionary<Guid, (string Title, DateTimeOffset Start)>? known = null)
    {
        var records = await attendances.AsNoTracking().OrderBy(a => a.OccurrenceStart).ThenBy(a => a.VolunteerName).Take(50_000).ToListAsync(ct);
        var ids = activityIds.ToList();
        var signups = await db.Signups.AsNoTracking().Where(s => ids.Contains(s.ActivityId) && s.Status != SignupStatus.Cancelled)
            .GroupBy(s => new { s.ActivityId, s.Status }).Select(g => new { g.Key.ActivityId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var photos = await db.PhotoReports.AsNoTracking().Where(p => p.ActivityId != null && ids.Contains(p.ActivityId.Value) && p.Status == PhotoStatus.Approved)
            .GroupBy(p => p.ActivityId).Select(g => new { ActivityId = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.ActivityId, x => x.Count, ct);
        var byActivity = records.ToLookup(r => r.ActivityId);
        var titles = known ?? [];
        foreach (var g in records.GroupBy(r => r.ActivityId))
        {
            titles.TryAdd(g.Key, (g.First().ActivityTitle, g.Min(r => r.OccurrenceStart)));
        }

        var lines = ids.Where(titles.ContainsKey).Select(id => new LedgerLine(
            titles[id].Title, titles[id].Start,
            signups.Where(s => s.ActivityId == id && s.Status == SignupStatus.Confirmed).Sum(s => s.Count),
            signups.Where(s => s.ActivityId == id && s.Status == SignupStatus.Waitlisted).Sum(s => s.Count),
            byActivity[id].Count(r => r.CheckInAt != null && r.Status != AttendanceStatus.Rejected),
            byActivity[id].Where(r => r.Status == AttendanceStatus.Confirmed).Sum(r => r.CreditedMinutes),
            photos.GetValueOrDefault(id))).OrderBy(l => l.Start).ToList();
        return (lines, [.. records.Select(AttendanceRecords.ToDto)]);
    }

    private static Ledger Summarize(string title, DateOnly from, DateOnly to, List<LedgerLine> lines) =>
        new(title, from, to, lines.Count, lines.Sum(l => l.SignedUp), lines.Sum(l => l.Attended), lines.Sum(l => l.ConfirmedMinutes), lines.Sum(l => l.Photos), lines);

    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}
