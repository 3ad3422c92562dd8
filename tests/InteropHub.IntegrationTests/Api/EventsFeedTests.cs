using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Api;

public sealed class EventsFeedTests(ConfiguredHubFixture fixture) : IClassFixture<ConfiguredHubFixture>
{
    [Fact]
    public async Task The_feed_returns_only_the_callers_events_in_order_and_the_cursor_continues()
    {
        var ct = TestContext.Current.CancellationToken;
        var publisher = fixture.Hub.Services.GetRequiredService<IEventPublisher>();
        var run = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            await publisher.PublishAsync(new HubEvent(TenantId.Parse("alpha"), EventTypes.PaymentPaid, $"payment/{run}-{i}", $$"""{"n":{{i}}}""", $"{run}-a-{i}"), ct);
            await publisher.PublishAsync(new HubEvent(TenantId.Parse("beta"), EventTypes.PaymentPaid, $"payment/{run}-{i}", $$"""{"n":{{i}}}""", $"{run}-b-{i}"), ct);
        }

        using var alpha = fixture.Hub.ClientWithKey(TestTenants.AlphaAdminKey);
        var all = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await alpha.GetFromJsonAsync<JsonElement>($"/v1/events?after={after}&limit=2", ct);
            var events = page.GetProperty("events").EnumerateArray().ToList();
            after = page.GetProperty("next").GetInt64();
            if (events.Count == 0)
            {
                break;
            }

            all.AddRange(events);
        }

        var mine = all.Where(e => e.GetProperty("subject").GetString()!.Contains(run, StringComparison.Ordinal)).ToList();
        Assert.Equal([0, 1, 2, 3, 4], mine.Select(e => e.GetProperty("data").GetProperty("n").GetInt32()));
        var sequences = all.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(5, mine.Count);

        // Caught up: the cursor stays put and the page is empty.
        var tail = await alpha.GetFromJsonAsync<JsonElement>($"/v1/events?after={after}", ct);
        Assert.Empty(tail.GetProperty("events").EnumerateArray());
        Assert.Equal(after, tail.GetProperty("next").GetInt64());
    }

    [Fact]
    public async Task Republishing_the_same_event_does_not_duplicate_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var publisher = fixture.Hub.Services.GetRequiredService<IEventPublisher>();
        var dedup = Guid.NewGuid().ToString("N");
        var e = new HubEvent(TenantId.Parse("alpha"), EventTypes.RegistrySignal, $"signal/{dedup}", "{}", dedup);
        Assert.True(await publisher.PublishAsync(e, ct));
        Assert.False(await publisher.PublishAsync(e, ct));
    }

    [Fact]
    public async Task A_registry_only_key_does_not_see_payment_events()
    {
        var ct = TestContext.Current.CancellationToken;
        var publisher = fixture.Hub.Services.GetRequiredService<IEventPublisher>();
        var run = Guid.NewGuid().ToString("N");
        await publisher.PublishAsync(new HubEvent(TenantId.Parse("alpha"), EventTypes.PaymentPaid, $"payment/{run}", "{}", $"{run}-p"), ct);
        await publisher.PublishAsync(new HubEvent(TenantId.Parse("alpha"), EventTypes.RegistrySignal, $"signal/{run}", "{}", $"{run}-s"), ct);

        using var registry = fixture.Hub.ClientWithKey(TestTenants.AlphaRegistryKey);
        var page = await registry.GetFromJsonAsync<JsonElement>("/v1/events?limit=1000", ct);
        var subjects = page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("subject").GetString()).ToList();
        Assert.Contains($"signal/{run}", subjects);
        Assert.DoesNotContain($"payment/{run}", subjects);
    }

    [Fact]
    public async Task A_run_of_events_the_key_may_not_see_does_not_end_its_reading_early()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = new HubFactory(TestTenants.Settings());
        var publisher = hub.Services.GetRequiredService<IEventPublisher>();
        for (var i = 0; i < 5; i++)
        {
            await publisher.PublishAsync(new HubEvent(TenantId.Parse("alpha"), EventTypes.PaymentPaid, $"payment/{i}", "{}", $"p-{i}"), ct);
        }

        await publisher.PublishAsync(new HubEvent(TenantId.Parse("alpha"), EventTypes.RegistrySignal, "signal/1", "{}", "s-1"), ct);

        using var registry = hub.ClientWithKey(TestTenants.AlphaRegistryKey);
        var page = await registry.GetFromJsonAsync<JsonElement>("/v1/events?limit=2", ct);
        Assert.Equal(["signal/1"], page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("subject").GetString()));
        var rest = await registry.GetFromJsonAsync<JsonElement>($"/v1/events?after={page.GetProperty("next").GetInt64()}&limit=2", ct);
        Assert.Equal(0, rest.GetProperty("events").GetArrayLength());
    }
}
