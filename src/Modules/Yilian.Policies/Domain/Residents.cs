using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies.Domain;

/// <summary>
/// A registered household (户) as the household-registration data describes it, with the household facts
/// policies test in force now (the department values behind each are in <see cref="ResidentFact"/>). Amounts
/// and areas are kept in hundredths so that thresholds compare exactly and screening reads them fast.
/// </summary>
[AuditIgnore] // written in bulk by imports; each import is audited as one entry (ImportBatch)
internal sealed class Household : IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>户号 from the household-registration file.</summary>
    public string Number { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public Guid? HeadId { get; set; }

    public long? IncomeHundredths { get; set; }

    public long? AssetsHundredths { get; set; }

    public long? SizeHundredths { get; set; }

    public long? HousingAreaHundredths { get; set; }

    public bool? OwnsVehicle { get; set; }

    public bool? DangerousHousing { get; set; }

    public bool? SuddenHardship { get; set; }

    /// <summary>The import that last changed this household or a member; incremental screening starts after the last run's mark.</summary>
    public long ChangeSeq { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A resident: real name (masked on screen), ID number encrypted and found by its keyed hash, and the person facts in force.</summary>
[AuditIgnore] // written in bulk by imports; each import is audited as one entry (ImportBatch)
internal sealed class Resident : IRegionScoped
{
    public Guid Id { get; set; }

    public Guid HouseholdId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    [Encrypted]
    public string IdNumber { get; set; } = "";

    [Sensitive]
    public string IdNumberIndex { get; set; } = "";

    /// <summary>From the ID number (GB 11643).</summary>
    public DateOnly BirthDate { get; set; }

    /// <summary>The ID number's order code (digits 15–17; odd for men, even for women), for facts a district derives from it.</summary>
    public int? IdSequence { get; set; }

    public bool IsHead { get; set; }

    /// <summary>1–4; null means no disability on record (the disabled persons' federation lists every certified disability).</summary>
    public int? DisabilityGrade { get; set; }

    /// <summary>Bit per <c>person.disability_type</c> choice.</summary>
    public int DisabilityTypes { get; set; }

    /// <summary>Bit per <c>person.special_status</c> choice: the union of what every department reports.</summary>
    public int SpecialStatuses { get; set; }

    /// <summary>Bit per <c>person.employment</c> choice; 0 until a department reports it.</summary>
    public int Employment { get; set; }

    public int Schooling { get; set; }

    public bool? SevereIllness { get; set; }

    public bool? LongTermCareNeed { get; set; }

    public bool? HasSupporter { get; set; }

    /// <summary>Ids of the policies the resident already receives, comma-separated (from the departments' data).</summary>
    public string Receiving { get; set; } = "";
}

/// <summary>
/// What one department said about one attribute of a person or household, as of a date (provenance). A
/// department's newer file replaces its own earlier value; different departments' values are all kept,
/// and flagged as a conflict when they disagree.
/// </summary>
[AuditIgnore] // written in bulk by imports; each import is audited as one entry (ImportBatch)
internal sealed class ResidentFact : IRegionScoped
{
    public Guid Id { get; set; }

    /// <summary>The resident, or the household for household attributes.</summary>
    public Guid SubjectId { get; set; }

    public Guid HouseholdId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Attribute { get; set; } = "";

    /// <summary>Codes or numbers as policy facts hold them, comma-separated; empty for "none".</summary>
    public string Value { get; set; } = "";

    public string Department { get; set; } = "";

    public DateOnly AsOf { get; set; }

    public Guid ImportId { get; set; }

    public bool Conflict { get; set; }
}

/// <summary>One department file taken in: who, what, how read, and what it changed.</summary>
[Unscoped("Import records are district-wide operator records; only operators and the regulator reach the import pages and API.")]
internal sealed class ImportBatch
{
    public Guid Id { get; set; }

    public string Department { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>UTF-8, GB18030 or Excel.</summary>
    public string Encoding { get; set; } = "";

    public DateOnly AsOf { get; set; }

    public int Rows { get; set; }

    public int ResidentsCreated { get; set; }

    public int HouseholdsChanged { get; set; }

    public int Conflicts { get; set; }

    /// <summary>SHA-256 of the file as received, so the audit trail names exactly what was imported.</summary>
    public string FileHash { get; set; } = "";

    public long ChangeSeq { get; set; }

    public string ImportedBy { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>A published version of a policy file; earlier versions stay, so past results can be explained with the rules then in force.</summary>
[Unscoped("Published policies are public.")]
internal sealed class PolicyVersion
{
    public Guid Id { get; set; }

    public string PolicyId { get; set; } = "";

    public int Version { get; set; }

    public string Text { get; set; } = "";

    public string PublishedBy { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>This version takes the policy out of force (its text is the version retired); a later version may restore it.</summary>
    public bool Retired { get; set; }

    /// <summary>Why it was retired or replaced, as the operator wrote it.</summary>
    public string? Note { get; set; }
}

/// <summary>A published version of the district's data dictionary: the facts it declares (docs/policy-format.md).</summary>
[Unscoped("The data dictionary is district-wide configuration, published by operators.")]
internal sealed class DataDictionaryVersion
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public string Text { get; set; } = "";

    public string PublishedBy { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>
/// The value in force of a fact the district declared (not built in), for one resident or household: what screening
/// reads, one narrow row per subject and fact. The departments' reports behind it stay in <see cref="ResidentFact"/>.
/// </summary>
[AuditIgnore] // written in bulk by imports; each import is audited as one entry (ImportBatch)
internal sealed class FactValue : IRegionScoped
{
    public Guid SubjectId { get; set; }

    public string Fact { get; set; } = "";

    public Guid HouseholdId { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>Hundredths for numbers and money, 1/0 for yes/no, a bit mask for choices.</summary>
    public long Value { get; set; }

    public DateOnly AsOf { get; set; }
}

public enum RunKind
{
    Full = 1,
    Incremental = 2,
}

public enum RunStatus
{
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>One screening of residents against the policies: when, over what, with which rule versions and parameter dates.</summary>
[Unscoped("Screening runs are district-wide operator records (counts only, no personal data).")]
internal sealed class ScreeningRun
{
    public Guid Id { get; set; }

    public RunKind Kind { get; set; }

    public RunStatus Status { get; set; }

    /// <summary>The evaluation date.</summary>
    public DateOnly On { get; set; }

    /// <summary>JSON: policy id → version.</summary>
    public string PolicyVersions { get; set; } = "{}";

    /// <summary>JSON: policy id → parameter → date the value used took effect.</summary>
    public string ParameterDates { get; set; } = "{}";

    /// <summary>Changes up to this import sequence are covered.</summary>
    public long ChangeSeq { get; set; }

    public int Residents { get; set; }

    public int Households { get; set; }

    public int Found { get; set; }

    public int New { get; set; }

    public int Lapsed { get; set; }

    public long LoadMilliseconds { get; set; }

    public long EvaluateMilliseconds { get; set; }

    public string StartedBy { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }
}

public enum CandidateStatus
{
    /// <summary>Found, not yet contacted.</summary>
    Open = 1,
    Contacted = 2,
    Applied = 3,
    Declined = 4,
    NotEligible = 5,

    /// <summary>A later screening no longer found the person eligible before anyone followed up.</summary>
    Lapsed = 6,
}

/// <summary>Someone who appears eligible for a policy they do not receive (政策找人), and the case worker's follow-up.</summary>
internal sealed class Candidate : IRegionScoped
{
    public Guid Id { get; set; }

    public Guid ResidentId { get; set; }

    public Guid HouseholdId { get; set; }

    public string RegionCode { get; set; } = "";

    public string PolicyId { get; set; } = "";

    public int PolicyVersion { get; set; }

    public Guid FoundInRunId { get; set; }

    public DateOnly FoundOn { get; set; }

    public CandidateStatus Status { get; set; }

    public string? Note { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public DateTimeOffset FoundAt { get; set; }

    /// <summary>The case worker who took the lead on (认领): only they record its follow-up until they let it go.</summary>
    public string? AssignedTo { get; set; }

    public string? AssignedToName { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }
}

/// <summary>A resident who finished the self-check and asked to be contacted (stored only with that consent).</summary>
internal sealed class ContactRequest : IRegionScoped
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    [Encrypted]
    public string Phone { get; set; } = "";

    /// <summary>The policies the check found, comma-separated ids.</summary>
    public string Policies { get; set; } = "";

    public string ConsentText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool Handled { get; set; }
}

/// <summary>
/// One export of relief leads (政策找人 results): who took them out, when, with which filter, how many rows, and whether
/// with full ID numbers. Written in the export's own request, so every export is in the audit trail.
/// </summary>
[Unscoped("An export record holds counts and filters, no personal data; only its author's export reads leads, within their scope.")]
internal sealed class ResultExport
{
    public Guid Id { get; set; }

    public string ExportedBy { get; set; } = "";

    public DateTimeOffset ExportedAt { get; set; }

    public string? PolicyId { get; set; }

    public string? Status { get; set; }

    public int Rows { get; set; }

    public bool FullIdNumbers { get; set; }
}
