namespace Yilian.Policies.Rules;

/// <summary>The kinds of value a fact, a parameter or a literal can have; conditions compare like with like.</summary>
public enum ValueKind
{
    Money,
    Age,
    Number,
    Boolean,
    Choice,
    Region,
    Date,
}

/// <param name="Name">As written in policy files: <c>household.per_capita_income</c>.</param>
/// <param name="Label">Plain Chinese for explanations.</param>
/// <param name="Choices">For <see cref="ValueKind.Choice"/>: the allowed codes (a fact may hold several, e.g. special statuses).</param>
public sealed record AttributeDefinition(string Name, ValueKind Kind, string Label, IReadOnlyList<string>? Choices = null)
{
    /// <summary>Household facts are named <c>household.…</c>, person facts <c>person.…</c>.</summary>
    public bool IsHousehold => Name.StartsWith("household.", StringComparison.Ordinal);

    /// <summary>Declared by the district in its facts file (not built in).</summary>
    public bool Declared { get; init; }

    public string? LabelEn { get; init; }

    /// <summary>A derived fact's formula (null for a fact departments report), and its text as written.</summary>
    public Formula? Formula { get; init; }

    public string? FormulaText { get; init; }

    /// <summary>The self-check's question for this fact; a declared fact without one is never asked.</summary>
    public string? Question { get; init; }

    /// <summary>The unit shown after a value (元/月, 平方米…).</summary>
    public string? Unit { get; init; }

    /// <summary>The department whose files supply it (a code), for declared facts.</summary>
    public string? Department { get; init; }

    /// <summary>Kept by the household register itself (from the ID number or the register): no department's file reports it.</summary>
    public bool FromRegistration { get; init; }

    /// <summary>Never put to a resident (the ID number's own digits): the self-check asks what it stands for instead.</summary>
    public bool NeverAsked { get; init; }

    /// <summary>How many days a reported value stays valid after its as-of date; afterwards it is unknown.</summary>
    public int? ValidDays { get; init; }

    /// <summary>Plain words for choice codes (男, 女), as departments' files and pages show them.</summary>
    public IReadOnlyDictionary<string, string>? ChoiceLabels { get; init; }
}

/// <summary>
/// The attributes policies may test, with their kinds. Ages are not facts: <c>person.age</c> is derived
/// from <c>person.birth_date</c> on the evaluation date.
/// </summary>
public static class AttributeCatalog
{
    public static readonly IReadOnlyDictionary<string, AttributeDefinition> All = new[]
    {
        new AttributeDefinition("person.age", ValueKind.Age, "年龄"),
        new AttributeDefinition("person.birth_date", ValueKind.Date, "出生日期") { FromRegistration = true },
        new AttributeDefinition("person.id_sequence", ValueKind.Number, "身份证顺序码") { FromRegistration = true, NeverAsked = true },
        new AttributeDefinition("person.disability_grade", ValueKind.Number, "残疾等级"),
        new AttributeDefinition("person.disability_type", ValueKind.Choice, "残疾类别", ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple"]),
        new AttributeDefinition("person.severe_illness", ValueKind.Boolean, "患重特大疾病"),
        new AttributeDefinition("person.employment", ValueKind.Choice, "就业状况", ["employed", "unemployed", "retired", "student", "unable"]),
        new AttributeDefinition("person.schooling", ValueKind.Choice, "在学阶段", ["none", "preschool", "primary", "junior", "senior", "vocational", "college"]),
        new AttributeDefinition("person.special_status", ValueKind.Choice, "特殊身份",
            ["tekun", "dibao", "dibao_edge", "orphan", "de_facto_unattended_child", "veteran", "disabled_veteran"]),
        new AttributeDefinition("person.long_term_care_need", ValueKind.Boolean, "需要长期照护"),
        new AttributeDefinition("person.has_supporter", ValueKind.Boolean, "有能履行义务的法定赡养、抚养或扶养人"),
        new AttributeDefinition("household.registration_region", ValueKind.Region, "户籍所在地") { FromRegistration = true },
        new AttributeDefinition("household.per_capita_income", ValueKind.Money, "家庭人均月收入"),
        new AttributeDefinition("household.per_capita_assets", ValueKind.Money, "家庭人均金融资产"),
        new AttributeDefinition("household.size", ValueKind.Number, "家庭人口"),
        new AttributeDefinition("household.housing_area_per_capita", ValueKind.Number, "人均住房面积（平方米）"),
        new AttributeDefinition("household.owns_vehicle", ValueKind.Boolean, "拥有机动车"),
        new AttributeDefinition("household.dangerous_housing", ValueKind.Boolean, "住房经鉴定为危房"),
        new AttributeDefinition("household.sudden_hardship", ValueKind.Boolean, "遭遇突发事件、意外事故致基本生活困难"),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);
}
