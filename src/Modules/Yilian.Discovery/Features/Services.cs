using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Discovery.Data;
using Yilian.Discovery.Domain;
using Yilian.Discovery.Resources;
using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Discovery.Features;

/// <summary>A service as its keeper describes it. <paramref name="OrganizationId"/> may be left out by a person of one
/// organization (it is theirs); the operator names it. <paramref name="RegionCode"/>: the community or street where it is.</summary>
public sealed record ServiceInput(
    Guid? OrganizationId, string? Name, string? Category, string? Summary, string? RegionCode, string? Address, string? Hours,
    string? HowToApply, string? Contact, string? Keywords, double? Latitude, double? Longitude);

public sealed record ServiceDto(
    Guid Id, Guid OrganizationId, string Provider, string Name, string Category, string CategoryName, string Summary, string RegionCode,
    string RegionName, string Address, string Hours, string HowToApply, string Contact, string Keywords, double? Latitude,
    double? Longitude, string Status, DateTimeOffset UpdatedAt);

/// <param name="Category">One of the catalogue's categories.</param>
/// <param name="Area">A community or street code: services there (a street's includes its communities').</param>
public sealed record ServiceFilter(string? Category, string? Area, Guid? OrganizationId);

/// <summary>
/// The service catalogue (服务目录): what residents can use — for whom, by whom, where, when, how to apply, whom to call. An
/// organization keeps its own, the operator any; every listed one is public (the resident portal, the search box, the map).
/// </summary>
internal sealed class Services(DiscoveryDbContext db, IServiceScopeFactory scopes, IOrganizationLookup organizations,
    IOrganizationFacts facts, IRegionDirectory regions, IDataScopeProvider scope, ICurrentUser user, IIdempotentRequest idempotency,
    TimeProvider clock)
{
    public async Task<ServiceDto> CreateAsync(ServiceInput input, CancellationToken ct)
    {
        DiscoveryPermissions.Require(DiscoveryPermissions.KeepsServices(user), "Service_CannotKeep");
        if (idempotency.EffectKey is { } effect
            && await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.CreatedByRequest == effect, ct) is { } made)
        {
            return Dto(made);
        }

        var organization = await ProviderAsync(input.OrganizationId, ct);
        var service = new ServiceEntry
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, Status = ServiceStatus.Listed,
            CreatedByRequest = idempotency.EffectKey,
        };
        await ApplyAsync(service, input, ct);
        db.Services.Add(service);
        await db.SaveChangesAsync(ct);
        return Dto(service);
    }

    public async Task<ServiceDto> UpdateAsync(Guid id, ServiceInput input, CancellationToken ct)
    {
        var service = await KeptAsync(id, ct);
        await ApplyAsync(service, input, ct);
        await db.SaveChangesAsync(ct);
        return Dto(service);
    }

    public async Task<ServiceDto> WithdrawAsync(Guid id, CancellationToken ct)
    {
        var service = await KeptAsync(id, ct);
        (service.Status, service.UpdatedAt, service.UpdatedBy) = (ServiceStatus.Withdrawn, clock.GetUtcNow(), user.UserName ?? "system");
        await db.SaveChangesAsync(ct);
        return Dto(service);
    }

    /// <summary>The services in the caller's scope, listed or withdrawn (the back office's list).</summary>
    public async Task<PagedResult<ServiceDto>> ListAsync(ServiceFilter filter, PageRequest page, CancellationToken ct)
    {
        DiscoveryPermissions.Require(DiscoveryPermissions.ReadsServicesInScope(user));
        var found = await Filtered(db.Services.AsNoTracking(), filter).OrderByDescending(s => s.UpdatedAt).ToPagedAsync(page, ct);
        return new PagedResult<ServiceDto>([.. found.Items.Select(Dto)], found.Total, found.Page, found.PageSize);
    }

    /// <summary>Every listed service, for anyone: by category and place, most recently updated first.</summary>
    public async Task<PagedResult<ServiceDto>> PublicListAsync(ServiceFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
        var found = await Filtered(all.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Listed), filter)
            .OrderByDescending(s => s.UpdatedAt).ToPagedAsync(page, ct);
        return new PagedResult<ServiceDto>([.. found.Items.Select(Dto)], found.Total, found.Page, found.PageSize);
    }

    /// <summary>One service: a listed one for anyone, a withdrawn one within the caller's scope.</summary>
    public async Task<ServiceDto> GetAsync(Guid id, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
        var service = await all.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null || (service.Status != ServiceStatus.Listed && !await db.Services.AnyAsync(s => s.Id == id, ct)))
        {
            throw new NotFoundException("Service", id);
        }

        return Dto(service);
    }

    /// <summary>The organizations the caller keeps services for (for the form's choice).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OwnOrganizationsAsync(CancellationToken ct) =>
        scope.Current.Organizations.Count > 0 ? await organizations.NamesAsync(scope.Current.Organizations, ct)
            : new Dictionary<Guid, string>();

    public static string CategoryName(string category) => DiscoveryText.Get("Category_" + category);

    internal static ServiceDto Dto(ServiceEntry s) => new(
        s.Id, s.OrganizationId, s.Provider, s.Name, s.Category, CategoryName(s.Category), s.Summary, s.RegionCode, s.RegionName, s.Address,
        s.Hours, s.HowToApply, s.Contact, s.Keywords, s.Latitude, s.Longitude, s.Status.ToString(), s.UpdatedAt);

    private async Task<OrganizationRef> ProviderAsync(Guid? requested, CancellationToken ct)
    {
        var id = requested ?? (scope.Current.Organizations is [var only] ? only : Guid.Empty);
        if (id == Guid.Empty)
        {
            throw InputValidationException.For("organizationId", DiscoveryText.Get("Service_OrganizationRequired"));
        }

        var organization = await organizations.FindAsync(id, ct);
        if (organization is null
            || (!DiscoveryPermissions.KeepsAnyOrganizationsServices(user) && !scope.Current.Organizations.Contains(id)))
        {
            throw new NotFoundException("Organization", id);
        }

        return organization;
    }

    private async Task<ServiceEntry> KeptAsync(Guid id, CancellationToken ct)
    {
        DiscoveryPermissions.Require(DiscoveryPermissions.KeepsServices(user), "Service_CannotKeep");
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Service", id);
        if (!DiscoveryPermissions.KeepsAnyOrganizationsServices(user) && !scope.Current.Organizations.Contains(service.OrganizationId))
        {
            throw new ForbiddenException(DiscoveryText.Get("Service_CannotKeep"));
        }

        return service;
    }

    private async Task ApplyAsync(ServiceEntry service, ServiceInput input, CancellationToken ct)
    {
        var problems = new InputProblems(DiscoveryText.Get);
        var name = problems.Text("name", "Service_Name", input.Name, ServiceEntry.NameMax);
        var summary = problems.Text("summary", "Service_Summary", input.Summary, 1000, multiline: true);
        var address = problems.Text("address", "Service_Address", input.Address, 200);
        var hours = problems.Text("hours", "Service_Hours", input.Hours, 200);
        var apply = problems.Text("howToApply", "Service_HowToApply", input.HowToApply, 1000, multiline: true);
        var contact = problems.Text("contact", "Service_Contact", input.Contact, 100);
        var keywords = problems.Text("keywords", "Service_Keywords", input.Keywords, 200, optional: true);
        var category = input.Category?.Trim() ?? "";
        if (!ServiceCategories.All.Contains(category))
        {
            problems.Add("category", DiscoveryText.Get("Service_UnknownCategory", string.Join(", ", ServiceCategories.All)));
        }

        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : await regions.FindAsync(input.RegionCode.Trim(), ct);
        if (region is null || region.Code.Length != 12)
        {
            problems.Add("regionCode", DiscoveryText.Get("Service_RegionRequired"));
        }

        if (input.Latitude is not null != input.Longitude is not null
            || input.Latitude is { } lat && (!double.IsFinite(lat) || lat is < 3.8 or > 53.6)
            || input.Longitude is { } lng && (!double.IsFinite(lng) || lng is < 73.5 or > 135.1))
        {
            problems.Add("latitude", DiscoveryText.Get("Service_BadPoint"));
        }

        problems.ThrowIfAny();
        var provider = (await facts.PublicFactsAsync([service.OrganizationId], ct)).GetValueOrDefault(service.OrganizationId);
        (service.Name, service.Summary, service.Category, service.Address, service.Hours) = (name, summary, category, address, hours);
        (service.HowToApply, service.Contact, service.Keywords) = (apply, contact, keywords);
        (service.RegionCode, service.RegionName, service.Provider) = (region!.Code, region.Name, provider?.Name ?? service.Provider);
        (service.Latitude, service.Longitude) = (input.Latitude, input.Longitude);
        (service.UpdatedAt, service.UpdatedBy) = (clock.GetUtcNow(), user.UserName ?? "system");
    }

    private static IQueryable<ServiceEntry> Filtered(IQueryable<ServiceEntry> query, ServiceFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            query = query.Where(s => s.Category == filter.Category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = filter.Area.Trim();
            var prefix = area.Length == 12 && area.EndsWith("000", StringComparison.Ordinal) ? area[..9] : area;
            query = query.Where(s => s.RegionCode.StartsWith(prefix));
        }

        if (filter.OrganizationId is { } org)
        {
            query = query.Where(s => s.OrganizationId == org);
        }

        return query;
    }
}
