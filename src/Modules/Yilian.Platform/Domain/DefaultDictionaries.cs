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
        .. Entries(DictionaryTypes.ActivityType,
            ("class", "课程培训", "Class"),
            ("visit", "探访关怀", "Home visit"),
            ("market", "便民集市", "Community market"),
            ("meeting", "议事协商", "Residents' meeting"),
            ("culture", "文体活动", "Culture and sports"),
            ("health-check", "健康义诊", "Health check"),
            ("volunteering", "志愿服务", "Volunteering")),
        .. Entries(DictionaryTypes.Facility,
            ("projector", "投影仪", "Projector"),
            ("sound", "音响", "Sound system"),
            ("kitchen", "厨房", "Kitchen"),
            ("accessible", "无障碍通道", "Step-free access"),
            ("wifi", "无线网络", "Wi-Fi"),
            ("tables", "桌椅", "Tables and chairs")),
        .. Entries(DictionaryTypes.Skill,
            ("first-aid", "急救", "First aid"),
            ("elderly-care", "为老服务", "Elderly care"),
            ("tutoring", "课业辅导", "Tutoring"),
            ("photography", "摄影摄像", "Photography"),
            ("translation", "外语翻译", "Translation"),
            ("driving", "驾驶", "Driving"),
            ("counselling", "心理疏导", "Counselling"),
            ("it", "电脑与手机教学", "Computers and phones"),
            ("publicity", "宣传策划", "Publicity"),
            ("order", "秩序维护", "Keeping order")),
    ];

    private static IEnumerable<DictionaryItem> Entries(string type, params (string Code, string Zh, string En)[] entries) =>
        entries.Select((e, i) => new DictionaryItem { Type = type, Code = e.Code, NameZh = e.Zh, NameEn = e.En, Sort = (i + 1) * 10, IsActive = true });
}
