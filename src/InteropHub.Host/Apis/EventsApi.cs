using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InteropHub.Host.Apis;

/// <summary>
/// <c>GET /v1/events</c>: the tenant's events in order, for software that cannot receive webhooks. Pass the returned
/// <c>next</c> as <c>after</c> to continue; an empty page means caught up. A key reads the event families its scopes
/// read through the rest of the API (<see cref="EventTypes.ReadScopes"/>); a key that reads none is refused with 403,
/// so no key reads an empty feed while its cursor passes events it was meant to act on.
/// </summary>
internal static class EventsApi
{
    public const int MaxLimit = 1000;

    private static readonly string[] FeedScopes = [.. EventTypes.All.SelectMany(EventTypes.ReadScopes).Distinct()];

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/events").WithTags("Events")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(HubClaims.ScopeClaim, FeedScopes));
        group.MapGet("/", ReadAsync).WithName("ReadEvents").WithSummary("Events after a cursor, oldest first.");
        return group;
    }

    private static async Task<Results<Ok<EventPage>, ValidationProblem>> ReadAsync(HttpContext http, IEventFeed feed, CancellationToken cancellationToken, long after = 0, int limit = 100)
    {
        if (after < 0 || limit is < 1 or > MaxLimit)
        {
            var errors = new Dictionary<string, string[]>();
            if (after < 0)
            {
                errors["after"] = ["after must be 0 or a cursor returned as next."];
            }

            if (limit is < 1 or > MaxLimit)
            {
                errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
            }

            return TypedResults.ValidationProblem(errors, title: "Invalid query", detail: "Some query parameters are not acceptable; see errors.");
        }

        // The cursor passes only events no scope of this key reads anywhere in the API, and a run of them never ends
        // a page early: a page is empty only when the caller has caught up.
        var visible = new List<EventItem>(limit);
        var next = after;
        while (visible.Count < limit)
        {
            var events = await feed.ReadAsync(http.User.Tenant(), next, limit, cancellationToken);
            foreach (var e in events)
            {
                next = e.Sequence;
                if (Visible(http, e.Type))
                {
                    visible.Add(EventItem.From(e));
                    if (visible.Count == limit)
                    {
                        break;
                    }
                }
            }

            if (events.Count < limit)
            {
                break;
            }
        }

        return TypedResults.Ok(new EventPage([.. visible], next));
    }

    private static bool Visible(HttpContext http, string type) => EventTypes.ReadScopes(type).Any(http.User.HasScope);
}

/// <summary>A page of events and the cursor to pass as <c>after</c> next time.</summary>
internal sealed record EventPage(EventItem[] Events, long Next);

internal sealed record EventItem(long Sequence, string Id, string Type, string Subject, DateTimeOffset OccurredAt, JsonElement Data)
{
    public static EventItem From(StoredEvent e)
    {
        using var document = JsonDocument.Parse(e.DataJson);
        return new EventItem(e.Sequence, e.Id, e.Type, e.Subject, e.OccurredAt, document.RootElement.Clone());
    }
}
