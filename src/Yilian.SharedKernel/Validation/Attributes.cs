using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Resources;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Resources;

namespace Yilian.SharedKernel.Validation;

/// <summary>A field label read from a module's resources in the current UI culture.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LabelAttribute(Type resource, string key) : DisplayNameAttribute
{
    private readonly ResourceManager _manager = new(resource);

    public override string DisplayName => _manager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}

/// <summary>Required, with the message from resources.</summary>
public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public override string FormatErrorMessage(string name) => ValidationMessages.Format("Required", name);
}

/// <summary>
/// Plain text typed by a user: bounded length, no control characters, no bidirectional overrides
/// (which can disguise a name on screen), optionally no markup.
/// </summary>
public sealed class SafeTextAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength { get; } = maxLength;

    public bool AllowMarkup { get; init; }

    public bool Multiline { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string s || s.Length == 0)
        {
            return ValidationResult.Success;
        }

        var error = TextRules.Check(s, MaxLength, Multiline, AllowMarkup);
        return error is null
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format(error, validationContext.DisplayName, MaxLength), Members(validationContext));
    }

    internal static string[] Members(ValidationContext context) => context.MemberName is null ? [] : [context.MemberName];
}

public static class TextRules
{
    /// <summary>Returns the resource key of the first broken rule, or null.</summary>
    public static string? Check(string s, int maxLength, bool multiline, bool allowMarkup)
    {
        if (s.Length > maxLength)
        {
            return "TooLong";
        }

        foreach (var c in s)
        {
            if (c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F' or '\u061C')
            {
                return "BidiCharacters";
            }

            if (char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t'))
            {
                return "ControlCharacters";
            }

            if (!allowMarkup && c is '<' or '>')
            {
                return "MarkupNotAllowed";
            }
        }

        return null;
    }
}

public sealed class IdNumberAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string s || s.Length == 0)
        {
            return ValidationResult.Success;
        }

        var today = DateOnly.FromDateTime(ChinaTime.Now(TimeProvider.System).DateTime);
        var result = ChineseIdNumber.Parse(s, today);
        return result.IsValid
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("IdNumber_" + result.Error, validationContext.DisplayName), SafeTextAttribute.Members(validationContext));
    }
}

public sealed class CreditCodeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string s || s.Length == 0)
        {
            return ValidationResult.Success;
        }

        var error = CreditCode.Validate(s);
        return error == CreditCodeError.None
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("CreditCode_" + error, validationContext.DisplayName), SafeTextAttribute.Members(validationContext));
    }
}

public sealed class MobileAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string s || s.Length == 0 || MobileNumber.TryNormalize(s, out _)
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("Mobile", validationContext.DisplayName), SafeTextAttribute.Members(validationContext));
}

public sealed class RegionCodeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string s || s.Length == 0 || RegionCode.IsWellFormed(s)
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("RegionCode", validationContext.DisplayName), SafeTextAttribute.Members(validationContext));
}
