using System.Collections.Frozen;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using Yilian.Platform.Domain;
using Yilian.Platform.Resources;

namespace Yilian.Platform.Identity;

/// <summary>Length, character classes and the shipped list of common passwords (Data/common-passwords.txt).</summary>
internal sealed class PasswordPolicyValidator(IOptions<SecurityOptions> options) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(() =>
        ReadLines()
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Trim().ToLowerInvariant())
            .ToFrozenSet());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(password, user.UserName, options.Value));

    public static IdentityResult Validate(string? password, string? userName, SecurityOptions policy)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length < policy.PasswordMinLength)
        {
            errors.Add(Error("PasswordTooShort", policy.PasswordMinLength));
        }

        var classes = (password.Any(char.IsAsciiLetterLower) ? 1 : 0) + (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        if (classes < policy.PasswordRequiredClasses)
        {
            errors.Add(Error("PasswordClasses", policy.PasswordRequiredClasses));
        }

        if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            errors.Add(Error("PasswordCommon"));
        }

        if (!string.IsNullOrEmpty(userName) && userName.Length >= 3 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error("PasswordContainsUserName"));
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static IEnumerable<string> ReadLines()
    {
        using var stream = typeof(PasswordPolicyValidator).Assembly.GetManifestResourceStream("common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static IdentityError Error(string code, params object[] args) => new() { Code = code, Description = PlatformText.Get(code, args) };
}
