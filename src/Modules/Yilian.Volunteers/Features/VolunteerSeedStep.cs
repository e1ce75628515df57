using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;
using Yilian.Volunteers.Data;
using Yilian.Volunteers.Domain;

namespace Yilian.Volunteers.Features;

/// <summary>Seed step 110 (after accounts): the demo volunteer account gets its volunteer profile, with consent recorded.</summary>
internal sealed class VolunteerSeedStep(VolunteersDbContext db, IAccountDirectory accounts) : ISeedStep
{
    public int Order => 110;

    public string Name => "volunteers";

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Size != SeedSize.Demo || await db.Volunteers.AnyAsync(ct) || await accounts.FindByUserNameAsync("volunteer", ct) is not { } account
            || PersonalDataProtector.Current is not { } protector || context.Communities.Count == 0)
        {
            return;
        }

        var random = context.RandomFor(Name);
        var birth = new DateOnly(1998, 5, 12);
        var id = FakeChinese.IdNumber(random, context.Communities[0][..6], birth);
        var phone = FakeChinese.Mobile(random);
        var volunteer = new Volunteer
        {
            Id = FakeChinese.Id(random), OwnerUserId = account.Id, RegionCode = context.Communities[0], Number = "V320571261122000001", RealName = "马小慧",
            IdNumber = id, IdNumberIndex = protector.BlindIndex(id), Phone = phone, PhoneIndex = protector.BlindIndex(phone), BirthDate = birth,
            Skills = "first-aid,it", Tags = "周末有空", RegisteredAt = DateTimeOffset.UtcNow,
        };
        db.Volunteers.Add(volunteer);
        db.Consents.Add(new Consent
        {
            Id = FakeChinese.Id(random), VolunteerId = volunteer.Id, OwnerUserId = account.Id, RegionCode = volunteer.RegionCode, Kind = ConsentKind.SensitiveData,
            TextVersion = Registration.ConsentVersion, GivenAt = volunteer.RegisteredAt,
        });
        await db.SaveChangesAsync(ct);
    }
}
