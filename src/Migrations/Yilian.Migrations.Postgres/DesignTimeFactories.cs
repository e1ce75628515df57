using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yilian.Activities.Data;
using Yilian.Organizations.Data;
using Yilian.Platform.Data;
using Yilian.Policies.Data;
using Yilian.Supply.Data;
using Yilian.Discovery.Data;
using Yilian.Neighbours.Data;
using Yilian.Projects.Data;
using Yilian.Finance.Data;
using Yilian.Volunteers.Data;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Security;

namespace Yilian.Migrations.Postgres;

/// <summary>Lets dotnet-ef build each module's model on SQLite: <c>dotnet ef migrations add X -c PlatformDbContext -p src/Migrations/Yilian.Migrations.Postgres -s src/Migrations/Yilian.Migrations.Postgres -o Platform</c>.</summary>
internal sealed class DesignScope : IDataScopeProvider
{
    public DataScope Current => DataScope.Unrestricted;
}

internal static class Design
{
    public static DbContextOptions<T> Options<T>(string module)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        ModuleDatabase.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=design" }, module);
        return builder.Options;
    }
}

internal sealed class PlatformFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => new(Design.Options<PlatformDbContext>(PlatformDbContext.Module), new DesignScope());
}

internal sealed class OrganizationsFactory : IDesignTimeDbContextFactory<OrganizationsDbContext>
{
    public OrganizationsDbContext CreateDbContext(string[] args) => new(Design.Options<OrganizationsDbContext>(OrganizationsDbContext.Module), new DesignScope());
}

internal sealed class FinanceFactory : IDesignTimeDbContextFactory<FinanceDbContext>
{
    public FinanceDbContext CreateDbContext(string[] args) => new(Design.Options<FinanceDbContext>(FinanceDbContext.Module), new DesignScope());
}

internal sealed class ProjectsFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) => new(Design.Options<ProjectsDbContext>(ProjectsDbContext.Module), new DesignScope());
}

internal sealed class ActivitiesFactory : IDesignTimeDbContextFactory<ActivitiesDbContext>
{
    public ActivitiesDbContext CreateDbContext(string[] args) => new(Design.Options<ActivitiesDbContext>(ActivitiesDbContext.Module), new DesignScope());
}

internal sealed class VolunteersFactory : IDesignTimeDbContextFactory<VolunteersDbContext>
{
    public VolunteersDbContext CreateDbContext(string[] args) => new(Design.Options<VolunteersDbContext>(VolunteersDbContext.Module), new DesignScope());
}

internal sealed class PoliciesFactory : IDesignTimeDbContextFactory<PoliciesDbContext>
{
    public PoliciesDbContext CreateDbContext(string[] args) => new(Design.Options<PoliciesDbContext>(PoliciesDbContext.Module), new DesignScope());
}

internal sealed class SupplyFactory : IDesignTimeDbContextFactory<SupplyDbContext>
{
    public SupplyDbContext CreateDbContext(string[] args) => new(Design.Options<SupplyDbContext>(SupplyDbContext.Module), new DesignScope());
}

internal sealed class DiscoveryFactory : IDesignTimeDbContextFactory<DiscoveryDbContext>
{
    public DiscoveryDbContext CreateDbContext(string[] args) => new(Design.Options<DiscoveryDbContext>(DiscoveryDbContext.Module), new DesignScope());
}

internal sealed class NeighboursFactory : IDesignTimeDbContextFactory<NeighboursDbContext>
{
    public NeighboursDbContext CreateDbContext(string[] args) => new(Design.Options<NeighboursDbContext>(NeighboursDbContext.Module), new DesignScope());
}
