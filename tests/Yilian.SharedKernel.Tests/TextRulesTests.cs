using Yilian.SharedKernel.Validation;

namespace Yilian.SharedKernel.Tests;

public class TextRulesTests
{
    [Theory]
    [InlineData("阳光社工服务中心", null)]
    [InlineData("<script>alert(1)</script>", "MarkupNotAllowed")]
    [InlineData("名称\u202E反向", "BidiCharacters")]
    [InlineData("名称\u200F", "BidiCharacters")]
    [InlineData("名称\u0007", "ControlCharacters")]
    [InlineData("第一行\n第二行", "ControlCharacters")]
    public void Check_SingleLine(string text, string? expected) => TextRules.Check(text, 200, multiline: false, allowMarkup: false).ShouldBe(expected);

    [Fact]
    public void Check_MultilineAllowsNewlines() => TextRules.Check("第一行\r\n第二行\t", 200, multiline: true, allowMarkup: false).ShouldBeNull();

    [Fact]
    public void Check_HundredKilobytes_IsTooLong() => TextRules.Check(new string('字', 100_000), 200, false, false).ShouldBe("TooLong");
}
