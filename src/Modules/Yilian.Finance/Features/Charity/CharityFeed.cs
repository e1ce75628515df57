using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Finance.Features.Charity;

/// <summary>One thing that happened, as the live screen shows it: a donation (or refund) recorded, or an expense paid from
/// donations. Never the receipt number (a donor's key to their record) nor an unmasked name the donor did not choose to show.</summary>
/// <param name="Kind">donation, refund or expense.</param>
public sealed record LiveEvent(
    string Kind, Guid Id, Guid ProjectId, string ProjectTitle, string Name, decimal Amount, DateTimeOffset At, decimal ProjectRaised,
    decimal ProjectSpent, decimal ProjectTarget, decimal TotalRaised, decimal TotalSpent);

/// <summary>
/// The live screen's feed (decision 027). One reader per app instance polls what was committed — by any instance — a few
/// times a second while someone watches (at once when this instance commits), and fans it out to every connected viewer; 500
/// viewers cost one query, not 500. It reads by the record time with an overlap window and remembers what it has sent, so a
/// transaction that committed late is still seen and nothing is sent twice.
/// </summary>
internal sealed class CharityFeed(IServiceProvider services, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<CharityFeed> log)
    : BackgroundService
{
    /// <summary>How often the feed looks while someone watches; a commit on this instance wakes it at once.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, Channel<LiveEvent>> viewers = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly Dictionary<Guid, DateTimeOffset> sent = [];
    private DateTimeOffset? watermark;
    private DateTimeOffset watchedSince;

    public int Viewers => viewers.Count;

    /// <summary>Something was committed here: look now rather than at the next tick.</summary>
    public void Nudge()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>The events from now on, until the viewer goes away; null first and every <paramref name="keepAlive"/> without one (a
    /// comment line keeps proxies from closing the connection).</summary>
    public async IAsyncEnumerable<LiveEvent?> WatchAsync(TimeSpan keepAlive,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var id = Guid.NewGuid();
        // A slow viewer loses its oldest events rather than holding everyone's memory.
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropOldest });
        if (viewers.IsEmpty)
        {
            watchedSince = clock.GetUtcNow();
        }

        viewers[id] = channel;
        Nudge();
        // A shutting-down host ends its streams at once (browsers reconnect to another instance) rather than waiting on them.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        ct = ending.Token;
        try
        {
            yield return null; // at once, so the viewer's connection opens now rather than at the first event
            while (!ct.IsCancellationRequested)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
                quiet.CancelAfter(keepAlive);
                var ready = false;
                try
                {
                    ready = await channel.Reader.WaitToReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Quiet for a while: a keep-alive below.
                }

                if (!ready)
                {
                    yield return null;
                    continue;
                }

                while (channel.Reader.TryRead(out var e))
                {
                    yield return e;
                }
            }
        }
        finally
        {
            viewers.TryRemove(id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(Interval, stoppingToken);
                if (viewers.IsEmpty)
                {
                    watermark = null; // the next viewer starts from what is new then
                    continue;
                }

                foreach (var e in await ReadAsync(stoppingToken))
                {
                    foreach (var viewer in viewers.Values)
                    {
                        viewer.Writer.TryWrite(e);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or DbUpdateException)
            {
                log.LogWarning(e, "The live charity feed could not read; trying again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task<IReadOnlyList<LiveEvent>> ReadAsync(CancellationToken ct)
    {
        await using var scope = SystemScope.Begin(services);
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        if (watermark is not { } mark)
        {
            var latestDonation = await db.Donations.MaxAsync(d => (DateTimeOffset?)d.RecordedAt, ct);
            var latestDraw = await db.DonationAllocations.MaxAsync(a => (DateTimeOffset?)a.At, ct);
            var latest = new[] { latestDonation, latestDraw }.Max() ?? DateTimeOffset.MinValue.AddYears(1);
            var start = latest < watchedSince ? latest : watchedSince;
            sent.Clear();
            // What is already there is on the page the viewer opened; only what comes after is sent.
            var from = start - Overlap;
            var seen = watchedSince;
            foreach (var d in await db.Donations.Where(d => d.RecordedAt >= from && d.RecordedAt < seen).Select(d => d.Id).ToListAsync(ct))
            {
                sent[d] = start;
            }

            foreach (var e in await db.DonationAllocations.Where(a => a.At >= from && a.At < seen).Select(a => a.ExpenseId).Distinct()
                .ToListAsync(ct))
            {
                sent[e] = start;
            }

            watermark = start;
            return [];
        }

        var since = mark - Overlap;
        var donations = await db.Donations.AsNoTracking().Where(d => d.RecordedAt >= since && d.Status == DonationStatus.Recorded)
            .OrderBy(d => d.RecordedAt).Take(500).ToListAsync(ct);
        var draws = await db.DonationAllocations.AsNoTracking().Where(a => a.At >= since && a.Amount > 0)
            .GroupBy(a => new { a.ExpenseId, a.CharityProjectId })
            .Select(g => new { g.Key.ExpenseId, Amount = g.Sum(a => a.Amount), At = g.Max(a => a.At), ProjectId = g.Key.CharityProjectId })
            .ToListAsync(ct);
        var fresh = donations.Where(d => !sent.ContainsKey(d.Id)).ToList();
        var paid = draws.Where(d => !sent.ContainsKey(d.ExpenseId)).ToList();
        if (fresh.Count == 0 && paid.Count == 0)
        {
            return [];
        }

        var projects = await db.CharityProjects.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var (raised, spent) = (projects.Values.Sum(p => p.Raised), projects.Values.Sum(p => p.Spent));
        var expenseIds = paid.Select(p => p.ExpenseId).ToList();
        var payees = await db.Expenses.AsNoTracking().Where(e => expenseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Payee, ct);
        var events = new List<LiveEvent>();
        foreach (var d in fresh)
        {
            var p = projects[d.CharityProjectId];
            events.Add(new LiveEvent(d.Kind == DonationKind.Refund ? "refund" : "donation", d.Id, p.Id, p.Title,
                DonorNames.Public(d.DonorName, d.ShowName), d.Amount, d.ReceivedAt, p.Raised, p.Spent, p.Target, raised, spent));
            sent[d.Id] = d.RecordedAt;
        }

        foreach (var x in paid)
        {
            var p = projects[x.ProjectId];
            events.Add(new LiveEvent("expense", x.ExpenseId, p.Id, p.Title, payees.GetValueOrDefault(x.ExpenseId, ""), x.Amount, x.At,
                p.Raised, p.Spent, p.Target, raised, spent));
            sent[x.ExpenseId] = x.At;
        }

        var newest = fresh.Select(d => d.RecordedAt).Concat(paid.Select(x => x.At)).Max();
        watermark = newest > mark ? newest : mark;
        foreach (var old in sent.Where(s => s.Value < watermark - Overlap - Overlap).Select(s => s.Key).ToList())
        {
            sent.Remove(old);
        }

        return events;
    }
}

/// <summary>How a donor's name appears on public pages: as given when they chose to be named; otherwise the first character and
/// two stars; 爱心人士 (a caring person) when anonymous.</summary>
internal static class DonorNames
{
    public static string Public(string? name, bool showName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Resources.FinanceText.Get("Donor_Anonymous");
        }

        if (showName)
        {
            return name;
        }

        // Two stars whatever the length, so the mask does not tell how long the name is.
        var first = char.IsSurrogate(name[0]) && name.Length > 1 ? name[..2] : name[..1];
        return first + "**";
    }
}
