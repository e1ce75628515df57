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

/// <summary>A demo activity with its single occurrence, for later steps (volunteers sign up, attend, are confirmed).</summary>
/// <param name="VolunteersNeeded">0 when it does not recruit.</param>
public sealed record SeededActivity(Guid Id, Guid OccurrenceId, Guid OrganizationId, string RegionCode, DateTimeOffset Start, DateTimeOffset End, int VolunteersNeeded, bool Published);

/// <summary>An account made by the seed for someone other than a demo role (the demo district's volunteers, say).</summary>
public sealed record SeededAccount(string UserId, string UserName, string DisplayName);

/// <summary>State shared by the modules' seed steps in one run; deterministic from <see cref="Seed"/>.</summary>
public sealed class SeedContext(SeedSize size, int seed, ILogger logger)
{
    public SeedSize Size { get; } = size;

    public int Seed { get; } = seed;

    public ILogger Logger { get; } = logger;

    public List<string> Communities { get; } = [];

    public List<SeededOrganization> Organizations { get; } = [];

    /// <summary>The demo activities (demo size only), in time order.</summary>
    public List<SeededActivity> Activities { get; } = [];

    /// <summary>Volunteer accounts besides the demo volunteer (demo size): they cannot sign in, they fill the district.</summary>
    public List<SeededAccount> VolunteerAccounts { get; } = [];

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
