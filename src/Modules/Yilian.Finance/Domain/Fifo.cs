namespace Yilian.Finance.Domain;

/// <summary>
/// The documented rule by which an expense paid from a charity project's donations draws on them: first in, first out —
/// the oldest donation with something left is drawn first, then the next, until the expense is covered (decision 027).
/// </summary>
internal static class Fifo
{
    /// <summary>
    /// The parts drawn from <paramref name="available"/> (in the order received, each with what is left of it) to cover
    /// <paramref name="amount"/>; null when all of them together do not cover it, so nothing is drawn beyond what was given.
    /// </summary>
    public static IReadOnlyList<(Guid DonationId, decimal Amount)>? Draw(IEnumerable<(Guid DonationId, decimal Available)> available,
        decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var parts = new List<(Guid, decimal)>();
        var left = amount;
        foreach (var (id, free) in available)
        {
            if (free <= 0)
            {
                continue;
            }

            var take = Math.Min(free, left);
            parts.Add((id, take));
            left -= take;
            if (left == 0)
            {
                return parts;
            }
        }

        return null;
    }
}
