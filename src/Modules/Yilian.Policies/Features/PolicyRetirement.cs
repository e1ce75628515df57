using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;

namespace Yilian.Policies;

public sealed record RetireRequest(string? Note);

/// <summary>
/// Takes a policy out of force — a shipped sample the district does not use, or one of its own replaced by another —
/// by recording a new version that retires it: the versions before stay, leads and runs keep the version that found
/// them, and publishing a higher version later brings it back. A policy others still refer to cannot be retired.
/// </summary>
internal sealed class PolicyRetirement(PoliciesDbContext db, PolicyCatalog catalog, TimeProvider clock, ICurrentUser user)
{
    public async Task<PolicyVersionInfo> RetireAsync(string id, string? note, CancellationToken ct)
    {
        if (note is { Length: > 500 })
        {
            throw InputValidationException.For("note", PolicyText.Get("Retire_NoteTooLong", 500));
        }

        var current = await catalog.CurrentAsync(ct);
        var policy = current.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException("Policy", id);
        var users = current.Where(p => p.Id != id && PolicyParser.References(p.Conditions).Any(r => r.PolicyId == id))
            .Select(p => p.Name).ToList();
        if (users.Count > 0)
        {
            throw PolicyRules.PolicyInUse.Broken(policy.Name, string.Join("、", users));
        }

        var version = new PolicyVersion
        {
            Id = Guid.NewGuid(), PolicyId = id, Version = catalog.HighestVersion(id) + 1, Text = catalog.Text(id, policy.Version) ?? "",
            PublishedBy = user.UserName ?? "system", PublishedAt = clock.GetUtcNow(), Retired = true,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.Versions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw PolicyRules.PolicyVersionTaken.Broken(id, version.Version);
        }

        await catalog.ReloadAsync(ct);
        return new PolicyVersionInfo(id, policy.Name, version.Version, version.PublishedBy, version.PublishedAt, version.Note);
    }
}
