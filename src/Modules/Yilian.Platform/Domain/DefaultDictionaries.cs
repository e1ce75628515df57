using Yilian.Platform.Contracts;

namespace Yilian.Platform.Domain;

/// <summary>The entries every district starts with; migrations insert them, operators edit them afterwards.</summary>
internal static class DefaultDictionaries
{
    public static readonly IReadOnlyList<DictionaryItem> Items =
    [
        .. Entries(DictionaryTypes.ServiceField,
            ("elderly", "养老服务", "Elderly"),
            ("children", "儿童服务", "Children"),
            ("disabled", "助残服务", "Disability"),
            ("women", "妇女服务", "Women"),
            ("environment", "环境保护", "Environment"),
            ("veterans", "退役军人服务", "Veterans"),
            ("governance", "社区治理", "Community governance"),
            ("education", "教育服务", "Education"),
            ("health", "健康服务", "Health"),
            ("poverty", "社会救助", "Social assistance")),
    ];

    private static IEnumerable<DictionaryItem> Entries(string type, params (string Code, string Zh, string En)[] entries) =>
        entries.Select((e, i) => new DictionaryItem { Type = type, Code = e.Code, NameZh = e.Zh, NameEn = e.En, Sort = (i + 1) * 10, IsActive = true });
}
