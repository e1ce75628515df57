using Yilian.SharedKernel.Data;

namespace Yilian.Platform.Domain;

/// <summary>One entry of a managed dictionary (数据字典): service fields, skills, facilities… Codes are stored by other modules; names are edited here.</summary>
[Unscoped("Dictionaries are district-wide reference data, read by everyone and edited by platform operators.")]
internal sealed class DictionaryItem
{
    public string Type { get; set; } = "";

    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int Sort { get; set; }

    /// <summary>Inactive entries stay readable on old records but are no longer offered in forms.</summary>
    public bool IsActive { get; set; } = true;
}
