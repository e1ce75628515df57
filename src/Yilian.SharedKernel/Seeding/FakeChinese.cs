using System.Globalization;
using System.Text;
using Yilian.SharedKernel.Identifiers;

namespace Yilian.SharedKernel.Seeding;

/// <summary>Real-looking Chinese names, addresses and identifiers with valid check characters.</summary>
public static class FakeChinese
{
    /// <summary>A GUID from the seeded generator, so the same seed gives the same ids.</summary>
    public static Guid Id(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "顾", "钱", "陆"];

    private static readonly string[] GivenChars =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "文", "玲", "萍", "红", "鹏", "辉", "晨", "欣", "怡", "宇", "浩", "思", "佳", "雨", "子", "梓", "涵", "嘉", "俊", "悦", "婷", "博", "雪", "琳", "瑶", "凯", "昊", "新", "春", "海", "燕", "国", "志", "林", "荣"];

    private static readonly string[] Roads = ["星湖街", "现代大道", "苏州大道东", "金鸡湖大道", "星港街", "娄葑路", "钟园路", "东环路", "旺墩路", "唯华路", "淞江路", "翠薇街", "南施街", "东沙湖路", "斜塘路"];

    private static readonly string[] OrgTopics = ["阳光", "益邻", "乐龄", "童心", "暖心", "同行", "绿色", "书香", "仁爱", "和美", "邻里", "启航", "夕阳红", "善行", "康乐", "蒲公英", "向日葵", "微光", "众力", "爱心"];

    private static readonly string[] OrgKinds = ["社会工作服务中心", "养老服务中心", "青少年发展中心", "公益发展中心", "志愿者协会", "慈善基金会", "社区服务社", "助残服务中心", "环保促进会", "家庭服务中心"];

    public static string PersonName(Random r)
    {
        var given = r.Next(3) == 0 ? Pick(r, GivenChars) : Pick(r, GivenChars) + Pick(r, GivenChars);
        return Pick(r, Surnames) + given;
    }

    public static string Address(Random r, string communityName) =>
        $"{communityName}{Pick(r, Roads)}{r.Next(1, 999)}号";

    public static string OrganizationName(Random r, string districtName, int serial) =>
        $"{districtName}{Pick(r, OrgTopics)}{Pick(r, OrgKinds)}" + (serial > 0 ? $"（{serial}）" : "");

    public static string Mobile(Random r) => "1" + Pick(r, ["3", "5", "7", "8", "9"]) + r.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    public static string IdNumber(Random r, string region6, DateOnly birth)
    {
        var first17 = region6 + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + r.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>A credit code: registration authority 5 (civil affairs), type 1/2/3, region, organization code, check.</summary>
    public static string CreditCode(Random r, char typeDigit, string region6)
    {
        var sb = new StringBuilder("5").Append(typeDigit).Append(region6);
        for (var i = 0; i < 9; i++)
        {
            sb.Append(Identifiers.CreditCode.Alphabet[r.Next(i == 0 ? 10 : Identifiers.CreditCode.Alphabet.Length)]);
        }

        var first17 = sb.ToString();
        return first17 + Identifiers.CreditCode.ComputeCheckCharacter(first17);
    }

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];
}
