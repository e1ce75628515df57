using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yilian.Platform.Auditing;
using Yilian.Platform.Contracts;
using Yilian.Platform.Identity;
using Yilian.Platform.Seeding;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Web.Cli;

/// <summary>
/// Operations commands run by the same executable: <c>dotnet run --project src/Yilian.Web -- &lt;command&gt;</c>.
/// A hand-rolled parser: seven commands with a few options each do not justify a parsing library.
/// </summary>
internal static class Commands
{
    private static readonly string[] Names =
    [
        "migrate", "seed", "seed-calendar", "seed-finance", "finance-nightly", "seed-supply", "seed-search", "seed-volunteers",
        "seed-residents", "screen",
            "import-residents", "publish-dictionary", "create-admin",
        "import-regions", "audit-verify", "backup", "restore", "help",
    ];

    public static string[] HostArguments(string[] args) => IsCommand(args) ? [.. args.Skip(1).Where(a => !a.StartsWith("--",
        StringComparison.Ordinal) || a.Contains('=', StringComparison.Ordinal))] : args;

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = ParseOptions(args.Skip(1).ToArray());
        var ct = CancellationToken.None;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await MigrateAsync(app, ct);
                    Console.WriteLine("Migrations applied.");
                    return 0;
                case "seed":
                    await MigrateAsync(app, ct);
                    var size = Get(options, "size", "demo") == "district" ? SeedSize.District : SeedSize.Demo;
                    var seed = int.Parse(Get(options, "seed", "20261122"), CultureInfo.InvariantCulture);
                    var started = TimeProvider.System.GetTimestamp();
                    await app.Services.GetRequiredService<Seeder>().RunAsync(size, seed, ct);
                    // The host's sealer is not running here: seal what the seed wrote, so a server starts on a whole chain
                    // instead of sealing a district's worth of entries while it serves its first users.
                    var sealedEntries = await app.Services.GetRequiredService<Yilian.Platform.Auditing.AuditChain>().SealPendingAsync(ct);
                    var took = TimeProvider.System.GetElapsedTime(started);
                    Console.WriteLine($"Seeded {size} data (seed {seed}) in {took:g}; {sealedEntries} audit entries sealed.");
                    return 0;
                case "seed-calendar":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var communities = (await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().CommunitiesAsync(ct)).Select(c => c.Code).ToList();
                        var watch = TimeProvider.System.GetTimestamp();
                        var written = await scope.ServiceProvider.GetRequiredService<Yilian.Activities.Seeding.CalendarScaleSeeder>().RunAsync(
                            communities, int.Parse(Get(options, "venues", "3000"), CultureInfo.InvariantCulture), int.Parse(Get(options,
                                "bookings", "1000000"), CultureInfo.InvariantCulture), 20261122, ct);
                        Console.WriteLine($"Calendar scale data: {written} bookings in {TimeProvider.System.GetElapsedTime(watch):g}.");
                    }

                    return 0;
                case "seed-finance":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var communities = (await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().CommunitiesAsync(ct))
                            .Select(c => c.Code).ToList();
                        var watch = TimeProvider.System.GetTimestamp();
                        var written = await scope.ServiceProvider.GetRequiredService<Yilian.Finance.Seeding.FinanceScaleSeeder>().RunAsync(
                            communities, Int(options, "organizations", 2000), Int(options, "expenses", 200_000), Int(options,
                                "charity-projects", 200),
                            Int(options, "donations", 400_000), 20261204, ct);
                        Console.WriteLine($"Finance scale data: {written} in {TimeProvider.System.GetElapsedTime(watch):g}.");
                    }

                    return 0;
                case "seed-supply":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var sp = scope.ServiceProvider;
                        var communities = (await sp.GetRequiredService<IRegionDirectory>().CommunitiesAsync(ct)).Select(c => c.Code)
                            .ToList();
                        var fields = (await sp.GetRequiredService<IDictionaries>().ListAsync(DictionaryTypes.ServiceField,
                            includeInactive: false, ct)).Select(f => f.Code).ToList();
                        // The district seed's organizations (the host may read every module; the seeder only takes ids and places).
                        var organizations = (await sp.GetRequiredService<Yilian.Organizations.Data.OrganizationsDbContext>().Organizations
                            .AsNoTracking().Select(o => new { o.Id, o.RegionCode }).ToListAsync(ct)).Select(o => (o.Id, o.RegionCode))
                            .ToList();
                        var watch = TimeProvider.System.GetTimestamp();
                        var written = await sp.GetRequiredService<Yilian.Supply.Seeding.SupplyScaleSeeder>().RunAsync(organizations,
                            communities, fields, Int(options, "projects", 30_000), Int(options, "needs", 5_000), 20261204, ct);
                        Console.WriteLine($"Supply scale data: {written} for {organizations.Count} organizations in "
                            + $"{TimeProvider.System.GetElapsedTime(watch):g}.");
                    }

                    return 0;
                case "seed-search":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var sp = scope.ServiceProvider;
                        var head = await sp.GetRequiredService<Yilian.Discovery.Data.DiscoveryDbContext>().AuditEntries
                            .MaxAsync(e => e.Sequence, ct) ?? 0;
                        var watch = TimeProvider.System.GetTimestamp();
                        var count = Int(options, "documents", 1_000_000);
                        var done = await sp.GetRequiredService<Yilian.Discovery.Seeding.SearchScaleSeeder>().RunAsync(count, 20261205,
                            head, ct);
                        Console.WriteLine(done ? $"Search index: {count} documents in {TimeProvider.System.GetElapsedTime(watch):g}."
                            : "The search index was being written by a running instance; stop it and try again.");
                        return done ? 0 : 1;
                    }

                case "finance-nightly":
                    await MigrateAsync(app, ct);
                    {
                        var watch = TimeProvider.System.GetTimestamp();
                        var organizations = await SystemScope.WithAsync<Yilian.Finance.Features.FinanceWarnings, int>(app.Services,
                            w => w.ReEvaluateAllAsync(ct));
                        Console.WriteLine($"Finance warnings re-evaluated for {organizations} organizations in {TimeProvider.System.GetElapsedTime(watch):g}.");
                    }

                    return 0;
                case "seed-volunteers":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var communities = (await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().CommunitiesAsync(ct)).Select(c => c.Code).ToList();
                        var skills = (await scope.ServiceProvider.GetRequiredService<IDictionaries>().ListAsync(DictionaryTypes.Skill,
                            includeInactive: false, ct)).Select(s => s.Code).ToList();
                        var watch = TimeProvider.System.GetTimestamp();
                        var written = await scope.ServiceProvider.GetRequiredService<Yilian.Volunteers.Seeding.VolunteerScaleSeeder>().RunAsync(
                            communities, skills, int.Parse(Get(options, "volunteers", "30000"), CultureInfo.InvariantCulture), 20261122,
                                ct);
                        Console.WriteLine($"Volunteer scale data: {written} volunteers in {TimeProvider.System.GetElapsedTime(watch):g}.");
                    }

                    return 0;
                case "seed-residents":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var watch = TimeProvider.System.GetTimestamp();
                        var written = await scope.ServiceProvider.GetRequiredService<Yilian.Policies.Seeding.ResidentScaleSeeder>().RunAsync(
                            int.Parse(Get(options, "households", "500000"), CultureInfo.InvariantCulture), 20261122, ct);
                        Console.WriteLine($"Resident scale data: {written} residents in {TimeProvider.System.GetElapsedTime(watch):g}.");
                    }

                    return 0;
                case "screen":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        Console.WriteLine(await Yilian.Policies.Screening.ScreeningBench.RunAsync(scope.ServiceProvider,
                            DateOnly.Parse(Get(options, "date", "2026-11-22"), CultureInfo.InvariantCulture),
                                options.ContainsKey("store"), ct));
                    }

                    return 0;
                case "import-residents":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        var file = Require(options, "file");
                        await using var stream = File.OpenRead(file);
                        var watch = TimeProvider.System.GetTimestamp();
                        DateOnly? asOf = options.TryGetValue("as-of", out var d) ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null;
                        try
                        {
                            var imported = await scope.ServiceProvider.GetRequiredService<Yilian.Policies.Imports.ResidentImport>()
                                .ImportAsync(Require(options, "department"), Path.GetFileName(file), stream, asOf, ct);
                            Console.WriteLine($"Imported {imported.Rows} rows ({imported.Encoding}) from {imported.Department}: {imported.ResidentsCreated} new residents, "
                                + $"{imported.HouseholdsChanged} households, {imported.Conflicts} conflicts in {TimeProvider.System.GetElapsedTime(watch):g}.");
                            if (!options.ContainsKey("no-screen"))
                            {
                                Console.WriteLine(await ScreenTouchedAsync(scope.ServiceProvider, options, ct));
                            }
                        }
                        catch (Exception e) when (e is Yilian.SharedKernel.Errors.InputValidationException or Yilian.SharedKernel.Errors.FileTooLargeException or Yilian.SharedKernel.Errors.UnsupportedFileException)
                        {
                            Console.Error.WriteLine(e is Yilian.SharedKernel.Errors.InputValidationException v
                                ? string.Join(Environment.NewLine, v.Errors.SelectMany(x => x.Value)) : e.Message);
                            return 2;
                        }
                    }

                    return 0;
                case "publish-dictionary":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        try
                        {
                            var published = await scope.ServiceProvider.GetRequiredService<Yilian.Policies.DataDictionaryPublishing>()
                                .PublishAsync(await File.ReadAllTextAsync(Require(options, "file"), ct), ct);
                            var declared = published.Facts.Count(f => f.Declared);
                            Console.WriteLine($"Published the data dictionary, version {published.Version}: {declared} declared facts.");
                        }
                        catch (Yilian.SharedKernel.Errors.InputValidationException v)
                        {
                            Console.Error.WriteLine(string.Join(Environment.NewLine, v.Errors.SelectMany(x => x.Value)));
                            return 2;
                        }
                    }

                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(app, options, ct);
                case "import-regions":
                    await MigrateAsync(app, ct);
                    {
                        await using var scope = SystemScope.Begin(app.Services);
                        using var reader = new StreamReader(Require(options, "file"));
                        var count = await scope.ServiceProvider.GetRequiredService<RegionImporter>().ImportAsync(reader, ct);
                        Console.WriteLine($"Imported {count} regions.");
                    }

                    return 0;
                case "audit-verify":
                    var chain = app.Services.GetRequiredService<AuditChain>();
                    await chain.SealPendingAsync(ct);
                    var result = await chain.VerifyAsync(ct);
                    Console.WriteLine(result.IsIntact
                        ? $"Audit chain intact: {result.VerifiedCount} entries verified, {result.UnsealedCount} pending."
                        : $"Audit chain BROKEN at entry #{result.FirstBrokenSequence}: {result.Problem}. {result.VerifiedCount} entries before it verified.");
                    return result.IsIntact ? 0 : 3;
                case "backup":
                    return await BackupAsync(app, Get(options, "out", $"yilian-backup-{DateTime.UtcNow:yyyyMMddHHmmss}.zip"));
                case "restore":
                    return Restore(app, Require(options, "from"), options.ContainsKey("force"));
                default:
                    PrintHelp();
                    return 0;
            }
        }
        catch (InputValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            }

            return 2;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            PrintHelp();
            return 2;
        }
    }

    private static async Task MigrateAsync(WebApplication app, CancellationToken ct)
    {
        foreach (var migrator in app.Services.GetServices<IModuleMigrator>())
        {
            await migrator.MigrateAsync(app.Services, ct);
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, Dictionary<string, string> options, CancellationToken ct)
    {
        await MigrateAsync(app, ct);
        var password = options.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("YILIAN_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine();
        }

        var scopeKind = Enum.Parse<ScopeKind>(Get(options, "scope", "District"), ignoreCase: true);
        await using var scope = SystemScope.Begin(app.Services);
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var user = await accounts.CreateAsync(Require(options, "user"), Get(options, "name", Require(options, "user")), password ?? "",
            Get(options, "role", "Regulator"), scopeKind, Get(options, "region", AccountSeedStep.DistrictCode),
            options.TryGetValue("organization", out var organization) ? Guid.Parse(organization) : null, ct);
        Console.WriteLine($"Created {user.UserName} ({Get(options, "role", "Regulator")}, {scopeKind}).");
        return 0;
    }

    /// <summary>A consistent snapshot: SQLite's VACUUM INTO while Yilian may keep running, plus uploaded files and keys.</summary>
    private static async Task<int> BackupAsync(WebApplication app, string output)
    {
        var db = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("backup covers the embedded SQLite database; for PostgreSQL use pg_dump (and copy the data directory's files/ and keys/).");
            return 2;
        }

        var temp = Path.Combine(Path.GetTempPath(), $"yilian-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection(db.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $path";
                command.Parameters.AddWithValue("$path", temp);
                await command.ExecuteNonQueryAsync();
            }

            UseWal(temp);
            output = Path.GetFullPath(output);
            File.Delete(output);
            using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
            zip.CreateEntryFromFile(temp, "yilian.db");
            foreach (var folder in new[] { "files", "keys" })
            {
                var dir = Path.Combine(db.DataDirectory, folder);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                {
                    zip.CreateEntryFromFile(file, Path.GetRelativePath(db.DataDirectory, file).Replace('\\', '/'));
                }
            }

            Console.WriteLine($"Backup written to {output}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(temp);
        }
    }

    /// <summary>Replaces the data directory's database, files and keys with a backup's. Stop Yilian first.</summary>
    private static int Restore(WebApplication app, string from, bool force)
    {
        var db = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var target = Path.Combine(db.DataDirectory, "yilian.db");
        if (File.Exists(target) && !force)
        {
            Console.Error.WriteLine($"{target} exists. Stop Yilian and run again with --force to replace it.");
            return 2;
        }

        using var zip = ZipFile.OpenRead(from);
        if (zip.GetEntry("yilian.db") is null)
        {
            Console.Error.WriteLine($"{from} is not a Yilian backup (no yilian.db inside).");
            return 2;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(target + suffix);
        }

        var root = Path.GetFullPath(db.DataDirectory) + Path.DirectorySeparatorChar;
        foreach (var entry in zip.Entries)
        {
            var destination = Path.GetFullPath(Path.Combine(db.DataDirectory, entry.FullName));
            if (!destination.StartsWith(root, StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Refusing entry outside the data directory: {entry.FullName}");
                return 2;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            entry.ExtractToFile(destination, overwrite: true);
        }

        // A backup's database may be in rollback-journal mode (VACUUM INTO writes one so): switch it to WAL here, while
        // nothing else has it open, so the first start does not have to.
        UseWal(target);
        // The database is now older than the audit checkpoints taken since the backup: a deliberate rollback, not a cut.
        var anchors = app.Services.GetRequiredService<Yilian.Platform.Auditing.IAuditAnchorStore>();
        anchors.SetAsideAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"Restored {zip.Entries.Count} entries into {db.DataDirectory}");
        return 0;
    }

    private static void UseWal(string path)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = args[i][2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                options[name[..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = args[++i];
            }
            else
            {
                options[name] = "true";
            }
        }

        return options;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        int.Parse(Get(options, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string Get(Dictionary<string, string> options, string name, string fallback) =>
        options.GetValueOrDefault(name) ?? fallback;

    private static string Require(Dictionary<string, string> options, string name) =>
        options.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required.");

    /// <summary>As after an import on the page: the households it touched are screened (the screening snapshot kept current).</summary>
    private static async Task<string> ScreenTouchedAsync(IServiceProvider services, Dictionary<string, string> options,
        CancellationToken ct)
    {
        var screenings = services.GetRequiredService<Yilian.Policies.Screening.Screenings>();
        DateOnly? on = options.TryGetValue("screen-date", out var date) ? DateOnly.Parse(date, CultureInfo.InvariantCulture) : null;
        var run = await screenings.StartAsync(new(Yilian.Policies.Domain.RunKind.Incremental, on), ct);
        await screenings.ExecuteAsync(run.Id, ct);
        var done = await screenings.GetAsync(run.Id, ct);
        return $"Screened {done.Residents} residents of {done.Households} households it touched ({done.Status}): {done.New} new leads, "
            + $"{done.Lapsed} lapsed; read {done.LoadMilliseconds} ms, evaluate {done.EvaluateMilliseconds} ms, "
            + $"{(done.FinishedAt - done.StartedAt)?.TotalMilliseconds:F0} ms in all.";
    }

    private static void PrintHelp()
    {
        Console.WriteLine(HelpText);
        Console.WriteLine("  departments (--department D of import-residents; the data dictionary may declare more):");
        foreach (var department in Yilian.Policies.Imports.Departments.All)
        {
            Console.WriteLine($"    {department.Code,-22}{department.Name}");
        }
    }

    private const string HelpText = """
        Yilian commands (dotnet run --project src/Yilian.Web -- <command>):
          migrate                                   apply every module's migrations
          seed [--size demo|district] [--seed N]    generate demo or district-scale data (deterministic)
          seed-calendar [--venues 3000] [--bookings 1000000]
          seed-finance [--organizations 2000] [--expenses 200000] [--charity-projects 200] [--donations 400000]
          finance-nightly   re-evaluate every organization's finance warnings now, and print how long it took
                                                    calendar benchmark data: venues and a year of bookings
          seed-volunteers [--volunteers 30000]      matching benchmark data: volunteers with skills, availability, homes
          seed-residents [--households 500000]      screening benchmark data: about 2.6 residents per household (SQLite)
          import-residents --department D --file F [--as-of yyyy-MM-dd] [--screen-date yyyy-MM-dd | --no-screen]
                                                    one department's CSV or Excel file (as on /admin/relief; all or
                                                    nothing), then a screening of the households it touched (today)
          publish-dictionary --file dictionary.yaml  the district's data dictionary: its facts and departments' file layouts
          screen [--date 2026-11-22] [--store]      times one screening of everyone: reading the database,
              evaluating 28 policies (--store: also a recorded run writing leads)
          create-admin --user U [--name N] [--password P | env YILIAN_ADMIN_PASSWORD | prompt]
                       [--role Regulator] [--scope District] [--region 320571000000] [--organization ID (with --scope Organization)]
          import-regions --file regions.csv         import or update the administrative tree
          audit-verify                              seal pending audit entries and verify the hash chain
          backup [--out file.zip]                   consistent snapshot of the SQLite database, files and keys
          restore --from file.zip [--force]         restore a backup into the data directory (stop Yilian first)
        """;
}
