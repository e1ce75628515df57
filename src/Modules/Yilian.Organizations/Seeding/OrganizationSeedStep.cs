using Microsoft.EntityFrameworkCore;

using Yilian.Organizations.Data;
using Yilian.Organizations.Domain;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Organizations.Seeding;

/// <summary>Seed step 10: 15 organizations in demo size (as in the articles); 10,000 (Ningbo's count) in district size.</summary>
internal sealed class OrganizationSeedStep(OrganizationsDbContext db, IDictionaries dictionaries) : ISeedStep
{
    public int Order => 10;

    public string Name => "organizations";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(ct))
        {
            context.Organizations.AddRange(await db.Organizations.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
                .Select(o => new SeededOrganization(o.Id, o.Name, o.RegionCode)).ToListAsync(ct));
            return;
        }

        var fields = (await dictionaries.ListAsync(DictionaryTypes.ServiceField, includeInactive: false, ct)).Select(f => f.Code).ToList();
        var random = context.RandomFor(Name);
        var count = context.Size == SeedSize.Demo ? 15 : 10_000;
        // Registration dates count back from a fixed day so the same seed gives the same data.
        var anchor = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var codes = new HashSet<string>();
        var names = new HashSet<string>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var type = (OrganizationType)(1 + random.Next(3));
            string code;
            do
            {
                code = FakeChinese.CreditCode(random, type switch { OrganizationType.SocialGroup => '1', OrganizationType.Foundation => '3', _ => '2' }, "320571");
            }
            while (!codes.Add(code));

            var community = context.Communities[random.Next(context.Communities.Count)];
            var org = new Organization
            {
                Id = FakeChinese.Id(random),
                Name = FakeChinese.OrganizationName(random, "园区", 0),
                CreditCode = code,
                Type = type,
                RegionCode = community,
                LegalRepresentative = FakeChinese.PersonName(random),
                Address = FakeChinese.Address(random, "苏州工业园区"),
                ContactPhone = FakeChinese.Mobile(random),
                CreatedAt = anchor.AddDays(-random.Next(0, 3650)),
                RegistrationAuthority = "苏州工业园区社会事业局",
                RegisteredOn = DateOnly.FromDateTime(anchor.AddDays(-random.Next(365, 3650)).DateTime),
                ServiceFieldCodes = string.Join(',', fields.OrderBy(_ => random.Next()).Take(random.Next(1, 4))),
                Grade = (EvaluationGrade)random.Next(0, 6),
                IsCharity = random.Next(4) == 0,
            };
            org.GradeAwardedOn = org.Grade == EvaluationGrade.None ? null : DateOnly.FromDateTime(anchor.AddDays(-random.Next(0, 1800)).DateTime);
            org.HasPublicFundraising = org.IsCharity && type == OrganizationType.Foundation;
            for (var year = 2023; year <= 2025; year++)
            {
                var roll = random.Next(20);
                org.AnnualReports.Add(new AnnualReport
                {
                    Id = FakeChinese.Id(random), OrganizationId = org.Id, RegionCode = community, Year = year,
                    Result = roll == 0 ? AnnualResult.Unqualified : roll < 4 ? AnnualResult.BasicallyQualified : AnnualResult.Qualified,
                });
            }
            if (!names.Add(org.Name))
            {
                org.Name = $"{org.Name[..^2]}{i + 1}{org.Name[^2..]}";
                names.Add(org.Name);
            }

            org.ServiceAreaCodes = community;
            org.Latitude = 31.30 + (random.NextDouble() * 0.08);
            org.Longitude = 120.66 + (random.NextDouble() * 0.12);
            db.Organizations.Add(org);
            if (context.Size == SeedSize.Demo)
            {
                for (var k = 0; k < 3; k++)
                {
                    var level = (CertificateLevel)random.Next(0, 4);
                    db.Staff.Add(new StaffMember
                    {
                        Id = FakeChinese.Id(random), OrganizationId = org.Id, RegionCode = community, Name = FakeChinese.PersonName(random),
                        Title = k == 0 ? "项目主管" : "社工", Certificate = level,
                        CertificateNumber = level == CertificateLevel.None ? null : $"SW{random.Next(100000, 999999)}", Phone = FakeChinese.Mobile(random),
                    });
                }
            }
            context.Organizations.Add(new SeededOrganization(org.Id, org.Name, org.RegionCode));
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
