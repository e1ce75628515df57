using System.Globalization;
using System.Text.Json;

namespace Yilian.Activities.Domain;

public enum DayKind
{
    /// <summary>An ordinary weekday or weekend day.</summary>
    Ordinary,

    /// <summary>A public holiday (法定节假日), including the days moved next to it.</summary>
    Holiday,

    /// <summary>A weekend day worked in exchange for a holiday (调休上班).</summary>
    AdjustedWorkday,
}

/// <summary>
/// China's holiday calendar as yearly data (the State Council publishes the next year's each autumn):
/// holidays and the weekend days worked in exchange. Years not in the data are ordinary.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, DayKind> _days;

    public HolidayCalendar(IReadOnlyDictionary<DateOnly, DayKind> days) => _days = new(days);

    public IReadOnlyCollection<int> Years => [.. _days.Keys.Select(d => d.Year).Distinct().Order()];

    public DayKind Kind(DateOnly date) => _days.GetValueOrDefault(date, DayKind.Ordinary);

    public static HolidayCalendar Embedded { get; } = Load();

    private static HolidayCalendar Load()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream("china-holidays.json")
            ?? throw new InvalidOperationException("china-holidays.json is not embedded.");
        using var json = JsonDocument.Parse(stream);
        var days = new Dictionary<DateOnly, DayKind>();
        foreach (var year in json.RootElement.GetProperty("years").EnumerateObject())
        {
            foreach (var (name, kind) in new[] { ("holidays", DayKind.Holiday), ("workdays", DayKind.AdjustedWorkday) })
            {
                foreach (var entry in year.Value.GetProperty(name).EnumerateArray())
                {
                    var text = entry.GetString()!;
                    var parts = text.Split("..");
                    var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var to = parts.Length == 2 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : from;
                    for (var d = from; d <= to; d = d.AddDays(1))
                    {
                        days[d] = kind;
                    }
                }
            }
        }

        return new HolidayCalendar(days);
    }
}
