using System.Security.Cryptography;
using Yilian.Volunteers.Features;

namespace Yilian.Volunteers.Tests;

public sealed class CheckInCodesTests
{
    private static readonly CheckInCodes Codes = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_Code_Reads_Back_What_It_Was_Issued_For()
    {
        var occurrence = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 11, 23, 1, 50, 0, TimeSpan.Zero);
        var code = Codes.Issue(CodeKind.CheckOut, occurrence, at);
        code.Length.ShouldBeLessThan(60); // short enough for a sparse QR code and for typing
        Codes.Read(code).ShouldBe(new CheckInCode(CodeKind.CheckOut, occurrence, at));
    }

    [Fact]
    public void Any_Changed_Character_Another_Key_Or_Garbage_Is_Refused()
    {
        var code = Codes.Issue(CodeKind.CheckIn, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var i = 0; i < code.Length; i++)
        {
            var replacement = alphabet[(alphabet.IndexOf(code[i], StringComparison.Ordinal) + 1) % alphabet.Length];
            Codes.Read(code[..i] + replacement + code[(i + 1)..]).ShouldBeNull($"position {i}");
        }

        new CheckInCodes(RandomNumberGenerator.GetBytes(32)).Read(code).ShouldBeNull();
        Codes.Read(null).ShouldBeNull();
        Codes.Read("").ShouldBeNull();
        Codes.Read("not a code!").ShouldBeNull();
        Codes.Read(new string('A', 5_000)).ShouldBeNull();
        Codes.Read(code[..^4]).ShouldBeNull();
    }

    [Fact]
    public void Distance_Is_The_Great_Circle_Distance()
    {
        // One degree of latitude is about 111.2 km; Suzhou to Shanghai People's Square is about 84 km.
        (Yilian.SharedKernel.GreatCircle.Kilometres(31.0, 120.0, 32.0, 120.0) * 1000).ShouldBe(111_195, 50);
        (Yilian.SharedKernel.GreatCircle.Kilometres(31.2989, 120.5853, 31.2304, 121.4737) * 1000).ShouldBe(84_800, 1_500);
        (Yilian.SharedKernel.GreatCircle.Kilometres(31.32, 120.72, 31.32, 120.72) * 1000).ShouldBe(0);
    }
}
