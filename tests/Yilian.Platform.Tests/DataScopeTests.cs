using Microsoft.EntityFrameworkCore;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Platform.Tests;

/// <summary>The scope filter is applied by the base DbContext, and a module cannot forget it.</summary>
public class DataScopeTests
{
    private sealed class Note : IRegionScoped, IOrganizationScoped
    {
        public Guid Id { get; set; }

        public string RegionCode { get; set; } = "";

        public Guid OrganizationId { get; set; }
    }

    private sealed class Forgotten
    {
        public Guid Id { get; set; }
    }

    private sealed class FixedScope(DataScope scope) : IDataScopeProvider
    {
        public DataScope Current => scope;
    }

    private sealed class NotesContext(DbContextOptions options, IDataScopeProvider scope) : YilianDbContext(options, scope)
    {
        protected override string TablePrefix => "test_";

        public DbSet<Note> Notes => Set<Note>();

        protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>();
    }

    // A separate type: EF caches one model per context type.
    private sealed class ForgetfulContext(DbContextOptions options, IDataScopeProvider scope) : YilianDbContext(options, scope)
    {
        protected override string TablePrefix => "test_";

        protected override void ConfigureModule(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Note>();
            modelBuilder.Entity<Forgotten>();
        }
    }

    private static readonly Guid OrgA = Guid.NewGuid();
    private static readonly Guid OrgB = Guid.NewGuid();

    private static async Task<List<Note>> VisibleAsync(string connection, DataScope scope)
    {
        var options = new DbContextOptionsBuilder().UseSqlite(connection).Options;
        await using var db = new NotesContext(options, new FixedScope(scope));
        return await db.Notes.ToListAsync();
    }

    [Fact]
    public async Task Filter_CombinesRegionOrganizationAndNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"scope-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file}";
        try
        {
            var options = new DbContextOptionsBuilder().UseSqlite(connection).Options;
            await using (var db = new NotesContext(options, new FixedScope(DataScope.Unrestricted)))
            {
                await db.Database.EnsureCreatedAsync(); // throwaway schema for a model-only test
                db.Notes.AddRange(
                    new Note { Id = Guid.NewGuid(), RegionCode = "320571001001", OrganizationId = OrgA },
                    new Note { Id = Guid.NewGuid(), RegionCode = "320571001002", OrganizationId = OrgB },
                    new Note { Id = Guid.NewGuid(), RegionCode = "320571002001", OrganizationId = OrgB },
                    new Note { Id = Guid.NewGuid(), RegionCode = "320582001001", OrganizationId = OrgB });
                await db.SaveChangesAsync();
            }

            (await VisibleAsync(connection, DataScope.Unrestricted)).Count.ShouldBe(4);
            (await VisibleAsync(connection, DataScope.Nothing)).ShouldBeEmpty();
            (await VisibleAsync(connection, new DataScope { Districts = ["320571"] })).Count.ShouldBe(3);
            (await VisibleAsync(connection, new DataScope { Streets = ["320571001"] })).Count.ShouldBe(2);
            (await VisibleAsync(connection, new DataScope { Communities = ["320571001002"] })).Single().OrganizationId.ShouldBe(OrgB);
            (await VisibleAsync(connection, new DataScope { Organizations = [OrgA] })).Single().RegionCode.ShouldBe("320571001001");
            (await VisibleAsync(connection, new DataScope { Organizations = [OrgA], Streets = ["320571002"] })).Count.ShouldBe(2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void Model_EntityWithoutScope_FailsToBuild()
    {
        var options = new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:").Options;
        using var db = new ForgetfulContext(options, new FixedScope(DataScope.Nothing));
        Should.Throw<InvalidOperationException>(() => _ = db.Model).Message.ShouldContain("Forgotten has no data scope");
    }
}
