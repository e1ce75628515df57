using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Quartz;

using Yilian.Finance.Data;
using Yilian.Finance.Domain;
using Yilian.Finance.Features;
using Yilian.Finance.Features.Charity;
using Yilian.Finance.Seeding;
using Yilian.Platform.Contracts;
using Yilian.Projects.Contracts;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Seeding;

namespace Yilian.Finance;

public static class FinanceModule
{
    public static IHostApplicationBuilder AddFinanceModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<FinanceDbContext>(FinanceDbContext.Module);
        builder.Services.Configure<WarningOptions>(builder.Configuration.GetSection("Finance:Warnings"));
        builder.Services.AddScoped<Budgets>();
        builder.Services.AddScoped<IProjectBudgets, ProjectBudgetsFromBook>();
        builder.Services.AddScoped<Yilian.Activities.Contracts.IActivityExpenses, ActivityExpenses>();
        builder.Services.AddScoped<Expenses>();
        builder.Services.AddScoped<WarningBook>();
        builder.Services.AddScoped<FinanceWarnings>();
        builder.Services.AddScoped<Ledger>();
        builder.Services.AddScoped<Funds>();
        builder.Services.AddSingleton<RatioParameters>();
        builder.Services.AddScoped<YearReports>();
        builder.Services.AddScoped<IWorkbenchSource, FinanceWorkbench>();
        builder.Services.Configure<PaymentOptions>(builder.Configuration.GetSection("Finance:Payments"));
        builder.Services.AddScoped<CharityProjects>();
        builder.Services.AddScoped<Donations>();
        builder.Services.AddScoped<OnlineDonations>();
        builder.Services.AddScoped<DonationLedger>();
        builder.Services.AddScoped<CharityDisclosure>();
        builder.Services.AddSingleton<SimulatedPaymentProvider>();
        builder.Services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SimulatedPaymentProvider>());
        builder.Services.AddSingleton<CharityFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CharityFeed>());
        builder.Services.AddScoped<ISeedStep, FinanceSeedStep>();
        builder.Services.AddScoped<ISeedStep, CharitySeedStep>();
        builder.Services.AddScoped(sp => new FinanceScaleSeeder(sp.GetRequiredService<FinanceDbContext>()));
        var nightly = builder.Configuration["Finance:WarningsCron"] is { Length: > 0 } cron ? cron : "0 0 3 * * ?";
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<WarningsJob>(j => j.WithIdentity(WarningsJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(WarningsJob.Key).WithIdentity("finance-warnings-nightly", "finance")
                .WithCronSchedule(nightly, c => c.InTimeZone(ChinaTime.Zone)));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapFinanceApi(this IEndpointRouteBuilder app)
    {
        app.MapModule("Finance")
            .MapBudgetsEndpoints()
            .MapExpensesEndpoints()
            .MapFundsEndpoints()
            .MapFinanceWarningsEndpoints()
            .MapCharityEndpoints()
            .MapYearReportsEndpoints();
        return app;
    }
}
