using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

using Yilian.Activities.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Activities.Scheduling;

/// <summary>
/// Expands an RFC 5545 RRULE (Ical.Net) into occurrences in China time. A rule must end — by COUNT or
/// UNTIL — and may expand to at most <see cref="MaxOccurrences"/> occurrences within
/// <see cref="Horizon"/>; anything else is refused with a clear message, never truncated silently.
/// </summary>
public static class Recurrence
{
    public const int MaxOccurrences = 366;

    public static readonly TimeSpan Horizon = TimeSpan.FromDays(2 * 366);

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IReadOnlyList<Interval> Expand(Interval first, string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return [first];
        }

        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        if (text.Length > 500)
        {
            throw InputValidationException.For("recurrenceRule", ActivityText.Get("Rrule_Invalid", "too long"));
        }

        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw InputValidationException.For("recurrenceRule", ActivityText.Get("Rrule_Invalid", e.Message));
        }

        if (pattern.Count is null && pattern.Until is null)
        {
            throw InputValidationException.For("recurrenceRule", ActivityText.Get("Rrule_Unbounded", MaxOccurrences));
        }

        var localStart = first.Start.ToOffset(ChinaOffset);
        var length = first.Length;
        var evt = new CalendarEvent
        {
            DtStart = new CalDateTime(localStart.DateTime),
            DtEnd = new CalDateTime(localStart.DateTime + length),
            RecurrenceRule = pattern,
        };
        var limit = first.Start + Horizon;
        var result = new List<Interval>();
        try
        {
            foreach (var occurrence in evt.GetOccurrences())
            {
                var start = new DateTimeOffset(occurrence.Period.StartTime.Value, ChinaOffset);
                if (start > limit || result.Count == MaxOccurrences)
                {
                    throw InputValidationException.For("recurrenceRule", ActivityText.Get("Rrule_TooMany", MaxOccurrences, (int)Horizon.TotalDays));
                }

                result.Add(new Interval(start.ToUniversalTime(), (start + length).ToUniversalTime()));
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw InputValidationException.For("recurrenceRule", ActivityText.Get("Rrule_Invalid", e.Message));
        }

        if (result.Count == 0)
        {
            throw InputValidationException.For("recurrenceRule", ActivityText.Get("Rrule_Empty"));
        }

        return result;
    }
}
