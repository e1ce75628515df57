namespace Yilian.SharedKernel.Errors;

/// <summary>The record does not exist or lies outside the caller's data scope; both answer 404 so scope does not leak.</summary>
public sealed class NotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;
}

/// <summary>Input has the wrong shape: answered 400 with one message per field.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Input validation failed.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InputValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A named business rule is broken: answered 409 (conflict with existing state) or 422.</summary>
public class BusinessRuleException(string rule, string message, bool isConflict = false, object? details = null)
    : Exception(message)
{
    public string Rule { get; } = rule;

    public bool IsConflict { get; } = isConflict;

    public object? Details { get; } = details;
}

/// <summary>
/// A named rule of the domain, declared once in its module's rules catalogue (<c>Domain/&lt;Module&gt;Rules.cs</c>) with the
/// message it answers in the user's language: <c>throw VolunteerRules.TooYoung.Broken(minimumAge)</c>. Its name is the
/// <c>rule</c> member of the API's problem answer; a conflict (409) is a clash with the current state, the others 422.
/// </summary>
public sealed class BusinessRule(string name, Func<object?[], string> message, bool isConflict)
{
    public string Name { get; } = name;

    public bool IsConflict { get; } = isConflict;

    /// <summary>The exception that says this rule refused the request (its message formatted with <paramref name="args"/>).</summary>
    public BusinessRuleException Broken(params object?[] args) => new(Name, message(args), IsConflict);

    /// <summary>As <see cref="Broken(object?[])"/>, with a message made by the caller and named members for the answer.</summary>
    public BusinessRuleException BrokenWith(string text, object? details) => new(Name, text, IsConflict, details);

    /// <summary>Throws <see cref="Broken(object?[])"/> when <paramref name="broken"/> is true.</summary>
    public void ThrowIf(bool broken, params object?[] args)
    {
        if (broken)
        {
            throw Broken(args);
        }
    }
}

/// <summary>A business rule, named so that the code reads as the rule it enforces.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }

    bool IsConflict => false;
}

public static class Rules
{
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule.GetType().Name, rule.Message, rule.IsConflict);
        }
    }

    public static async Task CheckAsync(IAsyncBusinessRule rule, CancellationToken ct)
    {
        if (await rule.IsBrokenAsync(ct))
        {
            throw new BusinessRuleException(rule.GetType().Name, rule.Message, rule.IsConflict);
        }
    }
}

public interface IAsyncBusinessRule
{
    Task<bool> IsBrokenAsync(CancellationToken ct);

    string Message { get; }

    bool IsConflict => false;
}

/// <summary>The caller may see the record but not do this to it: answered 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A file whose bytes are not an accepted kind or do not match its extension: answered 415.</summary>
public sealed class UnsupportedFileException(string message) : Exception(message);

/// <summary>A file over its size limit: answered 413.</summary>
public sealed class FileTooLargeException(string message) : Exception(message);

public static class ErrorText
{
    /// <summary>What a page shows for a domain error: every field message joined, or the rule's message.</summary>
    public static string Of(Exception e) =>
        e is InputValidationException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : e.Message;

    /// <summary>Each message on its own (a file import can name many rows).</summary>
    public static IReadOnlyList<string> Lines(Exception e) =>
        e is InputValidationException v ? [.. v.Errors.SelectMany(x => x.Value)] : [e.Message];
}
