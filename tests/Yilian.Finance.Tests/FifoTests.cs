using Yilian.Finance.Domain;

namespace Yilian.Finance.Tests;

/// <summary>
/// The donation-to-expense rule against a simple reference: every fen of every gift laid out in the order received, an
/// expense taking the first fens still free. On random books of gifts, expenses, refunds and reversals, the fast rule draws
/// the same parts, every yuan once, never beyond what was given.
/// </summary>
public sealed class FifoTests
{
    [Fact]
    public void Draws_The_Oldest_First_And_Refuses_What_The_Gifts_Do_Not_Cover()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var parts = Fifo.Draw([(a, 50m), (b, 0m), (c, 200m)], 120m)!;
        parts.ShouldBe([(a, 50m), (c, 70m)]);
        Fifo.Draw([(a, 50m), (c, 20m)], 70.01m).ShouldBeNull();
        Fifo.Draw([(a, 50m), (c, 20m)], 70m)!.Sum(p => p.Amount).ShouldBe(70m);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_Books_Draw_As_The_Fen_By_Fen_Reference_Does(int seed)
    {
        var random = new Random(seed);
        var gifts = new List<(Guid Id, decimal Amount)>();
        var drawn = new Dictionary<Guid, decimal>();
        var refunded = new Dictionary<Guid, decimal>();
        var expenses = new List<IReadOnlyList<(Guid DonationId, decimal Amount)>>();
        for (var step = 0; step < 400; step++)
        {
            var roll = random.Next(10);
            if (roll < 5 || gifts.Count == 0)
            {
                var id = Guid.NewGuid();
                gifts.Add((id, random.Next(1, 50_000) / 100m));
                (drawn[id], refunded[id]) = (0m, 0m);
                continue;
            }

            if (roll == 5)
            {
                // A refund of part of what is left of one gift.
                var (id, amount) = gifts[random.Next(gifts.Count)];
                var left = amount - drawn[id] - refunded[id];
                if (left > 0)
                {
                    refunded[id] += Math.Max(0.01m, decimal.Round(left * (decimal)random.NextDouble(), 2));
                }

                continue;
            }

            if (roll == 6 && expenses.Count > 0)
            {
                // A reversal gives back what an expense drew.
                var index = random.Next(expenses.Count);
                foreach (var (id, amount) in expenses[index])
                {
                    drawn[id] -= amount;
                }

                expenses.RemoveAt(index);
                continue;
            }

            var want = random.Next(1, 80_000) / 100m;
            var available = gifts.Select(g => (g.Id, g.Amount - drawn[g.Id] - refunded[g.Id])).ToList();
            var fast = Fifo.Draw(available, want);
            var reference = Reference(available, want);
            if (reference is null)
            {
                fast.ShouldBeNull();
                continue;
            }

            fast.ShouldNotBeNull();
            fast.ShouldBe(reference);
            foreach (var (id, amount) in fast)
            {
                drawn[id] += amount;
            }

            expenses.Add(fast);
        }

        foreach (var (id, amount) in gifts)
        {
            drawn[id].ShouldBeGreaterThanOrEqualTo(0m);
            (drawn[id] + refunded[id]).ShouldBeLessThanOrEqualTo(amount); // never beyond what was given
        }

        // Every yuan drawn once: what the live expenses hold is what the gifts say was drawn.
        expenses.SelectMany(e => e).Sum(p => p.Amount).ShouldBe(drawn.Values.Sum());
    }

    /// <summary>Each free fen in the order given; the expense takes the first ones; counted back per gift.</summary>
    private static List<(Guid DonationId, decimal Amount)>? Reference(IReadOnlyList<(Guid Id, decimal Free)> gifts, decimal amount)
    {
        var need = (int)(amount * 100);
        var fens = gifts.SelectMany(g => Enumerable.Repeat(g.Id, (int)(Math.Max(0, g.Free) * 100))).Take(need).ToList();
        if (fens.Count < need)
        {
            return null;
        }

        var parts = new List<(Guid, decimal)>();
        foreach (var id in fens)
        {
            if (parts.Count > 0 && parts[^1].Item1 == id)
            {
                parts[^1] = (id, parts[^1].Item2 + 0.01m);
            }
            else
            {
                parts.Add((id, 0.01m));
            }
        }

        return parts;
    }
}
