using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Contracts;
using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.SharedKernel.Security;

namespace Yilian.Organizations.Features;

internal sealed class IncubatorIntake(Incubations incubations, OrganizationsDbContext db, ICurrentUser user) : IIncubatorIntake
{
    public async Task<IReadOnlyList<IncubatorChoice>> IncubatorsAsync(CancellationToken ct) =>
        [.. (await incubations.IncubatorsAsync(ct)).Select(i => new IncubatorChoice(i.Id, i.Name))];

    public async Task<Guid> AdmitAsync(Guid incubatorId, Guid organizationId, Guid projectId, CancellationToken ct) =>
        await db.Incubations.Where(i => i.OrganizationId == organizationId && i.ProjectId == projectId
            && i.Status == IncubationStatus.Active).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct)
        ?? await incubations.IncubateAsync(incubatorId, new IncubateRequest(organizationId, projectId, user.UserName, []), ct);
}
