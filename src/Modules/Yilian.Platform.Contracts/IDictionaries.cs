namespace Yilian.Platform.Contracts;

/// <summary>The dictionary types other modules read; new types are added with their default entries in Platform's model.</summary>
public static class DictionaryTypes
{
    public const string ServiceField = "service-field";

    public const string ActivityType = "activity-type";

    public const string Facility = "facility";

    public const string Skill = "skill";

    public static readonly IReadOnlyList<string> All = [ServiceField, ActivityType, Facility, Skill];
}

/// <param name="Name">In the current UI culture.</param>
public sealed record DictionaryEntry(string Type, string Code, string Name, string NameZh, string NameEn, int Sort, bool IsActive);

/// <summary>Read-only view of the managed dictionaries for other modules.</summary>
public interface IDictionaries
{
    /// <summary>Entries in display order; inactive ones only when asked (to label old records).</summary>
    Task<IReadOnlyList<DictionaryEntry>> ListAsync(string type, bool includeInactive, CancellationToken ct);
}
