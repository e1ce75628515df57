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
/// Seed step 105 (after accounts; the living demo only), through the real handlers acting as the demo people: the two
/// demo organizations each ask for a registration change, so the regulator has reviews waiting; the operator runs an
/// incubator with two organizations, a steward and the demo mentor — one advised this week, one waiting for advice.
/// </summary>
internal sealed class LivingOrganizationsSeedStep(OrganizationsDbContext db, IActAs actAs, IConfiguration config, TimeProvider clock) : ISeedStep
{
    public int Order => 105;

    public string Name => "living-organizations";

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

        if (context.Organizations.Count >= 4)
        {
            await IncubateAsync(context, ct);
        }
    }

    private async Task IncubateAsync(SeedContext context, CancellationToken ct)
    {
        var (advised, waiting) = await actAs.RunAsync("operator", async sp =>
        {
            var incubations = sp.GetRequiredService<Incubations>();
            var incubator = await incubations.CreateIncubatorAsync(new CreateIncubatorRequest("园区公益创新园", IncubatorKind.Platform, null), ct);
            var first = await incubations.IncubateAsync(incubator, new IncubateRequest(context.Organizations[2].Id, null, "operator", ["mentor"]), ct);
            var second = await incubations.IncubateAsync(incubator, new IncubateRequest(context.Organizations[3].Id, null, "operator", ["mentor"]), ct);
            return (first, second);
        }, ct);

        // Both entered two months ago (history before today is dated directly; the handler stamps the present).
        var entered = clock.GetUtcNow().AddDays(-60);
        foreach (var incubation in await db.Incubations.Where(i => i.Id == advised || i.Id == waiting).ToListAsync(ct))
        {
            incubation.EnteredAt = entered;
        }

        // The seed's context runs without automatic change detection (bulk organizations): detect these edits by hand.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await actAs.RunAsync("mentor", async sp =>
        {
            await sp.GetRequiredService<Incubations>().AddNoteAsync(advised, new NoteRequest("本周辅导：梳理了项目预算与执行进度，建议下月前补齐志愿者保险材料。"), ct);
            return true;
        }, ct);
    }
}
