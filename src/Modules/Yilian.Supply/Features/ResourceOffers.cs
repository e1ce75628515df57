using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Contracts;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Validation;
using Yilian.SharedKernel.Security;
using Yilian.Supply.Data;
using Yilian.Supply.Domain;
using Yilian.Supply.Resources;

namespace Yilian.Supply.Features;

/// <summary>An offer as posted. An organization's people offer for their organization (provider and place are its own); a
/// community officer or the operator names the provider (an enterprise, a venue, a volunteer team) and the place.</summary>
public sealed record ResourceInput(
    string? Kind, string? Title, string? Description, string? Provider, string? ProviderKind, string? RegionCode, string? Quantity,
    DateOnly? AvailableFrom, DateOnly? AvailableTo, bool? Public);

public sealed record ResourceDto(
    Guid Id, string Kind, string KindName, string Title, string Description, string Provider, string ProviderKind, string ProviderKindName,
    string RegionCode, string RegionName, string Quantity, DateOnly? AvailableFrom, DateOnly? AvailableTo, bool Public, bool Withdrawn,
    DateTimeOffset PostedAt);

public sealed record ResourceFilter(string? Q, string? Kind, string? Region);

/// <summary>
/// The resources list (资源清单): money, space, goods and skills that organizations, enterprises, venues and volunteer teams
/// make available, with when; searched and filtered in scope, public where the poster chose, withdrawn when gone.
/// </summary>
internal sealed class ResourceOffers(SupplyDbContext db, IServiceScopeFactory scopes, IOrganizationLookup organizations,
    IRegionDirectory regions, IDataScopeProvider scope, ICurrentUser user, IIdempotentRequest idempotency, TimeProvider clock)
{
    public async Task<ResourceDto> OfferAsync(ResourceInput input, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.OffersResources(user), "Resource_CannotOffer");
        if (idempotency.EffectKey is { } effect
            && await db.ResourceOffers.AsNoTracking().FirstOrDefaultAsync(r => r.CreatedByRequest == effect, ct) is { } made)
        {
            return Dto(made);
        }

        var problems = new InputProblems(SupplyText.Get);
        var offer = new ResourceOffer
        {
            Id = Guid.CreateVersion7(), Title = problems.Text("title", "Resource_Title", input.Title, 100),
            Description = problems.Text("description", "Resource_Description", input.Description, 2000, multiline: true),
            Quantity = problems.Text("quantity", "Resource_Quantity", input.Quantity, 100),
            AvailableFrom = input.AvailableFrom, AvailableTo = input.AvailableTo, Public = input.Public == true,
            PostedBy = user.UserName ?? "system", PostedAt = clock.GetUtcNow(), CreatedByRequest = idempotency.EffectKey,
        };
        if (!Enum.TryParse<ResourceKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            problems.Add("kind", SupplyText.Get("Resource_BadKind"));
        }

        if (input.AvailableFrom is { } from && input.AvailableTo is { } to && to < from)
        {
            problems.Add("availableTo", SupplyText.Get("Need_ServiceBackwards"));
        }

        // Someone of an organization offers for it, where it is; the others for a provider they name, in their area.
        if (scope.Current.Organizations is [var own] && !SupplyPermissions.PostsNeeds(user))
        {
            var organization = await organizations.FindAsync(own, ct) ?? throw new NotFoundException("Organization", own);
            (offer.OrganizationId, offer.Provider, offer.ProviderKind, offer.RegionCode) = (own, organization.Name,
                Domain.ProviderKind.Organization, organization.RegionCode);
            offer.RegionName = (await regions.FindAsync(organization.RegionCode, ct))?.Name ?? "";
        }
        else
        {
            offer.Provider = problems.Text("provider", "Resource_Provider", input.Provider, 100);
            if (!Enum.TryParse<ProviderKind>(input.ProviderKind, ignoreCase: true, out var providerKind) || !Enum.IsDefined(providerKind))
            {
                problems.Add("providerKind", SupplyText.Get("Resource_BadProviderKind"));
            }

            var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : await regions.FindAsync(input.RegionCode.Trim(), ct);
            if (region is null)
            {
                problems.Add("regionCode", SupplyText.Get("Need_RegionRequired"));
            }
            else if (!scope.Current.CoversRegion(region.Code))
            {
                problems.Add("regionCode", SupplyText.Get("Resource_OutsideScope", region.Name));
            }

            (offer.ProviderKind, offer.RegionCode, offer.RegionName) = (providerKind, region?.Code ?? "", region?.Name ?? "");
        }

        problems.ThrowIfAny();
        offer.Kind = kind;
        db.ResourceOffers.Add(offer);
        await db.SaveChangesAsync(ct);
        return Dto(offer);
    }

    public async Task<ResourceDto> WithdrawAsync(Guid id, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.OffersResources(user), "Resource_CannotOffer");
        var offer = await db.ResourceOffers.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Resource", id);
        if (offer.Withdrawn)
        {
            throw SupplyRules.OfferWithdrawn.Broken(offer.Title);
        }

        offer.Withdrawn = true;
        await db.SaveChangesAsync(ct);
        return Dto(offer);
    }

    public async Task<PagedResult<ResourceDto>> ListAsync(ResourceFilter filter, PageRequest page, CancellationToken ct)
    {
        SupplyPermissions.Require(SupplyPermissions.ReadsLists(user));
        var found = await Filtered(db.ResourceOffers.AsNoTracking(), filter).OrderByDescending(r => r.PostedAt).ToPagedAsync(page, ct);
        return new PagedResult<ResourceDto>([.. found.Items.Select(Dto)], found.Total, found.Page, found.PageSize);
    }

    /// <summary>Public offers still available, for anyone.</summary>
    public async Task<PagedResult<ResourceDto>> PublicListAsync(ResourceFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var system = SystemScope.Begin(scopes);
        var all = system.ServiceProvider.GetRequiredService<SupplyDbContext>();
        var found = await Filtered(all.ResourceOffers.AsNoTracking().Where(r => r.Public && !r.Withdrawn), filter)
            .OrderByDescending(r => r.PostedAt).ToPagedAsync(page, ct);
        return new PagedResult<ResourceDto>([.. found.Items.Select(Dto)], found.Total, found.Page, found.PageSize);
    }

    private static IQueryable<ResourceOffer> Filtered(IQueryable<ResourceOffer> query, ResourceFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(r => r.Title.Contains(q) || r.Description.Contains(q) || r.Provider.Contains(q));
        }

        if (Enum.TryParse<ResourceKind>(filter.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            var prefix = region.Length == 12 ? region : region[..Math.Min(region.Length, 9)];
            query = query.Where(r => r.RegionCode.StartsWith(prefix));
        }

        return query;
    }

    private static ResourceDto Dto(ResourceOffer r) => new(
        r.Id, r.Kind.ToString(), SupplyText.Get("ResourceKind_" + r.Kind), r.Title, r.Description, r.Provider, r.ProviderKind.ToString(),
        SupplyText.Get("ProviderKind_" + r.ProviderKind), r.RegionCode, r.RegionName, r.Quantity, r.AvailableFrom, r.AvailableTo, r.Public,
        r.Withdrawn, r.PostedAt);
}
