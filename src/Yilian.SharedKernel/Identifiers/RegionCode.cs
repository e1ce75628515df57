namespace Yilian.SharedKernel.Identifiers;

/// <summary>
/// 12-digit statistical division code (统计用区划代码): 2 province, 2 city, 2 county/district,
/// 3 town/street, 3 village/community. A level's code is padded with zeros.
/// </summary>
public static class RegionCode
{
    public static bool IsWellFormed(string? code) => code is { Length: 12 } && code.All(char.IsAsciiDigit);

    public static RegionLevel LevelOf(string code)
    {
        if (!IsWellFormed(code))
        {
            throw new ArgumentException("Not a 12-digit division code.", nameof(code));
        }

        if (code[9..] != "000")
        {
            return RegionLevel.Community;
        }

        if (code[6..9] != "000")
        {
            return RegionLevel.Street;
        }

        return code[4..6] != "00" ? RegionLevel.District : RegionLevel.City;
    }

    public static string DistrictOf(string code) => string.Concat(code.AsSpan(0, 6), "000000");

    public static string StreetOf(string code) => string.Concat(code.AsSpan(0, 9), "000");
}

public enum RegionLevel
{
    City = 1,
    District = 2,
    Street = 3,
    Community = 4,
}
