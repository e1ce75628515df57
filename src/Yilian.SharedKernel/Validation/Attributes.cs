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
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        base.IsValid(value, validationContext) == ValidationResult.Success
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("Required", Labels.Of(validationContext)), SafeTextAttribute.Members(validationContext));
}

/// <summary>
/// DataAnnotations reads display names only from the sealed DisplayAttribute; our messages read the
/// <see cref="LabelAttribute"/> so that field names come from resources in the user's language.
/// </summary>
public static class Labels
{
    public static string Of(ValidationContext context)
    {
        var property = context.MemberName is null ? null : context.ObjectType.GetProperty(context.MemberName);
        return property?.GetCustomAttributes(typeof(LabelAttribute), true).OfType<LabelAttribute>().FirstOrDefault()?.DisplayName
            ?? context.DisplayName;
    }
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
            : new ValidationResult(ValidationMessages.Format(error, Labels.Of(validationContext), MaxLength), Members(validationContext));
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
            : new ValidationResult(ValidationMessages.Format("IdNumber_" + result.Error, Labels.Of(validationContext)), SafeTextAttribute.Members(validationContext));
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
            : new ValidationResult(ValidationMessages.Format("CreditCode_" + error, Labels.Of(validationContext)), SafeTextAttribute.Members(validationContext));
    }
}

public sealed class MobileAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string s || s.Length == 0 || MobileNumber.TryNormalize(s, out _)
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("Mobile", Labels.Of(validationContext)), SafeTextAttribute.Members(validationContext));
}

public sealed class RegionCodeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string s || s.Length == 0 || RegionCode.IsWellFormed(s)
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format("RegionCode", Labels.Of(validationContext)), SafeTextAttribute.Members(validationContext));
}
