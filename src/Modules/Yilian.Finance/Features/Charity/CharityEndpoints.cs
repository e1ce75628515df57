using System.Net.ServerSentEvents;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Yilian.Finance.Domain;
using Yilian.Platform.Contracts;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Paging;
using Yilian.SharedKernel.Security;
using Yilian.Ui;

namespace Yilian.Finance.Features.Charity;

/// <summary>The HTTP endpoints of charity projects and donations: API operations, the public pages' posts and the live feed.</summary>
internal static class CharityEndpoints
{
    public static IEndpointRouteBuilder MapCharityEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/charity-projects").WithTags("Charity projects");
        projects.MapGet("/", ListCharityProjectsAsync).RequireAuthorization(Policies.BackOffice).WithName("ListCharityProjects")
            .WithSummary("List charity projects").WithDescription("The charity projects (fundraising campaigns) in the caller's scope.");
        projects.MapPost("/", CreateCharityProjectAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency()
            .WithName("CreateCharityProject").WithSummary("Create a charity project")
            .WithDescription("A campaign for one of the organization's projects, with its fundraising filing number, target and "
                + "period; its "
                + "donations become a restricted fund of that project.");
        projects.MapGet("/{id:guid}", GetCharityProjectAsync).RequireAuthorization(Policies.BackOffice).WithName("GetCharityProject")
            .WithSummary("Get a charity project").WithDescription("The campaign with what it has raised and spent.");
        projects.MapGet("/{id:guid}/flags", DonationFlagsAsync).RequireAuthorization(Policies.BackOffice).WithName("DonationFlags")
            .WithSummary("List refused duplicate transactions")
            .WithDescription("Transaction ids that came again with a different amount: refused and kept here for the organization.");
        projects.MapGet("/public", PublicCharityProjectsAsync).AllowAnonymous().WithName("PublicCharityProjects")
            .WithSummary("List charity projects publicly")
            .WithDescription("Every campaign with its target, raised and spent; open ones first.");
        projects.MapGet("/{id:guid}/disclosure", DisclosureAsync).AllowAnonymous().WithName("CharityProjectDisclosure")
            .WithSummary("A charity project's public disclosure")
            .WithDescription("Raised, spent by budget line with each expense and its receipts, pending expenses, what remains, and the "
                + "newest donations with donors' names masked unless they chose to be named.");
        projects.MapPost("/{id:guid}/donation-requests", AskToDonateAsync).AllowAnonymous().DisableAntiforgery()
            .WithName("AskToDonate").WithSummary("Start an online donation")
            .WithDescription("Keeps what the donor typed and answers with the payment provider's checkout address.");

        var donations = app.MapGroup("/api/v1/donations").WithTags("Donations");
        donations.MapGet("/", ListDonationsAsync).RequireAuthorization(Policies.BackOffice).WithName("ListDonations")
            .WithSummary("List donations").WithDescription("Donations and refunds in the caller's scope, newest first; filter by "
                + "charityProjectId.");
        donations.MapPost("/", EnterDonationAsync).RequireAuthorization(Policies.BackOffice).WithIdempotency().WithName("EnterDonation")
            .WithSummary("Record a bank transfer or cash count")
            .WithDescription("Recorded exactly once by channel and transactionId (the bank's reference; generated for cash): the same "
                + "again answers with the first, a different amount is refused (409) and flagged. Cash waits for a second counter.");
        donations.MapGet("/{id:guid}", GetDonationAsync).RequireAuthorization(Policies.BackOffice).WithName("GetDonation")
            .WithSummary("Get a donation").WithDescription("One donation or refund.");
        donations.MapPost("/{id:guid}/confirm-count", ConfirmCountAsync).RequireAuthorization(Policies.BackOffice)
            .WithName("ConfirmCashCount").WithSummary("Confirm a cash count")
            .WithDescription("The second person who counted the cash box confirms it (not the one who entered it); only then it counts.");
        donations.MapPost("/{id:guid}/refunds", RefundAsync).RequireAuthorization(Policies.BackOffice).WithName("RefundDonation")
            .WithSummary("Refund a donation")
            .WithDescription("A compensating entry for up to what expenses have not drawn of it; the donation itself never changes.");
        donations.MapPost("/notifications/simulated", NotifyAsync).AllowAnonymous().DisableAntiforgery()
            .WithName("PaymentNotification").WithSummary("The payment provider's notification")
            .WithDescription("Server to server, signed by the provider: records the donation once, however often and wherever it "
                + "arrives; answers with the receipt number.");
        donations.MapGet("/lookup/{number}", LookupAsync).AllowAnonymous().WithName("LookUpDonation").WithSummary("Look up a donation")
            .WithDescription("By receipt number: the gift, what is left of it, and each expense it paid for (first in, first out).");
        donations.MapGet("/lookup/{number}/receipt", DonorReceiptAsync).AllowAnonymous().WithName("DonorReceipt")
            .WithSummary("A donor's receipt").ProducesFile("application/pdf")
            .WithDescription("The acknowledgement as a PDF with a QR code of its verification page.");

        var live = app.MapGroup("/api/v1/charity/live").WithTags("Charity live").AllowAnonymous();
        live.MapGet("/", LiveSnapshotAsync).WithName("CharityLive").WithSummary("The live screen as it stands")
            .WithDescription("Totals, each project's progress, the newest donations and the newest expenses paid from donations.");
        live.MapGet("/events", LiveEvents).WithName("CharityLiveEvents").WithSummary("The live screen's events")
            .Produces<LiveEvent>(StatusCodes.Status200OK, "text/event-stream")
            .WithDescription("Server-sent events: each donation, refund and expense paid from donations as it is committed, on any "
                + "instance; a comment every 15 s keeps the connection open.");

        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapPost("/charity/projects/{id:guid}/donations", DonateFormAsync).AllowAnonymous();
        pages.MapPost("/charity/pay/{intentId:guid}/confirm", SimulatedPayFormAsync).AllowAnonymous();
        pages.MapGet("/charity/pay/{intentId:guid}/return", PaymentReturnAsync).AllowAnonymous();
        pages.MapGet("/charity/projects/{id:guid}/receipts/{receiptId:guid}", PublicReceiptAsync).AllowAnonymous();
        pages.MapGet("/charity/donations/{number}/receipt.pdf", DonorReceiptAsync).AllowAnonymous();
        var admin = pages.MapGroup("/admin/finance/charity").RequireAuthorization(Policies.BackOffice);
        admin.MapPost("/new", CreateCharityProjectFormAsync);
        admin.MapPost("/{id:guid}/donations", EnterDonationFormAsync);
        admin.MapPost("/{id:guid}/donations/{donationId:guid}/confirm", ConfirmCountFormAsync);
        admin.MapPost("/{id:guid}/donations/{donationId:guid}/refund", RefundFormAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CharityProjectDto>>> ListCharityProjectsAsync(CharityProjects c, CancellationToken ct) =>
        TypedResults.Ok(await c.ListAsync(ct));

    private static async Task<Created<CharityProjectDto>> CreateCharityProjectAsync(CharityProjectDraft draft, CharityProjects c,
        CancellationToken ct)
    {
        var made = await c.CreateAsync(draft, ct);
        return TypedResults.Created($"/api/v1/charity-projects/{made.Id}", made);
    }

    private static async Task<Ok<CharityProjectDto>> GetCharityProjectAsync(Guid id, CharityProjects c, CancellationToken ct) =>
        TypedResults.Ok(await c.GetAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<DonationFlagDto>>> DonationFlagsAsync(Guid id, Donations d, CancellationToken ct) =>
        TypedResults.Ok(await d.FlagsAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<PublicCharityProject>>> PublicCharityProjectsAsync(CharityDisclosure c,
        CancellationToken ct) => TypedResults.Ok(await c.ProjectsAsync(ct));

    private static async Task<Ok<CharityDisclosureDto>> DisclosureAsync(Guid id, CharityDisclosure c, CancellationToken ct) =>
        TypedResults.Ok(await c.ProjectAsync(id, ct));

    public sealed record Checkout(Guid IntentId, string CheckoutUrl);

    private static async Task<Ok<Checkout>> AskToDonateAsync(Guid id, DonationRequest request, OnlineDonations online, CancellationToken ct)
    {
        var (intent, url) = await online.AskAsync(id, request, ct);
        return TypedResults.Ok(new Checkout(intent, url));
    }

    private static async Task<Ok<PagedResult<DonationDto>>> ListDonationsAsync(
        Guid? charityProjectId, int? page, int? pageSize, Donations d, CancellationToken ct) =>
        TypedResults.Ok(await d.ListAsync(charityProjectId, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Created<DonationDto>> EnterDonationAsync(DonationInput input, Donations d, CancellationToken ct)
    {
        var made = await d.EnterAsync(input, ct);
        return TypedResults.Created($"/api/v1/donations/{made.Id}", made);
    }

    private static async Task<Ok<DonationDto>> GetDonationAsync(Guid id, Donations d, CancellationToken ct) =>
        TypedResults.Ok(await d.GetAsync(id, ct));

    private static async Task<Ok<DonationDto>> ConfirmCountAsync(Guid id, Donations d, CancellationToken ct) =>
        TypedResults.Ok(await d.ConfirmCountAsync(id, ct));

    private static async Task<Created<DonationDto>> RefundAsync(Guid id, RefundInput input, Donations d, CancellationToken ct)
    {
        var refund = await d.RefundAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/donations/{refund.Id}", refund);
    }

    public sealed record Recorded(string Number);

    private static async Task<Ok<Recorded>> NotifyAsync(PaymentNotice notice, OnlineDonations online, CancellationToken ct) =>
        TypedResults.Ok(new Recorded(await online.ConfirmAsync(notice, ct)));

    private static async Task<Ok<DonationLookup>> LookupAsync(string number, CharityDisclosure c, CancellationToken ct) =>
        TypedResults.Ok(await c.LookupAsync(number, ct) ?? throw new NotFoundException("Donation", number));

    private static async Task<FileContentHttpResult> DonorReceiptAsync(string number, HttpRequest http, CharityDisclosure c,
        CancellationToken ct)
    {
        var receipt = await c.DonorReceiptAsync(number, ct) ?? throw new NotFoundException("Donation", number);
        var pdf = DonationReceiptPdf.Render(receipt, $"{http.Scheme}://{http.Host}/charity/donations/{receipt.Number}");
        return TypedResults.File(pdf, "application/pdf", $"donation-{receipt.Number}.pdf");
    }

    private static async Task<Ok<LiveSnapshot>> LiveSnapshotAsync(CharityDisclosure c, CancellationToken ct) =>
        TypedResults.Ok(await c.LiveAsync(ct));

    /// <summary>The stream, told to pass through a reverse proxy unbuffered (nginx holds a response back in buffers unless told
    /// <c>X-Accel-Buffering: no</c>, and viewers would see gifts in bursts).</summary>
    private static ServerSentEventsResult<LiveEvent> LiveEvents(CharityFeed feed, HttpResponse response, CancellationToken ct)
    {
        response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Items(feed.WatchAsync(TimeSpan.FromSeconds(15), ct), ct));
    }

    private static async IAsyncEnumerable<SseItem<LiveEvent>> Items(IAsyncEnumerable<LiveEvent?> events,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in events.WithCancellation(ct))
        {
            yield return e is null ? new SseItem<LiveEvent>(null!, "ping") : new SseItem<LiveEvent>(e, e.Kind);
        }
    }

    private static async Task<IResult> DonateFormAsync(Guid id, [FromForm] string? amount, [FromForm] string? otherAmount,
        [FromForm] string? donorName, [FromForm] bool? showName, [FromForm] string? message, OnlineDonations online,
            CancellationToken ct) =>
        await PageForms.RunThenAsync($"/charity/projects/{id}/donate", async () =>
        {
            var given = MoneyInput.Parse("amount", string.IsNullOrWhiteSpace(otherAmount) ? amount : otherAmount);
            return (await online.AskAsync(id, new DonationRequest(given, donorName, showName, message), ct)).CheckoutUrl;
        });
    /// <summary>The simulated provider's checkout: the donor "pays"; the provider notifies Yilian server to server and, at the same
    /// moment, sends the donor back with the same signed notice — the race a real provider makes.</summary>
    private static async Task<IResult> SimulatedPayFormAsync(Guid intentId, OnlineDonations online, SimulatedPaymentProvider provider,
        HttpContext http, TimeProvider clock, ILogger<SimulatedPaymentProvider> log, CancellationToken ct)
    {
        var found = await online.FindAsync(intentId, ct) ?? throw new NotFoundException("DonationIntent", intentId);
        var notice = provider.Pay(intentId, found.Intent.Amount, clock.GetUtcNow());
        var scope = SystemScope.Begin(http.RequestServices);
        _ = Task.Run(async () =>
        {
            await using (scope)
            {
                try
                {
                    await scope.ServiceProvider.GetRequiredService<OnlineDonations>().ConfirmAsync(notice, CancellationToken.None);
                }
                catch (Exception e) when (e is BusinessRuleException or NotFoundException)
                {
                    log.LogWarning(e, "The simulated provider's notification for {IntentId} was refused", intentId);
                }
            }
        }, CancellationToken.None);
        var query = QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("txn", notice.TransactionId), new("amount", notice.Amount.ToString("0.00",
                System.Globalization.CultureInfo.InvariantCulture)),
            new("paidAt", notice.PaidAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("sig", notice.Signature),
        });
        return Results.LocalRedirect($"/charity/pay/{intentId}/return{query}");
    }

    private static async Task<IResult> PaymentReturnAsync(Guid intentId, string? txn, decimal? amount, long? paidAt, string? sig,
        OnlineDonations online, CancellationToken ct)
    {
        var notice = new PaymentNotice(intentId, txn ?? "", amount ?? 0, DateTimeOffset.FromUnixTimeMilliseconds(paidAt ?? 0), sig ?? "");
        return await PageForms.RunThenAsync($"/charity/pay/{intentId}",
            async () => $"/charity/donations/{await online.ConfirmAsync(notice, ct)}?thanks=1");
    }

    private static async Task<IResult> PublicReceiptAsync(Guid id, Guid receiptId, CharityDisclosure c, HttpContext http,
        CancellationToken ct)
    {
        var (content, contentType) = await c.ReceiptAsync(id, receiptId, ct);
        return StoredFiles.Sandboxed(http, content, contentType);
    }

    private static async Task<IResult> CreateCharityProjectFormAsync([FromForm] Guid? projectId, [FromForm] string? title,
        [FromForm] string? recordNumber, [FromForm] string? summary, [FromForm] string? target, [FromForm] DateOnly? startsOn,
        [FromForm] DateOnly? endsOn, CharityProjects c, CancellationToken ct) =>
        await PageForms.RunThenAsync("/admin/finance/charity", async () =>
        {
            var draft = new CharityProjectDraft(projectId, title, recordNumber, summary, MoneyInput.Parse("target", target), startsOn,
                endsOn);
            return $"/admin/finance/charity/{(await c.CreateAsync(draft, ct)).Id}";
        });

    private static async Task<IResult> EnterDonationFormAsync(Guid id, [FromForm] string? channel, [FromForm] string? transactionId,
        [FromForm] string? amount, [FromForm] string? donorName, [FromForm] bool? showName, [FromForm] DateOnly? receivedOn,
        Donations d, CancellationToken ct)
    {
        DateTimeOffset? received = receivedOn is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8))
            : null;
        return await PageForms.RunAsync($"/admin/finance/charity/{id}",
            () => d.EnterAsync(new DonationInput(id, channel, transactionId, MoneyInput.Parse("amount", amount), donorName, showName, null,
                received), ct));
    }

    private static async Task<IResult> ConfirmCountFormAsync(Guid id, Guid donationId, Donations d, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/finance/charity/{id}", () => d.ConfirmCountAsync(donationId, ct));

    private static async Task<IResult> RefundFormAsync(Guid id, Guid donationId, [FromForm] string? amount, [FromForm] string? reason,
        Donations d, CancellationToken ct) =>
        await PageForms.RunAsync($"/admin/finance/charity/{id}",
            () => d.RefundAsync(donationId, new RefundInput(MoneyInput.Parse("amount", amount), reason), ct));
}
