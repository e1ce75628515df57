using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

using System.Text.Json;

using Yilian.Ui;
using Yilian.Policies.Data;
using Yilian.Policies.Domain;
using Yilian.Policies.Features;
using Yilian.Policies.Imports;
using Yilian.Policies.Resources;
using Yilian.Policies.Rules;
using Yilian.Policies.Screening;
using Yilian.SharedKernel;
using Yilian.SharedKernel.Data;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Seeding;

using AuthPolicies = Yilian.Platform.Contracts.Policies;

namespace Yilian.Policies;

public sealed record PolicySummary(string Id, int Version, string Name, Subject AppliesTo, string Department, string LegalBasis, Benefit Benefit, IReadOnlyList<string> Documents, bool Illustrative);

public sealed record PolicyFile(string? Text);

public sealed record ValidationAnswer(bool Valid, IReadOnlyList<PolicyProblem> Problems);

public sealed record PolicyCheckRequest(Dictionary<string, List<string>>? Answers, DateOnly? Date);

/// <summary>
/// Relief policies as data (issue 6): the catalogue and its versions, validation and publishing of policy
/// files, the resident's anonymous self-check, department imports, screening runs (on demand, nightly and
/// after each import, incremental) and the case workers' follow-up.
/// </summary>
public static class PoliciesModule
{
    public const int MaxPolicyFileChars = 200_000;

    public static IHostApplicationBuilder AddPoliciesModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleDbContext<PoliciesDbContext>(PoliciesDbContext.Module);
        builder.Services.AddSingleton<PolicyCatalog>();
        builder.Services.AddScoped<PolicyPublishing>();
        builder.Services.AddScoped<Yilian.Platform.Contracts.IWorkbenchSource, ReliefWorkbench>();
        builder.Services.AddScoped<ResidentImport>();
        builder.Services.AddScoped<Screenings>();
        builder.Services.AddScoped<Casework>();
        builder.Services.AddScoped<ContactRequests>();
        builder.Services.AddScoped<Seeding.ResidentScaleSeeder>();
        builder.Services.AddScoped<ISeedStep, PolicySeedStep>();
        var nightly = builder.Configuration["Policies:ScreeningCron"] is { Length: > 0 } cron ? cron : "0 30 2 * * ?";
        // Quartz merges this with the host's scheduler set-up (AddQuartz may be called by each module).
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<ScreeningJob>(j => j.WithIdentity(Screenings.Job).StoreDurably());
            q.AddTrigger(t => t.ForJob(Screenings.Job).WithIdentity("policy-screening-nightly", "policies")
                .WithCronSchedule(nightly, c => c.InTimeZone(ChinaTime.Zone)));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/v1/policies").WithTags("Policies");
        policies.MapGet("/", async (PolicyCatalog catalog, CancellationToken ct) => TypedResults.Ok((await catalog.CurrentAsync(ct)).Select(Summary).ToList()))
            .AllowAnonymous().WithName("Policies").WithSummary("The policies in force (public), each at its current version.");
        policies.MapGet("/{id}", async (string id, int? version, PolicyCatalog catalog, CancellationToken ct) =>
                (version is { } v ? catalog.Version(id, v) : (await catalog.CurrentAsync(ct)).FirstOrDefault(p => p.Id == id)) is { } p
                    ? Results.Ok(Summary(p))
                    : throw new NotFoundException("Policy", id))
            .AllowAnonymous().WithName("Policy").WithSummary("One policy, current or a given version.");
        policies.MapPost("/validate", async (PolicyFile body, PolicyCatalog catalog, CancellationToken ct) =>
            {
                if (body.Text is not { Length: > 0 and <= MaxPolicyFileChars } text)
                {
                    throw InputValidationException.For("text", PolicyText.Get("Publish_TextRequired", MaxPolicyFileChars / 1000));
                }

                var current = await catalog.CurrentAsync(ct);
                var problems = new List<PolicyProblem>();
                if (PolicyParser.TryParse(text, problems) is { } policy)
                {
                    problems.AddRange(PolicyParser.CheckSet([.. current.Where(p => p.Id != policy.Id), policy]));
                }

                return TypedResults.Ok(new ValidationAnswer(problems.Count == 0, problems));
            })
            .RequireAuthorization().DisableAntiforgery().WithName("ValidatePolicy").WithSummary("Checks a policy file; every problem with its line and column.");
        policies.MapPost("/", async (PolicyFile body, PolicyPublishing publishing, CancellationToken ct) =>
            {
                var published = await publishing.PublishAsync(body.Text, ct);
                return TypedResults.Created($"/api/v1/policies/{published.Id}?version={published.Version}", Summary(published));
            })
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery().WithName("PublishPolicy")
            .WithSummary("Publishes a new version of a policy (a higher version number than the one in force); earlier versions and results stay as they were.");

        app.MapPost("/api/v1/policy-check", async (PolicyCheckRequest request, PolicyCatalog catalog, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(SelfCheckFor(request.Answers, request.Date, await catalog.CurrentAsync(ct), clock)))
            .AllowAnonymous().DisableAntiforgery().WithTags("Policies").WithName("PolicyCheck")
            .WithSummary("Answers in; eligible and not eligible policies with reasons, and the next question that can still change an answer. Nothing is stored.");
        app.MapPost("/api/v1/policy-check/contact", async (ContactRequestInput input, ContactRequests contacts, CancellationToken ct) =>
                TypedResults.Created("/api/v1/policy-check/contact", await contacts.CreateAsync(input, ct)))
            .AllowAnonymous().DisableAntiforgery().WithTags("Policies").WithName("PolicyCheckContact")
            .WithSummary("With the resident's consent only: keeps their name, phone and the policies found, so a case worker can call.");

        app.MapGet("/api/v1/policy-check/contacts", async (bool? handled, ContactRequests contacts, CancellationToken ct) => TypedResults.Ok(await contacts.ListAsync(handled == true, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithTags("Policies").WithName("PolicyCheckContacts")
            .WithSummary("Residents who asked to be contacted after their self-check, within the caller's data scope.");
        app.MapPost("/api/v1/policy-check/contacts/{id:guid}/handled", async (Guid id, ContactRequests contacts, CancellationToken ct) =>
            {
                await contacts.MarkHandledAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthPolicies.BackOffice).DisableAntiforgery().WithTags("Policies").WithName("PolicyCheckContactHandled");

        var imports = app.MapGroup("/api/v1/resident-imports").WithTags("Resident data").RequireAuthorization(AuthPolicies.Operator);
        imports.MapGet("/departments", () => TypedResults.Ok(Departments.All)).WithName("ImportDepartments");
        imports.MapPost("/", async (HttpRequest http, ResidentImport import, Screenings screenings, IConfiguration config, CancellationToken ct) =>
                TypedResults.Ok(await ImportAndScreenAsync(http, import, screenings, config, ct)))
            .DisableAntiforgery().WithName("ImportResidents").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ResidentImport.MaxMegabytes * 1024L * 1024L + 1024 * 1024))
            .WithSummary("One department's CSV (UTF-8, GBK, GB18030) or Excel file; all rows or none, each problem named by row.");

        var screenings = app.MapGroup("/api/v1/screenings").WithTags("Screenings");
        screenings.MapPost("/", async (StartScreening? request, Screenings s, CancellationToken ct) =>
            {
                var run = await s.StartAsync(request ?? new StartScreening(null, null), ct);
                return TypedResults.Accepted($"/api/v1/screenings/{run.Id}", run);
            })
            .RequireAuthorization(AuthPolicies.Operator).DisableAntiforgery().WithName("StartScreening")
            .WithSummary("Starts a screening (full, or incremental over the households changed since the last one); poll its status.");
        screenings.MapGet("/", async (Screenings s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ScreeningRuns");
        screenings.MapGet("/{id:guid}", async (Guid id, Screenings s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ScreeningRun").WithSummary("Status, counts, timings, policy versions and parameter dates of one run.");
        screenings.MapGet("/{id:guid}/results", async (Guid id, string? policy, CandidateStatus? status, int? page, Casework c, CancellationToken ct) =>
                TypedResults.Ok(await c.ListAsync(policy, status, id, page, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ScreeningResults").WithSummary("The people a run found (within the caller's data scope).");
        screenings.MapGet("/candidates", async (string? policy, CandidateStatus? status, int? page, string? assigned, Casework c, CancellationToken ct) =>
                TypedResults.Ok(await c.ListAsync(policy, status, null, page, ct, assigned)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("Candidates")
            .WithSummary("The case workers' list: everyone found, filtered by status, policy, or assigned=mine|none (the leads the caller took on, or nobody has).");
        screenings.MapPost("/candidates/{id:guid}/claim", async (Guid id, Casework c, CancellationToken ct) => TypedResults.Ok(await c.ClaimAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).DisableAntiforgery().WithName("ClaimCandidate")
            .WithSummary("Takes the lead on (claims it): only the one who holds it records its follow-up; 409 with the holder's name when someone else does.");
        screenings.MapPut("/candidates/{id:guid}/assignee", async (Guid id, AssignRequest request, Casework c, CancellationToken ct) => TypedResults.Ok(await c.AssignAsync(id, request.WorkerId, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).DisableAntiforgery().WithName("AssignCandidate")
            .WithSummary("A supervisor (platform operator, or a case worker of a whole street) hands the lead to a case worker of its community or street.");
        screenings.MapGet("/candidates/{id:guid}/workers", async (Guid id, Casework c, CancellationToken ct) => TypedResults.Ok(await c.WorkersForAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("CandidateWorkers").WithSummary("The case workers a lead can be handed to.");
        screenings.MapDelete("/candidates/{id:guid}/claim", async (Guid id, Casework c, CancellationToken ct) => TypedResults.Ok(await c.ReleaseAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithName("ReleaseCandidate").WithSummary("Lets the lead go back to the shared list (its holder, or a platform operator).");
        screenings.MapPost("/candidates/{id:guid}/outcome", async (Guid id, OutcomeRequest request, Casework c, CancellationToken ct) =>
                TypedResults.Ok(await c.RecordAsync(id, request, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).DisableAntiforgery().WithName("RecordOutcome")
            .WithSummary("Records the follow-up: Contacted, Applied, Declined or NotEligible (the last two with a reason).");
        app.MapGet("/api/v1/residents/lookup", async (string? idNumber, DateOnly? date, Casework c, CancellationToken ct) =>
                TypedResults.Ok(await c.LookupAsync(idNumber, date, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithTags("Screenings").WithName("ResidentLookup")
            .WithSummary("A resident found by ID number (within the caller's scope), checked against every policy in force with the traces.");
        app.MapGet("/api/v1/residents/{id:guid}/trace", async (Guid id, string policy, int? version, DateOnly? date, Casework c, CancellationToken ct) =>
                TypedResults.Ok(await c.TraceAsync(id, policy, version, date, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).WithTags("Screenings").WithName("ResidentTrace")
            .WithSummary("Every condition of a policy for one resident, with the value used and the department it came from.");
        MapPageForms(app);
        return app;
    }

    /// <summary>The pages' forms: each runs the same service as the API and goes back to its page, with the problem in the user's language when there is one.</summary>
    private static void MapPageForms(IEndpointRouteBuilder app)
    {
        app.MapPost("/check/contact", async ([FromForm] string? name, [FromForm] string? phone, [FromForm] bool? consent, [FromForm] string? answers, [FromForm] string? community,
                ContactRequests contacts, CancellationToken ct) =>
            {
                Dictionary<string, List<string>>? given = null;
                try
                {
                    given = answers is { Length: > 0 and < 20_000 } ? JsonSerializer.Deserialize<Dictionary<string, List<string>>>(answers) : null;
                }
                catch (JsonException)
                {
                    // Tampered hidden field: checked as if no answers were given.
                }

                return await PageForms.RunAsync("/check?contacted=true", () => contacts.CreateAsync(new ContactRequestInput(name, phone, consent == true, given, community), ct));
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/admin/relief/import", async (HttpRequest http, ResidentImport import, Screenings screenings, IConfiguration config, CancellationToken ct) =>
                await PageForms.RunThenAsync("/admin/relief", async () =>
                {
                    var result = await ImportAndScreenAsync(http, import, screenings, config, ct);
                    return "/admin/relief?imported=" + Uri.EscapeDataString(Resources.PolicyText.Get(
                        "Relief_Imported", result.Department, result.FileName, result.Rows, result.ResidentsCreated, result.HouseholdsChanged, result.Conflicts, result.Encoding));
                }))
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ResidentImport.MaxMegabytes * 1024L * 1024L + 1024 * 1024));
        app.MapPost("/admin/relief/contacts/{id:guid}/handled", async (Guid id, ContactRequests contacts, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/relief", () => contacts.MarkHandledAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/relief/screen", async (Screenings screenings, CancellationToken ct) =>
                await PageForms.RunAsync("/admin/relief", () => screenings.StartAsync(new StartScreening(RunKind.Full, null), ct)))
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
        app.MapPost("/admin/relief/candidates/{id:guid}/claim", async (Guid id, [FromForm] string? unused, Casework c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.ClaimAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/relief/candidates/{id:guid}/assign", async (Guid id, [FromForm] string? workerId, Casework c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.AssignAsync(id, workerId, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/relief/candidates/{id:guid}/release", async (Guid id, [FromForm] string? unused, Casework c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.ReleaseAsync(id, ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/relief/candidates/{id:guid}/outcome", async (Guid id, [FromForm] CandidateStatus? status, [FromForm] string? note, Casework c, CancellationToken ct) =>
                await PageForms.RunAsync($"/admin/relief/candidates/{id}", () => c.RecordAsync(id, new OutcomeRequest(status, note), ct)))
            .RequireAuthorization(AuthPolicies.BackOffice).ExcludeFromDescription();
        app.MapPost("/admin/policies/publish", async ([FromForm] string? text, PolicyPublishing publishing, CancellationToken ct) =>
                await PageForms.RunThenAsync("/admin/policies", async () =>
                {
                    var policy = await publishing.PublishAsync(text, ct);
                    return "/admin/policies?published=" + Uri.EscapeDataString($"{policy.Name} v{policy.Version}");
                }))
            .RequireAuthorization(AuthPolicies.Operator).ExcludeFromDescription();
    }

    /// <summary>An import from the API or the page, then (unless switched off) an incremental screening of the households it touched.</summary>
    private static async Task<ImportResult> ImportAndScreenAsync(HttpRequest http, ResidentImport import, Screenings screenings, IConfiguration config, CancellationToken ct)
    {
        var result = await ImportAsync(http, import, ct);
        if (config.GetValue("Policies:ScreenAfterImport", true))
        {
            await screenings.StartAsync(new StartScreening(RunKind.Incremental, null), ct);
        }

        return result;
    }

    /// <summary>Reads the multipart form of an import (a body over the limit is answered as too large, not as a broken form).</summary>
    internal static async Task<ImportResult> ImportAsync(HttpRequest http, ResidentImport import, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = (ResidentImport.MaxMegabytes + 1) * 1024L * 1024L }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            throw new FileTooLargeException(Resources.PolicyText.Get("Import_TooLarge", ResidentImport.MaxMegabytes));
        }

        var file = form.Files.GetFile("file");
        DateOnly? asOf = DateOnly.TryParse(form["asOf"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        await using var stream = file?.OpenReadStream();
        return await import.ImportAsync(form["department"], file?.FileName, stream, asOf, ct);
    }

    internal static SelfCheckResult SelfCheckFor(Dictionary<string, List<string>>? given, DateOnly? date, IReadOnlyList<Policy> policies, TimeProvider clock)
    {
        var on = date ?? ChinaTime.Today(clock);
        var answers = given?.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
        if (answers?.Count > 40)
        {
            throw InputValidationException.For("answers", PolicyText.Get("Check_TooManyAnswers"));
        }

        var facts = SelfCheck.Facts(answers, on, out var problems);
        if (problems.Count > 0)
        {
            throw new InputValidationException(problems.GroupBy(p => p.Attribute).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return SelfCheck.Run(policies, facts, on);
    }

    private static PolicySummary Summary(Policy p) =>
        new(p.Id, p.Version, p.Name, p.AppliesTo, p.Department, p.LegalBasis, p.Benefit, p.Documents, p.Parameters.Values.Any(v => v.Illustrative));
}
