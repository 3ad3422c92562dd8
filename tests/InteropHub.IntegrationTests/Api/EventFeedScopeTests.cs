using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Contracts.Errors;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Api;

/// <summary>
/// What each kind of key reads from <c>GET /v1/events</c>: every event of the families its scopes read, paging one
/// event at a time, so a cursor that moved past an event the key may read would show up as a missing item.
/// </summary>
public sealed class EventFeedScopeTests(EventFeedScopeTests.Hub fixture) : IClassFixture<EventFeedScopeTests.Hub>
{
    [Theory]
    [InlineData("payments:write", "payment.,reconciliation.")]
    [InlineData("payments:read", "payment.,reconciliation.")]
    [InlineData("registry:read", "registry.")]
    [InlineData("registry:read,payments:write", "payment.,reconciliation.,registry.")]
    [InlineData("admin", "payment.,reconciliation.,registry.")]
    public async Task A_key_reads_every_event_of_the_families_its_scopes_read_and_no_other(string scopes, string families)
    {
        var ct = TestContext.Current.CancellationToken;
        var all = await ReadAllAsync(Hub.KeyFor("admin"), ct);
        var prefixes = families.Split(',');
        var expected = all.Where(e => prefixes.Any(p => e.Type.StartsWith(p, StringComparison.Ordinal))).ToList();

        var seen = await ReadAllAsync(Hub.KeyFor(scopes), ct);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_key_whose_scopes_read_no_event_family_is_forbidden_instead_of_reading_an_empty_feed()
    {
        using var client = fixture.Factory.ClientWithKey(Hub.KeyFor(""));
        using var response = await client.GetAsync("/v1/events?after=0", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        Assert.Contains("'payments:read'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<List<(long Sequence, string Type)>> ReadAllAsync(string key, CancellationToken ct)
    {
        using var client = fixture.Factory.ClientWithKey(key);
        var read = new List<(long, string)>();
        long after = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/v1/events?after={after}&limit=1", ct);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            after = page.GetProperty("next").GetInt64();
            if (events.Count == 0)
            {
                return read;
            }

            read.AddRange(events.Select(e => (e.GetProperty("sequence").GetInt64(), e.GetProperty("type").GetString()!)));
        }
    }

    /// <summary>Tenant alpha with one key per scope set, and events of every family stored in runs of one family.</summary>
    public sealed class Hub : IAsyncLifetime
    {
        private static readonly string[] ScopeSets = ["", "payments:write", "payments:read", "registry:read", "registry:read,payments:write", "admin"];

        public HubFactory Factory { get; } = new(Settings());

        public static string KeyFor(string scopes) => $"feed-key-{scopes}";

        public async ValueTask InitializeAsync()
        {
            var publisher = Factory.Services.GetRequiredService<IEventPublisher>();
            string[] types =
            [
                EventTypes.PaymentCreated, EventTypes.PaymentPaid, EventTypes.RegistrySignal, EventTypes.ReconciliationAnomaly,
                EventTypes.RegistrySignal, EventTypes.RegistrySignal, EventTypes.PaymentCancelled, EventTypes.PaymentExpired,
            ];
            for (var i = 0; i < types.Length; i++)
            {
                await publisher.PublishAsync(new HubEvent(TenantId.Parse("alpha"), types[i], $"subject/{i}", "{}", $"scope-test-{i}"), TestContext.Current.CancellationToken);
            }
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();

        private static Dictionary<string, string?> Settings()
        {
            var settings = TestTenants.Settings();
            for (var i = 0; i < ScopeSets.Length; i++)
            {
                var key = $"Hub:Tenants:0:ApiKeys:{3 + i}";
                settings[$"{key}:Sha256"] = HubFactory.Sha256(KeyFor(ScopeSets[i]));
                var scopes = ScopeSets[i].Split(',', StringSplitOptions.RemoveEmptyEntries);
                for (var j = 0; j < scopes.Length; j++)
                {
                    settings[$"{key}:Scopes:{j}"] = scopes[j];
                }
            }

            return settings;
        }
    }
}
