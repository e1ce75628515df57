using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Yilian.Activities.Features;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Reminders through the real scheduler with its persistent store, delivered through the outbox.</summary>
public sealed class ReminderTests
{
    private static string Iso(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<Guid> OccurrenceOfAsync(HttpClient client, HttpResponseMessage created)
    {
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var activity = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        return activity.GetProperty("occurrences")[0].GetProperty("id").GetGuid();
    }

    private static async Task<ITrigger?> TriggerAsync(YilianApp app, Guid occurrence)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(ReminderPlanner.KeyOf(occurrence));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Reminders_Survive_A_Restart_And_Arrive_In_App_And_By_Sms(string provider)
    {
        var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Activities:ReminderLeadMinutes"] = "60",
            ["Notifications:DispatchSeconds"] = "1",
        });
        try
        {
            using (var org = await app.ClientAsAsync("orgadmin"))
            {
                var orgId = (await org.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
                var staff = (await org.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{orgId}/staff"))[0].GetProperty("id").GetString();
                var later = DateTimeOffset.UtcNow.AddHours(3);
                var occurrence = await OccurrenceOfAsync(org, await org.PostAsJsonAsync("/api/v1/activities",
                    new { title = "线上议事会", type = "meeting", online = true, start = Iso(later), end = Iso(later.AddHours(1)), staffIds = new[] { staff } }));

                var trigger = await TriggerAsync(app, occurrence);
                trigger.ShouldNotBeNull();
                trigger.StartTimeUtc.ShouldBe(later.AddHours(-1), TimeSpan.FromSeconds(1));

                // A restart keeps the plan: the trigger is read back from the persistent store.
                app = await app.RestartAsync();
                (await TriggerAsync(app, occurrence)).ShouldNotBeNull();
            }

            using var again = await app.ClientAsAsync("orgadmin");
            var orgId2 = (await again.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items")[0].GetProperty("id").GetString();
            var staff2 = (await again.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{orgId2}/staff"))[0].GetProperty("id").GetString();
            // Within the lead time already: the reminder fires at once.
            var soon = DateTimeOffset.UtcNow.AddMinutes(30);
            var due = await OccurrenceOfAsync(again, await again.PostAsJsonAsync("/api/v1/activities",
                new { title = "线上培训：志愿者安全须知", type = "class", online = true, start = Iso(soon), end = Iso(soon.AddHours(1)), staffIds = new[] { staff2 } }));

            JsonElement mine = default;
            for (var i = 0; i < 60; i++)
            {
                mine = await again.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
                if (mine.EnumerateArray().Any(n => n.GetProperty("title").GetString()!.Contains("志愿者安全须知") && n.GetProperty("sentAt").ValueKind != JsonValueKind.Null))
                {
                    break;
                }

                await Task.Delay(500);
            }

            var reminder = mine.EnumerateArray().Single(n => n.GetProperty("title").GetString()!.Contains("志愿者安全须知"));
            reminder.GetProperty("body").GetString()!.ShouldContain(soon.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            app.Logs.ShouldContain(l => l.Contains("SMS to") && l.Contains("志愿者安全须知"));
            app.Logs.ShouldNotContain(l => l.Contains("SMS to") && System.Text.RegularExpressions.Regex.IsMatch(l, @"1\d{10}")); // masked
            (await TriggerAsync(app, due)).ShouldBeNull(); // fired once and gone

            // Cancelling removes a pending reminder.
            var cancelled = await again.PostAsJsonAsync("/api/v1/activities",
                new { title = "将取消的活动", type = "class", online = true, start = Iso(DateTimeOffset.UtcNow.AddDays(2)), end = Iso(DateTimeOffset.UtcNow.AddDays(2).AddHours(1)) });
            var cancelledOccurrence = await OccurrenceOfAsync(again, cancelled);
            (await TriggerAsync(app, cancelledOccurrence)).ShouldNotBeNull();
            (await again.PostAsync(cancelled.Headers.Location + "/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await TriggerAsync(app, cancelledOccurrence)).ShouldBeNull();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Volunteer_Held_By_An_Occurrence_Is_Reminded_In_The_App(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Activities:ReminderLeadMinutes"] = "60",
            ["Notifications:DispatchSeconds"] = "1",
        });
        using var org = await app.ClientAsAsync("orgadmin");
        using var volunteer = await app.ClientAsAsync("volunteer");
        var later = DateTimeOffset.UtcNow.AddHours(3);
        var created = await org.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "社区义剪志愿服务", type = "volunteering", online = true, start = Iso(later), end = Iso(later.AddHours(2)), volunteerNeeds = new Dictionary<string, int> { ["order"] = 2 },
        });
        var occurrence = await OccurrenceOfAsync(org, created);
        (await org.PostAsync(created.Headers.Location + "/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await volunteer.PostAsync(created.Headers.Location + "/signups", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The planned trigger, brought forward to now: the job reads who the occurrence holds when it fires.
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (await TriggerAsync(app, occurrence)).ShouldNotBeNull();
        await scheduler.RescheduleJob(trigger.Key, trigger.GetTriggerBuilder().StartNow().Build());
        JsonElement reminder = default;
        for (var i = 0; i < 60 && reminder.ValueKind == JsonValueKind.Undefined; i++)
        {
            await Task.Delay(500);
            reminder = (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray()
                .FirstOrDefault(n => n.GetProperty("title").GetString()!.Contains("社区义剪志愿服务"));
        }

        reminder.ValueKind.ShouldBe(JsonValueKind.Object, "no reminder reached the volunteer");
        reminder.GetProperty("body").GetString()!.ShouldContain(later.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        reminder.GetProperty("link").GetString().ShouldBe("/volunteer/activities");
        // And by text message, to the number the volunteer registered with (masked in the log).
        for (var i = 0; i < 20 && !app.Logs.Any(l => l.Contains("SMS to") && l.Contains("社区义剪志愿服务")); i++)
        {
            await Task.Delay(500);
        }

        app.Logs.ShouldContain(l => l.Contains("SMS to") && l.Contains("社区义剪志愿服务"));
        app.Logs.ShouldNotContain(l => l.Contains("SMS to") && System.Text.RegularExpressions.Regex.IsMatch(l, @"1\d{10}"));
    }
}
