using Microsoft.AspNetCore.Http;

using MiniExcelLibs;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Files;

namespace Yilian.Organizations.Features;

public sealed record ImportResult(int Imported);

/// <summary>
/// Registers many organizations from an Excel sheet laid out like the template: every row is checked
/// first and every problem is reported with its row number; only a clean sheet is written, all at once.
/// </summary>
internal sealed class ImportOrganizations(OrganizationsDbContext db, RegisterOrganization register, IRegionDirectory regions)
{
    public const int MaxRows = 5_000;
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly string[] Columns = ["Org_Name", "Org_CreditCode", "Org_Type", "Org_Region", "Org_LegalRepresentative", "Org_Address", "Org_ContactPhone"];

    public static byte[] Template()
    {
        var row = new Dictionary<string, object?>
        {
            [OrgText.Get("Org_Name")] = "苏州工业园区示例社会工作服务中心",
            [OrgText.Get("Org_CreditCode")] = "52320571MJ1234567" + Yilian.SharedKernel.Identifiers.CreditCode.ComputeCheckCharacter("52320571MJ1234567"),
            [OrgText.Get("Org_Type")] = OrgText.Get("Type_SocialServiceAgency"),
            [OrgText.Get("Org_Region")] = "320571001001",
            [OrgText.Get("Org_LegalRepresentative")] = "张三",
            [OrgText.Get("Org_Address")] = "苏州工业园区星湖街 1 号",
            [OrgText.Get("Org_ContactPhone")] = "13800000000",
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }

    public async Task<ImportResult> HandleAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw InputValidationException.For("file", OrgText.Get("Import_NoFile"));
        }

        if (file.Length > MaxBytes)
        {
            throw InputValidationException.For("file", OrgText.Get("Import_TooLarge", MaxBytes / 1024 / 1024));
        }

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (FileSniffer.Sniff(buffer) != FileKind.Xlsx)
        {
            throw InputValidationException.For("file", OrgText.Get("Import_NotXlsx"));
        }

        var rows = (await buffer.QueryAsync(useHeaderRow: true, cancellationToken: ct)).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count > MaxRows)
        {
            throw InputValidationException.For("file", OrgText.Get("Import_TooManyRows", MaxRows));
        }

        var communities = (await regions.CommunitiesAsync(ct)).ToList();
        var errors = new Dictionary<string, string[]>();
        var batch = new HashSet<string>();
        var organizations = new List<Organization>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            string? Cell(string key) => row.TryGetValue(OrgText.Get(key), out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() : null;
            if (Columns.All(c => string.IsNullOrEmpty(Cell(c))))
            {
                continue;
            }

            var rowName = OrgText.Get("Import_Row", i + 2);
            var regionText = Cell("Org_Region");
            var request = new RegisterOrganizationRequest
            {
                Name = Cell("Org_Name"),
                CreditCode = Cell("Org_CreditCode"),
                Type = ParseType(Cell("Org_Type")),
                RegionCode = communities.FirstOrDefault(c => c.Code == regionText || c.Name == regionText)?.Code ?? regionText,
                LegalRepresentative = Cell("Org_LegalRepresentative"),
                Address = Cell("Org_Address"),
                ContactPhone = Cell("Org_ContactPhone"),
            };
            try
            {
                organizations.Add(await register.BuildAsync(request, batch, ct));
            }
            catch (InputValidationException e)
            {
                errors[rowName] = [.. e.Errors.SelectMany(x => x.Value)];
            }
            catch (BusinessRuleException e)
            {
                errors[rowName] = [e.Message];
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        if (organizations.Count == 0)
        {
            throw InputValidationException.For("file", OrgText.Get("Import_Empty"));
        }

        db.Organizations.AddRange(organizations);
        await db.SaveChangesAsync(ct);
        return new ImportResult(organizations.Count);
    }

    private static OrganizationType? ParseType(string? text) =>
        Enum.GetValues<OrganizationType>().Cast<OrganizationType?>().FirstOrDefault(t =>
            string.Equals(text, t.ToString(), StringComparison.OrdinalIgnoreCase) || text == OrgText.Get("Type_" + t)
            || text == Resources.OrgTextLookup.Chinese("Type_" + t));
}
