using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.Platform.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Platform.Features.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// How long a first attempt holds its key. A retry inside it answers 409 (still running); after it the retry takes
    /// the key over, since the holder's process is presumed dead (a crash leaves the key held with nobody to free it).
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;
}

/// <summary>The current request's effect key (<see cref="IIdempotentRequest"/>), set by the filter.</summary>
internal sealed class IdempotentRequest : IIdempotentRequest
{
    public string? EffectKey { get; set; }
}

/// <summary>
/// Stores the first response per (user, key). A claimed key is inserted before the handler runs, so two concurrent
/// requests with one key cannot both execute (the primary key decides). The claim is a lease: if its holder dies, a
/// retry after the lease takes it over and runs the handler again, which finds the effect the first attempt may have
/// committed under <see cref="IIdempotentRequest.EffectKey"/> and answers with it (decision 020).
/// </summary>
internal sealed class IdempotencyFilter(
    PlatformDbContext db, IdempotentRequest current, TimeProvider clock, IOptions<JsonOptions> json, IOptions<IdempotencyOptions> options)
    : IIdempotencyFilter
{
    private DbSet<IdempotencyRecord> Records => db.Set<IdempotencyRecord>();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyEndpointExtensions.Header].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > 100 || key.Any(c => c is < '!' or > '~'))
        {
            throw InputValidationException.For(IdempotencyEndpointExtensions.Header, PlatformText.Get("Idempotency_BadKey"));
        }

        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        var endpoint = $"{http.Request.Method} {http.Request.Path}";
        var hash = await HashBodyAsync(http);
        var owner = Guid.CreateVersion7();
        var existing = await Records.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
        if (existing is not null && (existing.ResponseStatus != 0 || existing.Endpoint != endpoint || existing.RequestHash != hash))
        {
            return Replay(existing, endpoint, hash, http);
        }

        if (existing is null ? !await ClaimAsync(userId, key, endpoint, hash, owner) : !await TakeOverAsync(existing, owner))
        {
            throw PlatformRules.IdempotentRequestInProgress.Broken(options.Value.LeaseSeconds);
        }

        current.EffectKey = EffectKey(userId, key);
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            // The request failed without a response to remember: free the key for a retry (if it is still ours).
            await Records.Where(r => r.UserId == userId && r.Key == key && r.Owner == owner && r.ResponseStatus == 0)
                .ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
        var contentType = body is null ? null : "application/json; charset=utf-8";
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        await Records.Where(r => r.UserId == userId && r.Key == key && r.Owner == owner).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ResponseStatus, status).SetProperty(r => r.ResponseBody, body)
                .SetProperty(r => r.ResponseContentType, contentType).SetProperty(r => r.Location, location),
            CancellationToken.None);
        return result;
    }

    /// <summary>The digest a handler stores on its effect: the same for every attempt of one (caller, key).</summary>
    internal static string EffectKey(string userId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{key}")));

    private async Task<bool> ClaimAsync(string userId, string key, string endpoint, string hash, Guid owner)
    {
        var now = clock.GetUtcNow();
        db.Add(new IdempotencyRecord
        {
            UserId = userId, Key = key, Endpoint = endpoint, RequestHash = hash, CreatedAt = now, Owner = owner, LeaseExpiresAt = Lease(now),
        });
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Takes over a key whose holder's lease has run out; of two retries racing for it, one wins.</summary>
    private async Task<bool> TakeOverAsync(IdempotencyRecord held, Guid owner)
    {
        var now = clock.GetUtcNow();
        if (held.LeaseExpiresAt > now)
        {
            return false;
        }

        var taken = await Records
            .Where(r => r.UserId == held.UserId && r.Key == held.Key && r.Owner == held.Owner && r.ResponseStatus == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Owner, owner).SetProperty(r => r.LeaseExpiresAt, Lease(now)), CancellationToken.None);
        return taken == 1;
    }

    private DateTimeOffset Lease(DateTimeOffset now) => now.AddSeconds(options.Value.LeaseSeconds);

    private static object Replay(IdempotencyRecord existing, string endpoint, string hash, HttpContext http)
    {
        if (existing.Endpoint != endpoint || existing.RequestHash != hash)
        {
            throw PlatformRules.IdempotencyKeyReused.Broken();
        }

        http.Response.Headers["Idempotency-Replayed"] = "true";
        if (existing.Location is not null)
        {
            http.Response.Headers.Location = existing.Location;
        }

        return existing.ResponseBody is null
            ? Results.StatusCode(existing.ResponseStatus)
            : Results.Content(existing.ResponseBody, existing.ResponseContentType, statusCode: existing.ResponseStatus);
    }

    private static async Task<string> HashBodyAsync(HttpContext http)
    {
        if (!http.Request.Body.CanSeek)
        {
            return "unbuffered";
        }

        http.Request.Body.Position = 0;
        var digest = await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted);
        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(digest);
    }
}
