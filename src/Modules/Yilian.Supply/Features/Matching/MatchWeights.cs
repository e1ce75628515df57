using System.ComponentModel.DataAnnotations;

namespace Yilian.Supply.Features.Matching;

/// <summary>
/// How much each reason counts when a need is matched (bound to <c>Supply:Matching</c>; the points of a perfect match, summing
/// to 100). The organization's risk index joins when it exists (issue 20).
/// </summary>
public sealed class MatchWeights : IValidatableObject
{
    /// <summary>The service field is the need's (every candidate's is: the field chooses the candidates).</summary>
    public double Field { get; set; } = 20;

    /// <summary>Whom the service is for, compared word by word with the need's target group.</summary>
    public double TargetGroup { get; set; } = 10;

    /// <summary>The need's community is in the area served, or how near the organization is.</summary>
    public double Area { get; set; } = 20;

    /// <summary>Room left: places it can serve at once, less those it serves now.</summary>
    public double Capacity { get; set; } = 10;

    /// <summary>The organization's evaluation grade, 1A–5A.</summary>
    public double Grade { get; set; } = 15;

    /// <summary>Ratings of the organization's work in the same field.</summary>
    public double Evaluations { get; set; } = 15;

    /// <summary>The need's budget against the project's price range.</summary>
    public double Price { get; set; } = 10;

    public double Total => Field + TargetGroup + Area + Capacity + Grade + Evaluations + Price;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        double[] all = [Field, TargetGroup, Area, Capacity, Grade, Evaluations, Price];
        if (all.Any(w => w < 0) || Math.Abs(Total - 100) > 1e-9)
        {
            yield return new ValidationResult($"Supply:Matching weights must be zero or more and sum to 100 (they sum to {Total}).");
        }
    }
}
