using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Yilian.Activities.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;
using Yilian.Volunteers.Features;

namespace Yilian.Volunteers.Matching;

/// <summary>
/// Every volunteer's matching profile in memory: skills and levels, availability, home, commitments and
/// record (attended, missed, recent service). Loaded past any caller's scope (matching must see all
/// volunteers; what an organizer is shown is masked), reloaded when this process changed something that
/// matters (before the next read), and refreshed in the background once older than
/// <see cref="MatchingOptions.PoolSeconds"/> (another instance's changes).
/// </summary>
internal sealed partial class MatchPool(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MatchingOptions> options, ILogger<MatchPool> log) : IDisposable
{
    private TimeSpan MaxAge => TimeSpan.FromSeconds(options.Value.PoolSeconds);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;
    private int _version;

    private sealed record Snapshot(int Version, DateTimeOffset LoadedAt, IReadOnlyList<MatchProfile> Profiles, TimeSpan LoadTime);

    /// <summary>How long the last load took (for the benchmark notes).</summary>
    public TimeSpan LastLoadTime => _current?.LoadTime ?? TimeSpan.Zero;

    public void Dispose() => _loading.Dispose();

    /// <summary>Marks the pool stale: the next read reloads it.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>
    /// The profiles. After a change made here the next read waits for a reload (it must see that change); when
    /// the snapshot has merely aged (changes another instance may have made) it is served while a reload runs behind.
    /// </summary>
    public async Task<IReadOnlyList<MatchProfile>> GetAsync(CancellationToken ct)
    {
        if (Current(_current) is { } current)
        {
            if (clock.GetUtcNow() - current.LoadedAt >= MaxAge && _loading.Wait(0, CancellationToken.None))
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await ReloadAsync(CancellationToken.None);
                    }
                    catch (Exception e)
                    {
                        RefreshFailed(log, e);
                    }
                    finally
                    {
                        _loading.Release();
                    }
                }, CancellationToken.None);
            }

            return current.Profiles;
        }

        await _loading.WaitAsync(ct);
        try
        {
            return Current(_current) is { } loaded ? loaded.Profiles : await ReloadAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Loads a new snapshot; the caller holds the loading lock.</summary>
    private async Task<IReadOnlyList<MatchProfile>> ReloadAsync(CancellationToken ct)
    {
        var version = Volatile.Read(ref _version);
        var started = clock.GetTimestamp();
        var profiles = await LoadAsync(ct);
        _current = new Snapshot(version, clock.GetUtcNow(), profiles, clock.GetElapsedTime(started));
        Loaded(log, profiles.Count, (long)_current.LoadTime.TotalMilliseconds);
        return profiles;
    }

    /// <summary>The snapshot unless a change made through this instance has outdated it.</summary>
    private Snapshot? Current(Snapshot? snapshot) => snapshot is not null && snapshot.Version == Volatile.Read(ref _version) ? snapshot : null;

    private async Task<IReadOnlyList<MatchProfile>> LoadAsync(CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(scopes);
        var db = scope.ServiceProvider.GetRequiredService<VolunteersDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<IActivityCatalog>();
        var calendar = scope.ServiceProvider.GetRequiredService<IPersonCalendar>();
        var now = clock.GetUtcNow();
        var history = now.AddDays(-180);

        // No encrypted column is read: matching needs no ID number or phone.
        var rows = await db.Volunteers.AsNoTracking()
            .Select(v => new { v.Id, v.OwnerUserId, v.Number, v.RealName, v.RegionCode, v.Latitude, v.Longitude, v.BirthDate, v.Skills, v.SkillLevels, v.WeeklyAvailability, v.Unavailable })
            .ToListAsync(ct);
        var signups = await db.Signups.AsNoTracking().Where(s => s.Status != SignupStatus.Cancelled)
            .Select(s => new { s.VolunteerId, s.ActivityId, s.Status }).ToListAsync(ct);
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.OccurrenceStart >= history)
            .Select(a => new { a.VolunteerId, a.OccurrenceId, a.Status, a.CheckInAt, a.CreditedMinutes, a.OccurrenceStart }).ToListAsync(ct);
        var confirmedActivities = signups.Where(s => s.Status == SignupStatus.Confirmed).Select(s => s.ActivityId).Distinct().ToList();
        var occurrences = (await catalog.OccurrencesOfAsync(confirmedActivities, history, now, ct)).ToLookup(o => o.ActivityId);
        // Commitments come from the calendar: what a confirmed sign-up holds there, and anything else that holds the person.
        var busyByUser = (await calendar.BusyAsync(PersonKeys.UserPrefix, now, now.AddDays(62), ct)).ToLookup(b => b.PersonKey);
        var attended = attendance.Where(a => a.CheckInAt != null && a.Status != AttendanceStatus.Rejected).Select(a => (a.VolunteerId, a.OccurrenceId)).ToHashSet();
        var stats = attendance.GroupBy(a => a.VolunteerId).ToDictionary(g => g.Key, g => (
            Attended: g.Count(a => a.Status == AttendanceStatus.Confirmed),
            Recent: g.Where(a => a.Status == AttendanceStatus.Confirmed && a.OccurrenceStart >= now.AddDays(-30)).Sum(a => a.CreditedMinutes)));
        var byVolunteer = signups.ToLookup(s => s.VolunteerId);

        var profiles = new List<MatchProfile>(rows.Count);
        foreach (var r in rows)
        {
            var levels = Parse<List<SkillLevel>>(r.SkillLevels) ?? [];
            var skills = r.Skills.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var profile = new MatchProfile
            {
                Id = r.Id, OwnerUserId = r.OwnerUserId, Number = r.Number, Name = r.RealName, RegionCode = r.RegionCode,
                Latitude = r.Latitude ?? double.NaN, Longitude = r.Longitude ?? double.NaN, BirthDate = r.BirthDate,
                Skills = skills, SkillIds = [.. skills.Select(SkillIndex.Of)],
                SelfLevels = [.. skills.Select(c => (byte)Math.Clamp(levels.FirstOrDefault(l => l.Code == c)?.Self ?? 3, 1, 5))],
                VerifiedLevels = [.. skills.Select(c => (byte)Math.Clamp(levels.FirstOrDefault(l => l.Code == c)?.Verified ?? 0, 0, 5))],
                Availability = Cells(Parse<List<WeeklySlot>>(r.WeeklyAvailability)),
                Unavailable = [.. (Parse<List<Unavailability>>(r.Unavailable) ?? []).Select(u => (u.From, u.To))],
            };
            foreach (var s in byVolunteer[r.Id])
            {
                profile.SignedUp.Add(s.ActivityId);
                if (s.Status != SignupStatus.Confirmed)
                {
                    continue;
                }

                foreach (var o in occurrences[s.ActivityId])
                {
                    if (o.End <= now && !attended.Contains((r.Id, o.Id)))
                    {
                        profile.NoShows++;
                    }
                }
            }

            profile.Busy = [.. busyByUser[PersonKeys.User(r.OwnerUserId)].Select(b => (b.Start, b.End)).OrderBy(b => b.Start)];
            if (stats.TryGetValue(r.Id, out var st))
            {
                profile.Attended = st.Attended;
                profile.RecentMinutes = st.Recent;
            }

            profiles.Add(profile);
        }

        return profiles;
    }

    [LoggerMessage(LogLevel.Warning, "Matching pool refresh failed; the previous snapshot is kept")]
    private static partial void RefreshFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Information, "Matching pool loaded: {Count} volunteers in {Milliseconds} ms")]
    private static partial void Loaded(ILogger logger, int count, long milliseconds);

    /// <summary>The weekly slots as half-hour cells; null when the volunteer has not said.</summary>
    public static ulong[]? Cells(IReadOnlyList<WeeklySlot>? slots)
    {
        if (slots is null || slots.Count == 0)
        {
            return null;
        }

        var cells = new ulong[Matcher.CellWords];
        foreach (var slot in slots)
        {
            var from = slot.From.Hour * 2 + (slot.From.Minute >= 30 ? 1 : 0);
            var to = slot.To.Hour * 2 + (slot.To.Minute > 30 ? 2 : slot.To.Minute > 0 ? 1 : 0);
            if (slot.To == new TimeOnly(23, 59))
            {
                to = 48;
            }

            for (var half = from; half < to; half++)
            {
                var cell = (slot.Day - 1) * 48 + half;
                cells[cell / 64] |= 1UL << (cell % 64);
            }
        }

        return cells;
    }

    private static T? Parse<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
