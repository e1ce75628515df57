using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;

namespace Yilian.Platform.Features.Notifications;

public sealed record NotificationDto(Guid Id, string Channel, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? ReadAt);

internal sealed class NotificationOutbox(PlatformDbContext db, IEnumerable<INotificationSender> senders, TimeProvider clock, ILogger<NotificationOutbox> log) : INotificationOutbox
{
    public const int MaxAttempts = 5;

    public async Task<int> EnqueueAsync(IReadOnlyList<OutgoingNotification> notifications, CancellationToken ct)
    {
        var keys = notifications.Select(n => n.DedupKey).Distinct().ToList();
        var known = (await db.Notifications.IgnoreQueryFilters().Where(n => keys.Contains(n.DedupKey)).Select(n => n.DedupKey).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var n in notifications.Where(n => known.Add(n.DedupKey)))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), OwnerUserId = n.UserId ?? "", RecipientKey = n.RecipientKey, Channel = n.Channel, Address = n.Address,
                Title = n.Title, Body = n.Body, Link = n.Link, DedupKey = n.DedupKey, CreatedAt = clock.GetUtcNow(),
            });
            added++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another dispatcher enqueued the same key at the same moment: the unique index keeps one.
            db.ChangeTracker.Clear();
            return 0;
        }

        return added;
    }

    /// <summary>Sends what is due through each channel's sender; a failure is retried later, at most <see cref="MaxAttempts"/> times.</summary>
    public async Task<int> DispatchAsync(int batch, CancellationToken ct)
    {
        var due = await db.Notifications.IgnoreQueryFilters().Where(n => n.SentAt == null && n.Attempts < MaxAttempts)
            .OrderBy(n => n.CreatedAt).Take(batch).ToListAsync(ct);
        foreach (var n in due)
        {
            try
            {
                if (n.Channel != NotificationChannels.InApp)
                {
                    var sender = senders.FirstOrDefault(s => s.Channel == n.Channel)
                        ?? throw new InvalidOperationException($"No sender for channel {n.Channel}.");
                    await sender.SendAsync(n.Address, n.Title, n.Body, ct);
                }

                n.SentAt = clock.GetUtcNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                n.Attempts++;
                n.LastError = e.Message.Length > 400 ? e.Message[..400] : e.Message;
                log.LogWarning("Notification {Id} on {Channel} failed (attempt {Attempt}): {Error}", n.Id, n.Channel, n.Attempts, n.LastError);
            }
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>The caller's in-app notifications, newest first (the scope filter keeps them to their owner).</summary>
    public async Task<IReadOnlyList<NotificationDto>> MineAsync(CancellationToken ct) =>
        await db.Notifications.AsNoTracking().Where(n => n.Channel == NotificationChannels.InApp).OrderByDescending(n => n.CreatedAt).Take(100)
            .Select(n => new NotificationDto(n.Id, n.Channel, n.Title, n.Body, n.Link, n.CreatedAt, n.SentAt, n.ReadAt)).ToListAsync(ct);

    public async Task MarkReadAsync(Guid id, CancellationToken ct)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Notification", id);
        n.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// The SMS channel until a gateway contract exists: writes the masked number and the text to the log.
/// A real adapter (Aliyun, Tencent Cloud SMS…) implements <see cref="INotificationSender"/> with the same shape.
/// </summary>
internal sealed class LogSmsSender(ILogger<LogSmsSender> log) : INotificationSender
{
    public string Channel => NotificationChannels.Sms;

    public Task SendAsync(string? address, string title, string body, CancellationToken ct)
    {
        if (!MobileNumber.TryNormalize(address, out var phone))
        {
            throw new InvalidOperationException("No valid mobile number.");
        }

        log.LogInformation("SMS to {Phone}: {Title} — {Body}", MobileNumber.Mask(phone), title, body);
        return Task.CompletedTask;
    }
}
