using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Identifiers;

namespace Yilian.Platform.Domain;

[Unscoped("The administrative tree is public reference data.")]
internal sealed class Region
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public RegionLevel Level { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>True when the code is not an official statistical code but made up for demo data.</summary>
    public bool IsInvented { get; set; }
}
