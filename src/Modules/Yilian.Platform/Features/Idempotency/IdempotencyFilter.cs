using System.Security.Claims;
using System.Security.Cryptography;
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

/// <summary>
/// Stores the first response per (user, key); a claimed key is inserted before the handler runs, so two
/// concurrent requests with one key cannot both execute (the primary key decides).
/// </summary>
internal sealed class IdempotencyFilter(PlatformDbContext db, TimeProvider clock, IOptions<JsonOptions> json) : IIdempotencyFilter
{
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

        var existing = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            return Replay(existing, endpoint, hash, http);
        }

        var record = new IdempotencyRecord { UserId = userId, Key = key, Endpoint = endpoint, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            throw PlatformRules.IdempotentRequestInProgress.Broken();
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            // The request failed without a response to remember: free the key for a retry.
            db.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        record.ResponseStatus = result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
        record.ResponseBody = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
        record.ResponseContentType = record.ResponseBody is null ? null : "application/json; charset=utf-8";
        record.Location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    private static object Replay(IdempotencyRecord existing, string endpoint, string hash, HttpContext http)
    {
        if (existing.Endpoint != endpoint || existing.RequestHash != hash)
        {
            throw PlatformRules.IdempotencyKeyReused.Broken();
        }

        if (existing.ResponseStatus == 0)
        {
            throw PlatformRules.IdempotentRequestInProgress.Broken();
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
