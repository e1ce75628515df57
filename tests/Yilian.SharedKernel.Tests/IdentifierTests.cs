using Yilian.SharedKernel.Identifiers;

namespace Yilian.SharedKernel.Tests;

public class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X")] // the example printed in GB 11643-1999
    [InlineData("11010519491231002x")] // lower-case x is accepted and normalised
    [InlineData("440524188001010014")]
    [InlineData("320571200011220011")]
    public void Parse_ValidNumber_ReturnsCanonicalForm(string number)
    {
        var result = ChineseIdNumber.Parse(number, Today);
        result.IsValid.ShouldBeTrue(result.Error.ToString());
        result.Value.ShouldBe(number.ToUpperInvariant());
    }

    [Theory]
    [InlineData("110105194912310021", IdNumberError.BadCheckCharacter)]
    [InlineData("11010519491231002", IdNumberError.BadLength)]
    [InlineData("1101051949123100211", IdNumberError.BadLength)]
    [InlineData("11010519491331002X", IdNumberError.BadBirthDate)]
    [InlineData("110105194902300020", IdNumberError.BadBirthDate)]
    [InlineData("11010520991231002X", IdNumberError.BirthDateInFuture)]
    [InlineData("1101051949123100AX", IdNumberError.BadCharacters)]
    [InlineData("X10105194912310021", IdNumberError.BadCharacters)]
    [InlineData("", IdNumberError.Empty)]
    [InlineData("   ", IdNumberError.Empty)]
    public void Parse_InvalidNumber_NamesTheProblem(string number, IdNumberError expected) =>
        ChineseIdNumber.Parse(number, Today).Error.ShouldBe(expected);

    [Fact]
    public void Parse_FifteenDigitLegacyNumber_ConvertsToEighteen()
    {
        var result = ChineseIdNumber.Parse("110105491231002", Today);
        result.IsValid.ShouldBeTrue();
        result.Value.ShouldBe("11010519491231002X");
        result.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
    }

    [Fact]
    public void Parse_FutureBirthDateIsJudgedAgainstGivenDay()
    {
        var first17 = "32057120261123001";
        var number = first17 + ChineseIdNumber.ComputeCheckCharacter(first17);
        ChineseIdNumber.Parse(number, Today).Error.ShouldBe(IdNumberError.BirthDateInFuture);
        ChineseIdNumber.Parse(number, Today.AddDays(1)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Mask_KeepsFirstThreeAndLastFour() => ChineseIdNumber.Mask("11010519491231002X").ShouldBe("110***********002X");

    [Fact]
    public void ComputeCheckCharacter_AgreesWithBruteForceDefinition()
    {
        // ISO 7064 MOD 11-2 from its definition: the check value c makes sum(a_i * 2^(18-i)) + c ≡ 1 (mod 11).
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + random.Next(10))));
            var sum = 0;
            for (var i = 0; i < 17; i++)
            {
                sum += (digits[i] - '0') * (int)(Math.Pow(2, 17 - i) % 11);
            }

            var c = Enumerable.Range(0, 11).Single(v => (sum + v) % 11 == 1);
            var expected = c == 10 ? 'X' : (char)('0' + c);
            ChineseIdNumber.ComputeCheckCharacter(digits).ShouldBe(expected, digits);
        }
    }
}

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // example widely quoted with GB 32100-2015
    [InlineData("91110000600037341L")]
    [InlineData("91350100m000100y43")] // lower case is normalised
    public void Validate_KnownValidCodes_Pass(string code) => CreditCode.Validate(code).ShouldBe(CreditCodeError.None);

    [Theory]
    [InlineData("91350100M000100Y44", CreditCodeError.BadCheckCharacter)]
    [InlineData("91350100M000100Y4", CreditCodeError.BadLength)]
    [InlineData("91350100M0001O0Y43", CreditCodeError.BadCharacters)] // letter O is not in the alphabet
    [InlineData("913501I0M000100Y43", CreditCodeError.BadCharacters)] // region part must be digits
    [InlineData("", CreditCodeError.Empty)]
    public void Validate_InvalidCodes_NameTheProblem(string code, CreditCodeError expected) => CreditCode.Validate(code).ShouldBe(expected);

    [Fact]
    public void ComputeCheckCharacter_AgreesWithDefinition()
    {
        // C18 = 31 - (sum(Ci * Wi) mod 31), with Wi = 3^(i-1) mod 31 and 31 mapped to 0.
        var random = new Random(11);
        for (var n = 0; n < 2000; n++)
        {
            var body = string.Concat(Enumerable.Range(0, 17).Select(i => CreditCode.Alphabet[random.Next(i is >= 2 and < 8 ? 10 : 31)]));
            var sum = 0;
            for (var i = 0; i < 17; i++)
            {
                var w = 1;
                for (var k = 0; k < i; k++)
                {
                    w = w * 3 % 31;
                }

                sum += CreditCode.Alphabet.IndexOf(body[i], StringComparison.Ordinal) * w;
            }

            var expected = CreditCode.Alphabet[(31 - (sum % 31)) % 31];
            CreditCode.ComputeCheckCharacter(body).ShouldBe(expected);
            CreditCode.Validate(body + expected).ShouldBe(CreditCodeError.None);
        }
    }
}

public class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("8619912345678", "19912345678")]
    public void TryNormalize_Valid(string input, string expected)
    {
        MobileNumber.TryNormalize(input, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(expected);
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("phone")]
    [InlineData("")]
    public void TryNormalize_Invalid(string input) => MobileNumber.TryNormalize(input, out _).ShouldBeFalse();

    [Fact]
    public void Mask_HidesMiddleFour() => MobileNumber.Mask("13812345678").ShouldBe("138****5678");
}

public class RegionCodeTests
{
    [Theory]
    [InlineData("320571000000", RegionLevel.District)]
    [InlineData("320571001000", RegionLevel.Street)]
    [InlineData("320571001001", RegionLevel.Community)]
    [InlineData("320500000000", RegionLevel.City)]
    public void LevelOf_ReadsTheCodeLayout(string code, RegionLevel level) => RegionCode.LevelOf(code).ShouldBe(level);

    [Theory]
    [InlineData("32057100100")]
    [InlineData("32057100100a")]
    [InlineData(null)]
    public void IsWellFormed_RejectsBadCodes(string? code) => RegionCode.IsWellFormed(code).ShouldBeFalse();
}
