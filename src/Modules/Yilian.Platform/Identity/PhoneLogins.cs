using System.Security.Cryptography;

using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Identity;

/// <summary>
/// Signing in with a mobile number that is not stored in clear: the account keeps the number's blind index (keyed HMAC,
/// as ID numbers are looked up) and a generated handle as its user name.
/// </summary>
internal static class PhoneLogins
{
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    /// <summary>The blind index of a mobile number as typed (spaces, dashes, +86 allowed); null when it is not one.</summary>
    public static string? IndexOf(string? typed) =>
        MobileNumber.TryNormalize(typed, out var phone) ? Protector.BlindIndex(phone) : null;

    /// <summary>A user name for an account that signs in by phone: the role's prefix and ten random characters (vol-7k3m9q2xab).</summary>
    public static string NewHandle(string role) => role switch
    {
        Contracts.Roles.Volunteer => "vol-",
        Contracts.Roles.Resident => "res-",
        _ => "usr-",
    } + RandomNumberGenerator.GetString(Alphabet, 10);

    private static PersonalDataProtector Protector =>
        PersonalDataProtector.Current ?? throw new InvalidOperationException("Personal-data keys are not loaded.");
}
