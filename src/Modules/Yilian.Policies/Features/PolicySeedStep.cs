using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Yilian.Platform.Contracts;
using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Imports;
using Yilian.Policies.Screening;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Policies.Features;

/// <summary>
/// Seed step 120 (demo only): about forty households in the first communities, brought in the way an
/// operator would — a household-registration file, then civil affairs', the disabled persons' federation's
/// and health insurance's files (with one disagreement) — and one screening, so the 政策找人 pages show leads.
/// </summary>
internal sealed class PolicySeedStep(PoliciesDbContext db, ResidentImport import, Screenings screenings, IActAs actAs, IConfiguration config) : ISeedStep
{
    public int Order => 120;

    public string Name => "residents";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || !config.GetValue("Policies:DemoResidents", true) || context.Communities.Count == 0 || await db.Residents.AnyAsync(ct))
        {
            return;
        }

        var random = context.RandomFor(Name);
        var today = new DateOnly(2026, 11, 1);
        var registry = new StringBuilder("身份证号,姓名,户号,户籍地区划代码,与户主关系\n");
        var civil = new StringBuilder("身份证号,特殊身份,家庭人均月收入,家庭人均金融资产,家庭人口,拥有机动车,有赡养人,正在享受政策\n");
        var disabled = new StringBuilder("身份证号,残疾类别,残疾等级,需要长期照护\n");
        var health = new StringBuilder("身份证号,患重特大疾病,需要长期照护\n");
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 0; h < 40; h++)
        {
            var community = context.Communities[h % Math.Min(4, context.Communities.Count)];
            var size = random.Next(1, 5);
            var income = random.Next(10) switch { < 3 => random.Next(300, 1150), < 5 => random.Next(1150, 1725), _ => random.Next(1725, 9000) };
            var receives = income < 1150 && random.Next(2) == 0;
            for (var m = 0; m < size; m++)
            {
                var birth = new DateOnly(m == 0 ? random.Next(1936, 1990) : random.Next(1950, 2022), random.Next(1, 13), random.Next(1, 29));
                string id;
                do
                {
                    id = FakeChinese.IdNumber(random, community[..6], birth);
                }
                while (!taken.Add(id));

                registry.Append(CultureInfo.InvariantCulture, $"{id},{FakeChinese.PersonName(random)},D{h + 1:000},{community},{(m == 0 ? "户主" : "家庭成员")}\n");
                var status = receives ? "低保" : random.Next(12) switch { 0 => "退役军人", 1 => "低保边缘", _ => "" };
                civil.Append(CultureInfo.InvariantCulture, $"{id},{status},{income},{random.Next(0, 60000)},{size},{(random.Next(5) == 0 ? "是" : "否")},{(random.Next(6) == 0 ? "否" : "是")},{(receives ? "最低生活保障" : "")}\n");
                if (random.Next(6) == 0)
                {
                    disabled.Append(CultureInfo.InvariantCulture, $"{id},{FakeChinese.Pick(random, ["肢体", "视力", "听力", "智力"])},{random.Next(1, 5)},{(random.Next(3) == 0 ? "是" : "否")}\n");
                }

                if (random.Next(10) == 0)
                {
                    health.Append(CultureInfo.InvariantCulture, $"{id},是,否\n");
                }
            }
        }

        await ImportAsync("public_security", "户籍.csv", registry, today.AddDays(-20));
        await ImportAsync("civil_affairs", "民政.csv", civil, today.AddDays(-10));
        await ImportAsync("disabled_federation", "残联.csv", disabled, today.AddDays(-5));
        await ImportAsync("health_insurance", "医保.csv", health, today.AddDays(-15));
        var run = await screenings.StartAsync(new StartScreening(RunKind.Full, null), ct);
        await screenings.ExecuteAsync(run.Id, ct);
        if (config.GetValue("Demo:LivingDistrict", true))
        {
            await FollowUpAsync(ct);
        }

        async Task ImportAsync(string department, string file, StringBuilder text, DateOnly asOf)
        {
            await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
            await import.ImportAsync(department, file, stream, asOf, ct);
        }
    }

    /// <summary>The community's case worker has taken a few leads on and called two families (the real handlers, as the officer).</summary>
    private Task<bool> FollowUpAsync(CancellationToken ct) =>
        actAs.RunAsync("officer", async sp =>
        {
            var candidates = sp.GetRequiredService<Candidates>();
            var assignment = sp.GetRequiredService<CandidateAssignment>();
            var followUps = sp.GetRequiredService<CandidateOutcomes>();
            var open = await candidates.ListAsync(null, CandidateStatus.Open, null, 1, ct);
            var outcomes = new (CandidateStatus? Status, string? Note)[]
            {
                (CandidateStatus.Contacted, "已电话联系，约定下周上门核实家庭收入。"),
                (CandidateStatus.Applied, "已协助提交申请材料，等待街道审核。"),
                (null, null),
                (null, null),
            };
            foreach (var (lead, outcome) in open.Items.Take(outcomes.Length).Zip(outcomes))
            {
                await assignment.ClaimAsync(lead.Id, ct);
                if (outcome.Status is not null)
                {
                    await followUps.RecordAsync(lead.Id, new OutcomeRequest(outcome.Status, outcome.Note), ct);
                }
            }

            return true;
        }, ct);
}
