using System.Globalization;

using Microsoft.AspNetCore.Http;

using Yilian.Activities.Domain;
using Yilian.Activities.Resources;
using Yilian.SharedKernel.Errors;

namespace Yilian.Activities.Features;

/// <summary>The venue page's form, read into the same request the API takes; what the page does not show (owner, map point, policy) stays as it is.</summary>
internal static class VenueForm
{
    public static async Task<VenueRequest> ToRequestAsync(Venues venues, Guid id, IFormCollection form, CancellationToken ct)
    {
        var current = await venues.GetAsync(id, ct);
        var days = new DayHours?[7];
        var problems = new Dictionary<string, string[]>();
        for (var d = 0; d < 7; d++)
        {
            if (form[$"closed{d}"] == "true")
            {
                continue;
            }

            if (TimeOnly.TryParseExact(form[$"open{d}"].ToString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                && TimeOnly.TryParseExact(form[$"close{d}"].ToString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
                && open < close)
            {
                days[d] = new DayHours(open, close);
            }
            else
            {
                problems[$"openingHours[{d}]"] = [ActivityText.Get("Venue_DayHours", ActivityText.Get("Day_" + (DayOfWeek)d))];
            }
        }

        if (problems.Count > 0)
        {
            throw new InputValidationException(problems);
        }

        return new VenueRequest
        {
            Name = form["name"], Address = form["address"], Capacity = Int(form["capacity"], 0), BufferMinutes = Int(form["bufferMinutes"], current.BufferMinutes),
            MinMinutes = Int(form["minMinutes"], current.MinMinutes), MaxMinutes = Int(form["maxMinutes"], current.MaxMinutes),
            Facilities = [.. form["facilities"].Where(f => !string.IsNullOrEmpty(f)).Select(f => f!)], OpeningHours = new WeeklyHours { Days = days },
            FollowsWorkCalendar = form["followsWorkCalendar"] == "true",
            OwnerKind = current.OwnerKind, OwnerOrganizationId = current.OwnerOrganizationId, RegionCode = current.RegionCode,
            Latitude = current.Latitude, Longitude = current.Longitude, Policy = current.Policy,
        };
    }

    private static int Int(string? value, int fallback) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
