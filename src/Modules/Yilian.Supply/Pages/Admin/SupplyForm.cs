using Yilian.Ui;

namespace Yilian.Supply.Pages.Admin;

/// <summary>The supply lists' self-posting forms (<see cref="PostedForm"/>).</summary>
public abstract class SupplyForm : PostedForm;

/// <summary>A rating of one to five as stars (★★★★☆), as every supply page shows it.</summary>
public static class RatingStars
{
    public static string Of(int score) => new string('★', score) + new string('☆', 5 - score);
}
