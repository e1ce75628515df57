using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Yilian.SharedKernel.Security;

/// <summary>
/// Encrypts sensitive personal data (ID numbers, health facts…) at rest with AES-256-GCM and derives a
/// keyed hash (HMAC-SHA256) so an exact value can be found without decrypting every row.
/// Stored form: <c>v1:&lt;key id&gt;:&lt;base64(nonce|ciphertext|tag)&gt;</c>; older key ids keep decrypting after a key rotation.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentId;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(IReadOnlyDictionary<string, byte[]> keys, string currentId)
    {
        if (!keys.TryGetValue(currentId, out var current) || current.Length != 32 || keys.Values.Any(k => k.Length != 32))
        {
            throw new ArgumentException("Personal-data keys must be 32 bytes and include the current key id.", nameof(keys));
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value);
        _currentId = currentId;
        // The lookup key is derived, so one secret per key id is all an operator keeps; it must not rotate with the data key.
        _indexKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys.OrderBy(k => k.Key, StringComparer.Ordinal).First().Value, 32, info: "yilian-blind-index"u8.ToArray());
    }

    /// <summary>Set once at start-up by the host; EF value converters are part of a cached model and cannot take services.</summary>
    public static PersonalDataProtector? Current { get; set; }

    public static PersonalDataProtector Create(string keyFile)
    {
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            File.WriteAllText(keyFile, $"k1:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var lines = File.ReadAllLines(keyFile).Where(l => l.Contains(':', StringComparison.Ordinal) && !l.StartsWith('#')).ToList();
        var keys = lines.Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => Convert.FromBase64String(p[1].Trim()));
        // The last line is the current key: rotating means appending a new line.
        return new PersonalDataProtector(keys, lines[^1].Split(':', 2)[0].Trim());
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(_currentId));
        return $"v1:{_currentId}:{Convert.ToBase64String(output)}";
    }

    public string Unprotect(string stored)
    {
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("Unknown protected-data format or key id.");
        }

        var data = Convert.FromBase64String(parts[2]);
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A 32-byte key for one purpose (signing check-in codes, for instance), derived like the lookup key
    /// from the first secret so that it survives a rotation of the data key.
    /// </summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys.OrderBy(k => k.Key, StringComparer.Ordinal).First().Value, 32, info: Encoding.UTF8.GetBytes("yilian-" + purpose));

    /// <summary>Deterministic keyed hash for exact-match lookup (store it in an indexed column next to the encrypted value).</summary>
    public string BlindIndex(string normalizedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(normalizedValue)));
}

/// <summary>Marks a string property to be stored encrypted by <see cref="PersonalDataProtector"/>; it is also redacted in the audit trail.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;

internal sealed class EncryptedStringConverter() : ValueConverter<string, string>(
    v => Protector.Protect(v),
    v => Protector.Unprotect(v))
{
    private static PersonalDataProtector Protector =>
        PersonalDataProtector.Current ?? throw new InvalidOperationException("PersonalDataProtector.Current is not configured.");
}
