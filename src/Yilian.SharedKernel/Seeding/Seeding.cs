using Microsoft.Extensions.Logging;

namespace Yilian.SharedKernel.Seeding;

public enum SeedSize
{
    /// <summary>A handful of records per module, for trying Yilian out; demo accounts included.</summary>
    Demo,

    /// <summary>Sized from the articles' figures for one district (see shared/SPEC.md); no demo accounts.</summary>
    District,
}

public sealed record SeededOrganization(Guid Id, string Name, string RegionCode);

/// <summary>State shared by the modules' seed steps in one run; deterministic from <see cref="Seed"/>.</summary>
public sealed class SeedContext(SeedSize size, int seed, ILogger logger)
{
    public SeedSize Size { get; } = size;

    public int Seed { get; } = seed;

    public ILogger Logger { get; } = logger;

    public List<string> Communities { get; } = [];

    public List<SeededOrganization> Organizations { get; } = [];

    /// <summary>A random source per step, so adding a step does not change the data of the others.</summary>
    public Random RandomFor(string step) => new(HashCode.Combine(Seed, StableHash(step)));

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = 23;
            foreach (var c in s)
            {
                h = (h * 31) + c;
            }

            return h;
        }
    }
}

/// <summary>A module's part of the seed; steps run in <see cref="Order"/>.</summary>
public interface ISeedStep
{
    int Order { get; }

    string Name { get; }

    Task RunAsync(SeedContext context, CancellationToken ct);
}
