using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yilian.Platform.Data;
using Yilian.Platform.Seeding;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

namespace Yilian.Platform.Tests;

/// <summary>The region tree's CSV: the shared CSV reader (quotes and commas in names), comments, and every bad line named.</summary>
public class RegionImporterTests
{
    [Fact]
    public async Task Import_ReadsQuotedNames_SkipsComments_AndNamesEveryBadLine()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite);
        await using var scope = SystemScope.Begin(app.Services);
        var importer = scope.ServiceProvider.GetRequiredService<RegionImporter>();

        const string good = "# a comment\ncode,name,level,parent,invented\n320571999000,\"星海街道, 新区\",3,320571000000,1\n320571999001,海韵社区,4,320571999000,1\n";
        (await importer.ImportAsync(new StringReader(good), CancellationToken.None)).ShouldBe(2);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Regions.SingleAsync(r => r.Code == "320571999000")).Name.ShouldBe("星海街道, 新区");

        const string bad = "code,name,level,parent,invented\n# comment\n320571999002,好社区,4,320571999000,1\n32057199,坏社区,4,320571999000,1\n320571999003,,9,320571999000,2\n";
        var refused = await Should.ThrowAsync<InputValidationException>(() => importer.ImportAsync(new StringReader(bad), CancellationToken.None));
        refused.Errors.Keys.Order().ShouldBe(["line4", "line5"]);
        (await db.Regions.AnyAsync(r => r.Code == "320571999002")).ShouldBeFalse("nothing is written when a line is bad");
    }
}
