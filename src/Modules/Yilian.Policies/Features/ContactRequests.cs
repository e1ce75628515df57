using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Identifiers;
using Yilian.SharedKernel.Resources;
using Yilian.SharedKernel.Validation;

namespace Yilian.Policies.Features;

public sealed record ContactRequestInput(string? Name, string? Phone, bool Consent, Dictionary<string, List<string>>? Answers, string? Community = null);

public sealed record ContactRequestCreated(Guid Id, IReadOnlyList<string> Policies);

public sealed record ContactRequestView(Guid Id, string Name, string Phone, string RegionCode, IReadOnlyList<string> Policies, DateTimeOffset CreatedAt, bool Handled);

/// <summary>
/// The self-check stores nothing, unless the resident asks to be contacted and consents: then only their
/// name, phone (encrypted) and the policies found are kept, in the community they gave, for a case worker.
/// </summary>
internal sealed class ContactRequests(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock, IRegionDirectory regions)
{
    /// <summary>What the resident consents to, in their language; stored with the request as it was shown.</summary>
    public static string ConsentText => PolicyText.Get("Contact_Consent");

    public async Task<ContactRequestCreated> CreateAsync(ContactRequestInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!input.Consent)
        {
            errors["consent"] = [PolicyText.Get("Contact_ConsentRequired")];
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = [PolicyText.Get("Contact_NameRequired")];
        }
        else if (TextRules.Check(name, 50, multiline: false, allowMarkup: false) is { } rule)
        {
            errors["name"] = [ValidationMessages.Format(rule, PolicyText.Get("Contact_Name"), 50)];
        }

        if (!MobileNumber.TryNormalize(input.Phone, out var phone))
        {
            errors["phone"] = [PolicyText.Get("Contact_PhoneRequired")];
        }

        // The request goes to the case workers of the community the resident names (or the district's when none is given).
        var district = await DistrictAsync(regions, ct);
        var region = input.Community is { Length: > 0 } community ? community : district;
        if (!RegionCode.IsWellFormed(region) || (region != district && (await regions.FindAsync(region, ct))?.Level != (int)RegionLevel.Community))
        {
            errors["community"] = [PolicyText.Get("Contact_CommunityRequired")];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var result = PolicyCatalog.RunSelfCheck(input.Answers, null, await catalog.CurrentAsync(ct), clock, catalog.Facts);
        var request = new ContactRequest
        {
            Id = Guid.NewGuid(), RegionCode = region, Name = name, Phone = phone, Policies = string.Join(",", result.Eligible.Select(e => e.Id)),
            ConsentText = ConsentText, CreatedAt = clock.GetUtcNow(),
        };
        db.ContactRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return new ContactRequestCreated(request.Id, [.. result.Eligible.Select(e => e.Name)]);
    }

    /// <summary>The requests in the caller's scope (their community or street), newest first; the phone in full, since the resident asked to be called.</summary>
    public async Task<IReadOnlyList<ContactRequestView>> ListAsync(bool handled, CancellationToken ct)
    {
        var rows = await db.ContactRequests.AsNoTracking().Where(c => c.Handled == handled).OrderByDescending(c => c.CreatedAt).Take(100).ToListAsync(ct);
        var names = catalog.Policies.ToDictionary(p => p.Id, p => p.Name);
        return [.. rows.Select(c => new ContactRequestView(c.Id, c.Name, c.Phone, c.RegionCode,
            [.. c.Policies.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => names.GetValueOrDefault(id, id))], c.CreatedAt, c.Handled))];
    }

    public async Task MarkHandledAsync(Guid id, CancellationToken ct)
    {
        var request = await db.ContactRequests.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("ContactRequest", id);
        request.Handled = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The district the platform serves, as the region directory has it (the parent of its communities).</summary>
    internal static async Task<string> DistrictAsync(IRegionDirectory regions, CancellationToken ct) =>
        await regions.CommunitiesAsync(ct) is [var first, ..] ? RegionCode.DistrictOf(first.Code) : "000000000000";
}
