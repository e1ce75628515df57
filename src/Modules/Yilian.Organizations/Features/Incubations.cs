using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Resources;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Organizations.Features;

public sealed record CreateIncubatorRequest(string? Name, IncubatorKind? Kind, string? RegionCode);

public sealed record IncubateRequest(Guid? OrganizationId, Guid? ProjectId, string? Steward, List<string>? Mentors);

public sealed record NoteRequest(string? Text);

public sealed record IncubatorDto(Guid Id, string Name, IncubatorKind Kind, string? RegionCode);

public sealed record AdviceNoteDto(string Author, string Text, DateTimeOffset CreatedAt);

public sealed record IncubationDto(Guid Id, Guid IncubatorId, Guid OrganizationId, string OrganizationName, Guid? ProjectId, string StewardName, string[] Mentors,
    IncubationStatus Status, DateTimeOffset EnteredAt, DateTimeOffset? GraduatedAt, IReadOnlyList<AdviceNoteDto> Notes);

/// <summary>
/// Incubators, who is in them, their steward and mentors. Assigning a mentor grants the Mentor role scoped
/// to the organization, so the usual data scope lets mentors see that organization's projects.
/// </summary>
internal sealed class Incubations(OrganizationsDbContext db, IAccountDirectory accounts, IOrganizationProjects projects, IRegionDirectory regions, ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> CreateIncubatorAsync(CreateIncubatorRequest request, CancellationToken ct)
    {
        RequireOperator();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || TextRules.Check(name, 100, false, false) is not null)
        {
            throw InputValidationException.For("name", OrgText.Get("Incubator_Name"));
        }

        if (request.Kind == IncubatorKind.SubPlatform && (request.RegionCode is null || (await regions.FindAsync(request.RegionCode, ct))?.Level != 3))
        {
            throw InputValidationException.For("regionCode", OrgText.Get("Incubator_Street"));
        }

        var incubator = new Incubator { Id = Guid.CreateVersion7(), Name = name, Kind = request.Kind ?? IncubatorKind.Platform, RegionCode = request.Kind == IncubatorKind.SubPlatform ? request.RegionCode : null };
        db.Incubators.Add(incubator);
        await db.SaveChangesAsync(ct);
        return incubator.Id;
    }

    public async Task<IReadOnlyList<IncubatorDto>> IncubatorsAsync(CancellationToken ct) =>
        await db.Incubators.AsNoTracking().OrderBy(i => i.Name).Select(i => new IncubatorDto(i.Id, i.Name, i.Kind, i.RegionCode)).ToListAsync(ct);

    public async Task<Guid> IncubateAsync(Guid incubatorId, IncubateRequest request, CancellationToken ct)
    {
        RequireOperator();
        _ = await db.Incubators.FirstOrDefaultAsync(i => i.Id == incubatorId, ct) ?? throw new NotFoundException("Incubator", incubatorId);
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == request.OrganizationId, ct)
            ?? throw InputValidationException.For("organizationId", OrgText.Get("Incubation_Organization"));
        if (request.ProjectId is { } projectId && (await projects.FindProjectAsync(projectId, ct))?.OrganizationId != org.Id)
        {
            throw InputValidationException.For("projectId", OrgText.Get("Incubation_Project"));
        }

        var steward = request.Steward is null ? null : await accounts.FindByUserNameAsync(request.Steward, ct);
        if (steward is null || !steward.Roles.Contains(Roles.PlatformOperator))
        {
            throw InputValidationException.For("steward", OrgText.Get("Incubation_Steward"));
        }

        var mentors = new List<AccountRef>();
        foreach (var name in (request.Mentors ?? []).Distinct())
        {
            var mentor = await accounts.FindByUserNameAsync(name, ct);
            if (mentor is null || !mentor.Roles.Contains(Roles.Mentor))
            {
                throw InputValidationException.For("mentors", OrgText.Get("Incubation_Mentor", name));
            }

            mentors.Add(mentor);
        }

        if (await db.Incubations.AnyAsync(i => i.OrganizationId == org.Id && i.ProjectId == request.ProjectId && i.Status == IncubationStatus.Active, ct))
        {
            throw OrganizationRules.AlreadyIncubated.Broken();
        }

        var incubation = new Incubation
        {
            Id = Guid.CreateVersion7(), IncubatorId = incubatorId, OrganizationId = org.Id, OrganizationName = org.Name, RegionCode = org.RegionCode, ProjectId = request.ProjectId,
            StewardUserId = steward.Id, StewardName = steward.DisplayName, Mentors = string.Join(',', mentors.Select(m => m.UserName)), EnteredAt = clock.GetUtcNow(),
        };
        db.Incubations.Add(incubation);
        await db.SaveChangesAsync(ct);

        // After the incubation exists: a failed grant can be retried, and no mentor sees an organization that is not incubated.
        foreach (var mentor in mentors)
        {
            await accounts.GrantAsync(mentor.Id, Roles.Mentor, ScopeKind.Organization, org.Id, null, ct);
        }

        return incubation.Id;
    }

    public async Task AddNoteAsync(Guid incubationId, NoteRequest request, CancellationToken ct)
    {
        var incubation = await db.Incubations.FirstOrDefaultAsync(i => i.Id == incubationId, ct) ?? throw new NotFoundException("Incubation", incubationId);
        var mayAdvise = incubation.StewardUserId == user.UserId || incubation.Mentors.Split(',').Contains(user.UserName) || OrganizationPermissions.RunsIncubators(user);
        if (!mayAdvise)
        {
            throw new ForbiddenException(OrgText.Get("Incubation_NotAdvisor"));
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || TextRules.Check(text, 2000, multiline: true, allowMarkup: true) is not null)
        {
            throw InputValidationException.For("text", OrgText.Get("Incubation_Note"));
        }

        db.AdviceNotes.Add(new AdviceNote
        {
            Id = Guid.CreateVersion7(), IncubationId = incubationId, OrganizationId = incubation.OrganizationId, RegionCode = incubation.RegionCode,
            Author = user.UserName ?? "system", Text = text, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task GraduateAsync(Guid incubationId, CancellationToken ct)
    {
        RequireOperator();
        var incubation = await db.Incubations.FirstOrDefaultAsync(i => i.Id == incubationId, ct) ?? throw new NotFoundException("Incubation", incubationId);
        if (incubation.Status == IncubationStatus.Graduated)
        {
            throw OrganizationRules.AlreadyGraduated.Broken();
        }

        incubation.Status = IncubationStatus.Graduated;
        incubation.GraduatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<IncubationDto>> ListAsync(Guid? organizationId, CancellationToken ct)
    {
        var rows = await db.Incubations.AsNoTracking().Include(i => i.Notes).Where(i => organizationId == null || i.OrganizationId == organizationId)
            .OrderByDescending(i => i.EnteredAt).Take(500).ToListAsync(ct);
        return [.. rows.Select(i => new IncubationDto(i.Id, i.IncubatorId, i.OrganizationId, i.OrganizationName, i.ProjectId, i.StewardName,
            i.Mentors.Split(',', StringSplitOptions.RemoveEmptyEntries), i.Status, i.EnteredAt, i.GraduatedAt,
            [.. i.Notes.OrderBy(n => n.CreatedAt).Select(n => new AdviceNoteDto(n.Author, n.Text, n.CreatedAt))]))];
    }

    private void RequireOperator()
    {
        if (!OrganizationPermissions.Oversees(user))
        {
            throw new ForbiddenException(OrgText.Get("Incubation_OperatorsOnly"));
        }
    }
}
