using System.Text.RegularExpressions;

using Microsoft.Extensions.DependencyInjection.Extensions;

using Yilian.SharedKernel.Identifiers;

namespace Yilian.Web.Hosting;

/// <summary>
/// No ID number or mobile number reaches a log in clear, whoever writes the line: the framework's request lines (which
/// carry the query string when an operator turns <c>Microsoft.AspNetCore</c> up to Information), a library, or our own
/// code by mistake. Every logger comes from one factory, so the redaction sits there, once, for every provider.
/// </summary>
internal static partial class LogRedaction
{
    // An 18-character ID number (region, birth date, sequence, check character), and a mainland mobile number, each standing
    // alone (not inside a longer run of digits).
    private const string IdNumber = @"[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]";
    private const string Mobile = "1[3-9][0-9]{9}";

    [GeneratedRegex("(?<![0-9])(?:" + IdNumber + "|" + Mobile + ")(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalNumber();

    public static string Redact(string text) =>
        PersonalNumber().Replace(text, m => m.Length == 11 ? MobileNumber.Mask(m.Value) : ChineseIdNumber.Mask(m.Value));

    /// <summary>Makes every logger of the host redact personal numbers (call after logging is configured).</summary>
    public static IServiceCollection AddPersonalNumberRedaction(this IServiceCollection services)
    {
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(sp)));
        return services;
    }

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var redacted = Redact(message);
            if (string.Equals(message, redacted, StringComparison.Ordinal))
            {
                // Already formatted once here: the providers reuse it rather than format the line again.
                inner.Log(logLevel, eventId, state, exception, (_, _) => message);
                return;
            }

            // Keep the structured values (for JSON logs), redacted as the message is.
            var values = state is IReadOnlyList<KeyValuePair<string, object?>> list
                ? list.Select(kv => kv.Value is string s ? new KeyValuePair<string, object?>(kv.Key, Redact(s)) : kv).ToList()
                : [];
            inner.Log(logLevel, eventId, new RedactedState(redacted, values), exception, static (s, _) => s.Message);
        }
    }

    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
