using Yilian.Policies.Rules;

namespace Yilian.Policies.Imports;

/// <summary>A column a department file may carry: its header, and the attribute it feeds (null for identity columns).</summary>
public sealed record ImportColumn(string Header, string? Attribute, bool Required);

/// <summary>What one department sends: its code and name, and the columns of its file (headers in Chinese, as government exports have them).</summary>
public sealed record Department(string Code, string Name, IReadOnlyList<ImportColumn> Columns)
{
    public const string IdHeader = "身份证号";
    public const string NameHeader = "姓名";
    public const string HouseholdHeader = "户号";
    public const string RegionHeader = "户籍地区划代码";
    public const string HeadHeader = "与户主关系";
    public const string ReceivingHeader = "正在享受政策";

    /// <summary>The household-registration file creates residents and households; every other department adds facts to residents already registered.</summary>
    public bool IsRegistry => Code == "public_security";
}

public static class Departments
{
    private static ImportColumn Id => new(Department.IdHeader, null, true);

    public static readonly IReadOnlyList<Department> All =
    [
        new("public_security", "公安户籍", [Id, new(Department.NameHeader, null, true), new(Department.HouseholdHeader, null, true), new(Department.RegionHeader, null, true), new(Department.HeadHeader, null, false)]),
        new("civil_affairs", "民政", [Id, new("特殊身份", "person.special_status", true), new("家庭人均月收入", "household.per_capita_income", false),
            new("家庭人均金融资产", "household.per_capita_assets", false), new("家庭人口", "household.size", false), new("拥有机动车", "household.owns_vehicle", false),
            new("有赡养人", "person.has_supporter", false), new("突发困难", "household.sudden_hardship", false), new(Department.ReceivingHeader, null, false)]),
        new("disabled_federation", "残联", [Id, new("残疾类别", "person.disability_type", true), new("残疾等级", "person.disability_grade", true),
            new("需要长期照护", "person.long_term_care_need", false), new(Department.ReceivingHeader, null, false)]),
        new("health_insurance", "医保", [Id, new("患重特大疾病", "person.severe_illness", true), new("需要长期照护", "person.long_term_care_need", false), new(Department.ReceivingHeader, null, false)]),
        new("human_resources", "人社", [Id, new("就业状况", "person.employment", true), new(Department.ReceivingHeader, null, false)]),
        new("education", "教育", [Id, new("在学阶段", "person.schooling", true), new(Department.ReceivingHeader, null, false)]),
        new("housing", "住建", [Id, new("人均住房面积", "household.housing_area_per_capita", true), new("住房为危房", "household.dangerous_housing", false), new(Department.ReceivingHeader, null, false)]),
        new("veterans", "退役军人事务", [Id, new("特殊身份", "person.special_status", true), new(Department.ReceivingHeader, null, false)]),
    ];

    public static Department? Find(string? code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>
    /// The columns a department's file may add for facts the district declared it supplies: headed by the fact's label (or its name).
    /// </summary>
    public static IEnumerable<ImportColumn> DeclaredColumns(Department department, FactCatalog facts) =>
        facts.Reported.Where(f => f.Department == department.Code).SelectMany(f => new[] { new ImportColumn(f.Label, f.Name, false),
            new ImportColumn(f.Name, f.Name, false) });

    /// <summary>Words in departments' own headers that mark an identity column (for suggesting a file's layout).</summary>
    public static readonly IReadOnlyList<(string Target, string[] Words)> IdentityHeaderWords =
    [
        ("id", ["身份证", "证件号", "身份号码", "公民身份"]), ("name", ["姓名", "名字"]), ("household", ["户号", "户编号", "户籍号"]),
        ("region", ["区划", "地区代码", "行政区"]), ("relation", ["与户主关系", "关系"]), ("receiving", ["享受政策", "正在享受"]),
    ];

    /// <summary>The Chinese words department files use for choice codes.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ChoiceWords = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["person.special_status"] = new Dictionary<string, string>
        {
            ["特困"] = "tekun", ["特困人员"] = "tekun", ["低保"] = "dibao", ["低保边缘"] = "dibao_edge", ["孤儿"] = "orphan",
            ["事实无人抚养儿童"] = "de_facto_unattended_child", ["退役军人"] = "veteran", ["残疾军人"] = "disabled_veteran",
        },
        ["person.disability_type"] = new Dictionary<string, string>
        {
            ["视力"] = "visual", ["听力"] = "hearing", ["言语"] = "speech", ["肢体"] = "physical", ["智力"] = "intellectual", ["精神"] = "mental", ["多重"] = "multiple",
        },
        ["person.employment"] = new Dictionary<string, string>
        {
            ["就业"] = "employed", ["在职"] = "employed", ["失业"] = "unemployed", ["退休"] = "retired", ["在学"] = "student", ["学生"] = "student", ["无劳动能力"] = "unable",
        },
        ["person.schooling"] = new Dictionary<string, string>
        {
            ["无"] = "none", ["未在学"] = "none", ["学前"] = "preschool", ["小学"] = "primary", ["初中"] = "junior", ["高中"] = "senior", ["中职"] = "vocational", ["大学"] = "college", ["高校"] = "college",
        },
    };

    /// <summary>The Chinese label of a choice code (for pages and traces).</summary>
    public static string Label(string attribute, string code) =>
        ChoiceWords.TryGetValue(attribute, out var words) && words.FirstOrDefault(w => w.Value == code) is { Key: { } word } ? word : code;

    public static IEnumerable<string> Attributes(Department department) => department.Columns.Where(c => c.Attribute is not null).Select(c => c.Attribute!);

    internal static AttributeDefinition Definition(string attribute) => AttributeCatalog.All[attribute];
}
