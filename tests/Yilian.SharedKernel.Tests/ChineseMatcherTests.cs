using Yilian.SharedKernel.Text;

namespace Yilian.SharedKernel.Tests;

/// <summary>
/// Yilian's Chinese matching rules on hand-picked cases from issue 18: any length of Chinese, full pinyin with or without
/// spaces and tones, initials, mixed, traditional and full-width forms; pinyin expands on the query side only (景点 never finds
/// 经典); polyphones read as the listed words say (会计 kuai ji, 银行 yin hang, 重庆 chong qing); highlights on the right
/// characters.
/// </summary>
public class ChineseMatcherTests
{
    private const string Elderly = "养老服务中心";

    [Theory]
    [InlineData("养老")]
    [InlineData("养")]
    [InlineData("yanglao")]
    [InlineData("yang lao")]
    [InlineData("yǎng lǎo")]
    [InlineData("yang3lao3")]
    [InlineData("YangLao")]
    [InlineData("ｙａｎｇｌａｏ")]
    [InlineData("yl")]
    [InlineData("ylfw")]
    [InlineData("养lao")]
    [InlineData("yang老")]
    [InlineData("養老")]
    [InlineData("养老 中心")]
    [InlineData("yangl")]
    [InlineData("fuwuzhongxin")]
    [InlineData("fwzx")]
    public void Finds_Elderly_Care(string query) => ChineseMatcher.Find(Elderly, query).ShouldNotBeEmpty(query);

    [Theory]
    [InlineData("经典")]
    [InlineData("养生")]
    [InlineData("laoyang")]
    [InlineData("养老 儿童")]
    [InlineData("xyz")]
    [InlineData("！？。")]
    [InlineData("   ")]
    [InlineData("")]
    public void Does_Not_Find_What_Is_Not_There(string query) => ChineseMatcher.Find(Elderly, query).ShouldBeEmpty(query);

    [Fact]
    public void Pinyin_Expands_On_The_Query_Side_Only()
    {
        ChineseMatcher.Find("热门景点", "jingdian").ShouldNotBeEmpty();
        ChineseMatcher.Find("经典诵读", "jingdian").ShouldNotBeEmpty();
        ChineseMatcher.Find("经典诵读", "景点").ShouldBeEmpty();
        ChineseMatcher.Find("热门景点", "经典").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("社区会计培训", "kuaiji", true)]
    [InlineData("社区会计培训", "huiji", false)]
    [InlineData("会籍管理", "huiji", true)]
    [InlineData("农业银行网点", "yinhang", true)]
    [InlineData("农业银行网点", "yinxing", false)]
    [InlineData("步行街", "buxing", true)]
    [InlineData("重庆路社区", "chongqing", true)]
    [InlineData("重庆路社区", "zhongqing", false)]
    [InlineData("重阳节敬老", "chongyang", true)]
    [InlineData("成都", "chengdu", true)]
    [InlineData("首都", "shoudu", true)]
    [InlineData("长者食堂", "zhangzhe", true)]
    [InlineData("长江社区", "changjiang", true)]
    [InlineData("绿色家园", "lvse", true)]
    [InlineData("中国", "zg", true)]
    [InlineData("中国", "zhg", true)]
    public void Polyphones_Read_As_The_Words_Say(string text, string query, bool found) =>
        ChineseMatcher.Find(text, query).Any().ShouldBe(found, $"{query} in {text}");

    [Fact]
    public void Traditional_Text_Is_Found_By_Simplified_And_Back()
    {
        ChineseMatcher.Find("長者照護與養老服務", "养老").ShouldNotBeEmpty();
        ChineseMatcher.Find("长者照护与养老服务", "養老").ShouldNotBeEmpty();
        ChineseMatcher.Find("長者照護", "zhangzhe").ShouldNotBeEmpty();
    }

    [Fact]
    public void Highlights_Land_On_The_Matched_Characters()
    {
        ChineseMatcher.Find("社区长者助餐点（南门）", "助餐").ShouldBe([new TextSpan(4, 2)]);
        ChineseMatcher.Find("社区长者助餐点（南门）", "zhucan").ShouldBe([new TextSpan(4, 2)]);
        ChineseMatcher.Find("ＡＢＣ养老院", "养老").ShouldBe([new TextSpan(3, 2)]);
        ChineseMatcher.Find("养老院与养老驿站", "yl").ShouldBe([new TextSpan(0, 2), new TextSpan(4, 2)]);
    }

    [Fact]
    public void Places_Rank_Exact_Then_Prefix_Then_Inside()
    {
        ChineseMatcher.Place("养老", "养老").ShouldBe(MatchPlace.Exact);
        ChineseMatcher.Place("养老服务", "yanglao").ShouldBe(MatchPlace.Prefix);
        ChineseMatcher.Place("社区养老服务", "养老").ShouldBe(MatchPlace.Inside);
        ChineseMatcher.Place("社区助残", "养老").ShouldBeNull();
    }

    [Fact]
    public void Hostile_Queries_Are_Cleaned_Not_Matched_Literally()
    {
        ChineseMatcher.Terms("养\u202E老\u0007").ShouldBe(["养老"]);
        ChineseMatcher.Terms("😀😀").ShouldBeEmpty();
        ChineseMatcher.Find(Elderly, new string('养', 10_000)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_Listed_Word_Reads_One_Syllable_Per_Character()
    {
        var table = PinyinTable.Default;
        table.Readings('养').ShouldBe(["yang"]);
        table.Readings('女').ShouldBe(["nv"]);
        table.Simplified('養').ShouldBe('养');
        table.ReadingsOf("银行").Select(r => string.Join('|', r)).ShouldBe(["yin", "hang"]);
    }
}
