using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Tests;

public class PersonalDataTests
{
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Protect_RoundTrips_AndHidesThePlaintext()
    {
        var protector = new PersonalDataProtector(new Dictionary<string, byte[]> { ["k1"] = Key1 }, "k1");
        var stored = protector.Protect("11010519491231002X");
        stored.ShouldStartWith("v1:k1:");
        stored.ShouldNotContain("19491231");
        protector.Protect("11010519491231002X").ShouldNotBe(stored); // a fresh nonce every time
        protector.Unprotect(stored).ShouldBe("11010519491231002X");
    }

    [Fact]
    public void Unprotect_TamperedValue_Throws()
    {
        var protector = new PersonalDataProtector(new Dictionary<string, byte[]> { ["k1"] = Key1 }, "k1");
        var stored = protector.Protect("秘密");
        var bytes = Convert.FromBase64String(stored.Split(':')[2]);
        bytes[^1] ^= 1;
        Should.Throw<CryptographicException>(() => protector.Unprotect("v1:k1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void KeyRotation_OldValuesStillRead_BlindIndexUnchanged()
    {
        var before = new PersonalDataProtector(new Dictionary<string, byte[]> { ["k1"] = Key1 }, "k1");
        var after = new PersonalDataProtector(new Dictionary<string, byte[]> { ["k1"] = Key1, ["k2"] = Key2 }, "k2");
        var old = before.Protect("320571200011220011");
        after.Unprotect(old).ShouldBe("320571200011220011");
        after.Protect("x").ShouldStartWith("v1:k2:");
        after.BlindIndex("320571200011220011").ShouldBe(before.BlindIndex("320571200011220011"));
        after.BlindIndex("320571200011220011").ShouldNotBe(after.BlindIndex("320571200011220029"));
    }

    private sealed class Person : IUserOwned
    {
        public Guid Id { get; set; }

        public string OwnerUserId { get; set; } = "";

        [Encrypted]
        public string IdNumber { get; set; } = "";

        public string IdNumberIndex { get; set; } = "";
    }

    private sealed class PeopleContext(DbContextOptions options) : YilianDbContext(options, new Unrestricted())
    {
        protected override string TablePrefix => "test_";

        public DbSet<Person> People => Set<Person>();

        protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.Entity<Person>();

        private sealed class Unrestricted : IDataScopeProvider
        {
            public DataScope Current => DataScope.Unrestricted;
        }
    }

    [Fact]
    public async Task EncryptedProperty_IsCipherTextInTheDatabase_AndFoundByBlindIndex()
    {
        PersonalDataProtector.Current ??= new PersonalDataProtector(new Dictionary<string, byte[]> { ["k1"] = Key1 }, "k1");
        var protector = PersonalDataProtector.Current;
        var file = Path.Combine(Path.GetTempPath(), $"pd-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder().UseSqlite($"Data Source={file}").Options;
        try
        {
            await using (var db = new PeopleContext(options))
            {
                await db.Database.EnsureCreatedAsync(); // throwaway schema for a model-only test
                db.People.Add(new Person { Id = Guid.NewGuid(), OwnerUserId = "u", IdNumber = "11010519491231002X", IdNumberIndex = protector.BlindIndex("11010519491231002X") });
                await db.SaveChangesAsync();
            }

            await using (var db = new PeopleContext(options))
            {
                var raw = await db.Database.SqlQueryRaw<string>("SELECT \"IdNumber\" AS \"Value\" FROM test_people").SingleAsync();
                raw.ShouldStartWith("v1:");
                raw.ShouldNotContain("1101051949");
                var index = protector.BlindIndex("11010519491231002X");
                var found = await db.People.SingleAsync(p => p.IdNumberIndex == index);
                found.IdNumber.ShouldBe("11010519491231002X");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
