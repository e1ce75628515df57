using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Organizations.Features;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Organizations.Seeding;

/// <summary>
/// Seed step 105 (after accounts; the living demo only): the two demo organizations each ask for a registration change
/// through the real handler, acting as their admins, so the regulator has reviews waiting.
/// </summary>
internal sealed class RegistrationChangeSeedStep(OrganizationsDbContext db, IActAs actAs, IConfiguration config) : ISeedStep
{
    public int Order => 105;

    public string Name => "registration-changes";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || !config.GetValue("Demo:LivingDistrict", true) || context.Organizations.Count < 2
            || await db.Changes.AnyAsync(c => c.Status == ChangeStatus.Pending, ct))
        {
            return;
        }

        (string Admin, int Organization, UpdateOrganizationRequest Change)[] requests =
        [
            ("orgadmin", 0, new UpdateOrganizationRequest { LegalRepresentative = "林慧敏" }),
            ("orgadmin2", 1, new UpdateOrganizationRequest { RegistrationAuthority = "苏州工业园区社会事业局" }),
        ];
        foreach (var (admin, index, change) in requests)
        {
            await actAs.RunAsync(admin, sp => sp.GetRequiredService<UpdateOrganization>().HandleAsync(context.Organizations[index].Id, change, ct), ct);
        }
    }
}
