namespace Yilian.SharedKernel;

/// <summary>Age in whole years, the Chinese legal way: one's age goes up on the birthday itself.</summary>
public static class Age
{
    public static int On(DateOnly birth, DateOnly date) => date.Year - birth.Year - (date < birth.AddYears(date.Year - birth.Year) ? 1 : 0);
}

/// <summary>Great-circle distance (haversine, mean Earth radius), for venues near a point and check-in radii.</summary>
public static class GreatCircle
{
    public static double Kilometres(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2));
        return 6371.0 * 2 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
