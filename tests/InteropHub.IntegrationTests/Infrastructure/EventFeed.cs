using System.Net.Http.Json;
using System.Text.Json;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>The tenant's whole event feed, read page by page through <c>GET /v1/events</c> as a client would.</summary>
public static class EventFeed
{
    public static async Task<List<JsonElement>> AllAsync(HttpClient client, CancellationToken ct)
    {
        var events = new List<JsonElement>();
        for (long after = 0; ;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/v1/events?after={after}&limit=1000", ct);
            var items = page.GetProperty("events");
            if (items.GetArrayLength() == 0)
            {
                return events;
            }

            events.AddRange(items.EnumerateArray());
            after = page.GetProperty("next").GetInt64();
        }
    }

    /// <summary>The subjects of the events of <paramref name="type"/>, one entry per event.</summary>
    public static List<string> Subjects(this IEnumerable<JsonElement> events, string type) =>
        [.. events.Where(e => e.GetProperty("type").GetString() == type).Select(e => e.GetProperty("subject").GetString()!)];
}
