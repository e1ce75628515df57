namespace Yilian.Platform.Contracts;

public static class Roles
{
    public const string Regulator = nameof(Regulator);
    public const string PlatformOperator = nameof(PlatformOperator);
    public const string OrgAdmin = nameof(OrgAdmin);
    public const string OrgStaff = nameof(OrgStaff);
    public const string CommunityOfficer = nameof(CommunityOfficer);
    public const string Mentor = nameof(Mentor);
    public const string Volunteer = nameof(Volunteer);
    public const string Resident = nameof(Resident);

    public static readonly IReadOnlyList<string> All =
        [Regulator, PlatformOperator, OrgAdmin, OrgStaff, CommunityOfficer, Mentor, Volunteer, Resident];

    /// <summary>Roles that work in the back office (the rest use the public and phone pages).</summary>
    public static readonly IReadOnlyList<string> BackOffice = [Regulator, PlatformOperator, OrgAdmin, OrgStaff, CommunityOfficer, Mentor];

    /// <summary>The role's name in the user's language.</summary>
    /// <summary>The roles of an organization's own people (a mentor's organization scope is the organizations it advises).</summary>
    public static readonly IReadOnlyList<string> WorkForOrganization = [OrgAdmin, OrgStaff];

    public static string Label(string role) => Resources.RoleText.Get("Role_" + role);
}

public static class Policies
{
    public const string BackOffice = nameof(BackOffice);
    public const string Regulator = nameof(Regulator);
    public const string Operator = nameof(Operator);
    public const string AuditReader = nameof(AuditReader);
}
