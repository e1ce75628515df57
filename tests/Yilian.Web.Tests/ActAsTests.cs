using Microsoft.Extensions.DependencyInjection;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Security;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Demo data acts as people through IActAs: with that person's identity, and only as system work.</summary>
public sealed class ActAsTests : IAsyncLifetime
{
    private YilianApp _app = null!;

    public async Task InitializeAsync() => _app = await YilianApp.StartAsync(Databases.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RunAsync_InSystemWork_ActsWithThePersonsRolesAndScope_ThenReturnsToTheSystem()
    {
        await using var scope = SystemScope.Begin(_app.Services);
        var actAs = scope.ServiceProvider.GetRequiredService<IActAs>();
        var (name, officer, regulator, inSystem) = await actAs.RunAsync("officer", sp =>
        {
            var user = sp.GetRequiredService<ICurrentUser>();
            var scopeNow = sp.GetRequiredService<IDataScopeProvider>().Current;
            return Task.FromResult((user.UserName, user.IsInRole(Roles.CommunityOfficer), user.IsInRole(Roles.Regulator), scopeNow.IsUnrestricted));
        }, CancellationToken.None);

        name.ShouldBe("officer");
        officer.ShouldBeTrue();
        regulator.ShouldBeFalse();
        inSystem.ShouldBeFalse("acting as a community officer sees what the officer sees");
        SystemScope.IsActive.ShouldBeTrue("the caller is still system work afterwards");
    }

    [Fact]
    public async Task RunAsync_OutsideSystemWork_IsRefused()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var actAs = scope.ServiceProvider.GetRequiredService<IActAs>();
        await Should.ThrowAsync<InvalidOperationException>(() => actAs.RunAsync("regulator", _ => Task.FromResult(true), CancellationToken.None));
    }
}
