using Yilian.Activities;
using Yilian.Organizations;
using Yilian.Platform;
using Yilian.Policies;
using Yilian.Supply;
using Yilian.Discovery;
using Yilian.Neighbours;
using Yilian.Projects;
using Yilian.Finance;
using Yilian.Volunteers;
using Yilian.Web.Cli;
using Yilian.Web.Hosting;

var builder = WebApplication.CreateBuilder(Commands.HostArguments(args));
builder.AddYilianDefaults();
builder.AddPlatformModule();
builder.AddOrganizationsModule();
builder.AddProjectsModule();
builder.AddFinanceModule();
builder.AddActivitiesModule();
builder.AddVolunteersModule();
builder.AddPoliciesModule();
builder.AddSupplyModule();
builder.AddDiscoveryModule();
builder.AddNeighboursModule();

var app = builder.Build();
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

app.UseYilianDefaults();
app.MapPlatformApi();
app.MapOrganizationsApi();
app.MapProjectsApi();
app.MapFinanceApi();
app.MapActivitiesApi();
app.MapVolunteersApi();
app.MapPoliciesApi();
app.MapSupplyApi();
app.MapDiscoveryApi();
app.MapNeighboursApi();
app.MapYilianPages(typeof(PlatformModule).Assembly, typeof(OrganizationsModule).Assembly, typeof(ProjectsModule).Assembly, typeof(FinanceModule).Assembly, typeof(ActivitiesModule).Assembly, typeof(VolunteersModule).Assembly, typeof(PoliciesModule).Assembly, typeof(SupplyModule).Assembly,
    typeof(DiscoveryModule).Assembly, typeof(NeighboursModule).Assembly);

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
