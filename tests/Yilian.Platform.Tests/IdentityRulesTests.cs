using Yilian.Platform.Identity;

namespace Yilian.Platform.Tests;

public class PasswordPolicyTests
{
    private static readonly SecurityOptions Policy = new();

    [Theory]
    [InlineData("Gx7-tree-lamp")]
    [InlineData("sunny-Day-42")]
    [InlineData("长城Abc12345")]
    public void Validate_StrongPassword_Passes(string password) =>
        PasswordPolicyValidator.Validate(password, "someone", Policy).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("Ab1-x", "PasswordTooShort")]
    [InlineData("alllowercase", "PasswordClasses")]
    [InlineData("lowerand123", "PasswordClasses")]
    [InlineData("P@ssw0rd1", "PasswordCommon")]
    [InlineData("Aa123456!", "PasswordCommon")]
    [InlineData("Zhangsan-2026x", "PasswordContainsUserName")]
    public void Validate_WeakPassword_NamesTheRule(string password, string code) =>
        PasswordPolicyValidator.Validate(password, "zhangsan", Policy).Errors.Select(e => e.Code).ShouldContain(code);

    [Fact]
    public void Validate_MessagesAreChineseByDefault()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            PasswordPolicyValidator.Validate("short", null, Policy).Errors.First().Description.ShouldBe("密码至少需要 8 个字符。");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Validate_ConfiguredPolicy_IsHonoured()
    {
        var strict = new SecurityOptions { PasswordMinLength = 12, PasswordRequiredClasses = 4 };
        PasswordPolicyValidator.Validate("Gx7-tree-lamp", null, strict).Succeeded.ShouldBeTrue();
        PasswordPolicyValidator.Validate("Gx7treelamp1", null, strict).Errors.Select(e => e.Code).ShouldContain("PasswordClasses");
    }
}
