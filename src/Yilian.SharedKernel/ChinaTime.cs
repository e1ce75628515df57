namespace Yilian.SharedKernel;

/// <summary>Asia/Shanghai is the default time zone for display and for "today"; storage is UTC.</summary>
public static class ChinaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateTimeOffset ToChina(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The calendar date in China of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset value) => DateOnly.FromDateTime(ToChina(value).DateTime);

    /// <summary>A wall-clock time typed in China (a datetime-local field) as an instant; null stays null.</summary>
    public static DateTimeOffset? FromLocal(DateTime? local) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified))) : null;
}
