using System.Buffers.Binary;
using System.Security.Cryptography;

using Microsoft.AspNetCore.WebUtilities;

namespace Yilian.Volunteers.Features;

public enum CodeKind
{
    CheckIn = 1,
    CheckOut = 2,
}

/// <summary>Check-in rules, under <c>Volunteers:CheckIn</c>.</summary>
public sealed class CheckInOptions
{
    /// <summary>How long a displayed code stays valid after it was issued (the organizer's screen renews it more often).</summary>
    public int CodeLifetimeMinutes { get; set; } = 10;

    /// <summary>Metres from the venue within which a phone that gives its position may check in; 0 turns the check off.</summary>
    public int RadiusMeters { get; set; } = 500;

    /// <summary>Refuse a code check-in that gives no position (when the radius check is on).</summary>
    public bool RequireLocation { get; set; }

    /// <summary>Check-in opens this long before the start.</summary>
    public int OpensMinutesBefore { get; set; } = 60;

    /// <summary>Checked in later than the start plus this is marked late.</summary>
    public int LateAfterMinutes { get; set; } = 10;

    /// <summary>Checked out earlier than the end minus this is marked as leaving early.</summary>
    public int EarlyBeforeMinutes { get; set; } = 10;

    /// <summary>Check-out stays open this long after the end.</summary>
    public int ClosesMinutesAfter { get; set; } = 120;

    /// <summary>A phone that was offline may submit this long after it scanned, with the time it scanned.</summary>
    public int OfflineGraceHours { get; set; } = 72;
}

/// <summary>What a valid code says: which occurrence, check-in or check-out, and when it was issued.</summary>
public sealed record CheckInCode(CodeKind Kind, Guid OccurrenceId, DateTimeOffset IssuedAt);

/// <summary>
/// The codes shown at an activity (and in its QR code): the occurrence, the kind and the time of issue,
/// signed with HMAC-SHA-256 under a key derived from the deployment's secret. Any server can verify one
/// without a database read, and a phone that lost signal can submit it later: the signature proves the
/// code, and the issue time bounds the scan time the phone claims.
/// </summary>
public sealed class CheckInCodes(byte[] key)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 1 + 16 + 8;
    private const int TagLength = 16;

    public string Issue(CodeKind kind, Guid occurrenceId, DateTimeOffset issuedAt)
    {
        Span<byte> token = stackalloc byte[PayloadLength + TagLength];
        token[0] = Version;
        token[1] = (byte)kind;
        occurrenceId.TryWriteBytes(token.Slice(2, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(18, 8), issuedAt.ToUnixTimeSeconds());
        Sign(token[..PayloadLength], token[PayloadLength..]);
        return WebEncoders.Base64UrlEncode(token.ToArray());
    }

    /// <summary>The code's content, or null when it is malformed or its signature does not match.</summary>
    public CheckInCode? Read(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100)
        {
            return null;
        }

        byte[] token;
        try
        {
            token = WebEncoders.Base64UrlDecode(code.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        if (token.Length != PayloadLength + TagLength || token[0] != Version || token[1] is not ((byte)CodeKind.CheckIn or (byte)CodeKind.CheckOut))
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[TagLength];
        Sign(token.AsSpan(0, PayloadLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token.AsSpan(PayloadLength)))
        {
            return null;
        }

        var occurrence = new Guid(token.AsSpan(2, 16), bigEndian: true);
        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(token.AsSpan(18, 8)));
        return new CheckInCode((CodeKind)token[1], occurrence, issued);
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(key, payload, full);
        full[..TagLength].CopyTo(tag);
    }
}
