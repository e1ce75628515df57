using Yilian.SharedKernel.Data;

namespace Yilian.Supply.Domain;

/// <summary>
/// A rating on the evaluations list (评价清单), linked to the service project it rates and the need it served. Scoped to the
/// community that gave it and to the organization rated, so each sees its own; the public list shows every rating without
/// who gave it.
/// </summary>
internal sealed class Evaluation : IOrganizationScoped, IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ServiceProjectId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The need the rated work met.</summary>
    public Guid? NeedId { get; set; }

    /// <summary>Where the rating comes from (the need's community).</summary>
    public string RegionCode { get; set; } = "";

    public EvaluationSource Source { get; set; }

    /// <summary>One to five.</summary>
    public int Score { get; set; }

    public string Comment { get; set; } = "";

    public string RatedBy { get; set; } = "";

    /// <summary>Who may rate once: the community (<see cref="CommunityRater"/>) for its need, or each beneficiary's account
    /// (<c>user:</c> and its id).</summary>
    public string RaterKey { get; set; } = CommunityRater;

    public const string CommunityRater = "community";

    public const string ThirdPartyRater = "third-party";

    /// <summary>A person served rating from their own link: this and the <see cref="ServedPerson"/>'s id.</summary>
    public const string ServedRaterPrefix = "served:";

    public DateTimeOffset RatedAt { get; set; }

    public string? CreatedByRequest { get; set; }
}

internal enum EvaluationSource
{
    /// <summary>The community (or street) that asked for the service.</summary>
    Community = 1,

    /// <summary>A resident who received it (the one-tap rating sent after delivery).</summary>
    Beneficiary = 2,

    /// <summary>A third-party evaluator engaged for the purchase.</summary>
    ThirdParty = 3,
}
