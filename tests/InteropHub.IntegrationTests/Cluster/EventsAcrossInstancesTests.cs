using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Contracts.Stores;
using InteropHub.Host.Webhooks;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.IntegrationTests.Webhooks;
using InteropHub.Testing;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// Two hub processes on one PostgreSQL database, each producing events and running its webhook delivery loop: the
/// receiver gets each event once, and the feed read through either instance lists each event once.
/// </summary>
[Collection(HubClusterCollection.Name)]
public sealed class EventsAcrossInstancesTests
{
    private const int PaymentsPerInstance = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_made_on_two_instances_reach_the_webhook_once_each_and_either_feed_lists_each_once()
    {
        using var pagoPa = new ExternalPagoPa(ExternalPagoPa.Brisk);
        using var receiver = new WebhookReceiver(_ => 200);
        var connectionString = await PostgresCluster.CreateDatabaseAsync(cancellationToken: Ct);
        var directories = new[] { HubFactory.NewDirectory(), HubFactory.NewDirectory() };
        try
        {
            // The first instance creates the schema; the second starts on it.
            using var first = await HubProcess.StartAsync(directories[0], Settings(pagoPa, directories[0], connectionString), Ct);
            using var second = await HubProcess.StartAsync(directories[1], Settings(pagoPa, directories[1], connectionString), Ct);
            using var clients = new Clients(first.Client(ExternalPagoPa.Key), second.Client(ExternalPagoPa.Key));
            using (var created = await WebhookRequests.CreateAsync(clients[0], receiver.Url, Ct))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await Task.WhenAll(Enumerable.Range(0, 2 * PaymentsPerInstance).Select(i => PaymentBodies.CreatedAsync(clients[i % 2], PaymentBodies.Single())));

            var feeds = await Task.WhenAll(EventFeed.AllAsync(clients[0], Ct), EventFeed.AllAsync(clients[1], Ct));
            Assert.Equal(2 * PaymentsPerInstance, feeds[0].Subjects(EventTypes.PaymentCreated).Distinct().Count());
            var ids = feeds[0].Where(e => e.GetProperty("type").GetString()!.StartsWith("payment.", StringComparison.Ordinal)).Select(e => e.GetProperty("id").GetString()!).ToList();
            Assert.Equal(feeds[0].Select(e => e.GetProperty("id").GetString()), feeds[1].Select(e => e.GetProperty("id").GetString()));
            Assert.Equal(feeds[0].Count, feeds[0].Select(e => e.GetProperty("id").GetString()).Distinct().Count());

            // Once every delivery is recorded as delivered after one attempt, no further post can come.
            await first.EventuallyAsync(async () => await DeliveredAfterOneAttemptAsync(clients[1]) == ids.Count, Ct);
            var posted = receiver.Received.Select(r => r.Headers[WebhookSignature.EventIdHeader]).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), posted.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var directory in directories)
            {
                HubFactory.DeleteDirectory(directory);
            }

            await PostgresCluster.DropDatabaseAsync(connectionString);
        }
    }

    private static Dictionary<string, string?> Settings(ExternalPagoPa pagoPa, string directory, string connectionString)
    {
        var settings = pagoPa.Settings(directory);
        settings["Hub:Database:Provider"] = "PostgreSQL";
        settings["ConnectionStrings:Hub"] = connectionString;
        settings["Hub:Webhooks:AllowLoopbackTargets"] = "true";
        settings["Hub:Webhooks:Delivery:PollInterval"] = "00:00:00.100";
        return settings;
    }

    private static async Task<int> DeliveredAfterOneAttemptAsync(HttpClient client)
    {
        var webhooks = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks", Ct);
        var id = webhooks[0].GetProperty("id").GetString();
        var page = await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{id}/deliveries?limit=100", Ct);
        return page.GetProperty("deliveries").EnumerateArray()
            .Count(d => d.GetProperty("status").GetString() == "delivered" && d.GetProperty("attempts").GetInt32() == 1);
    }

    /// <summary>One API client per instance, disposed together.</summary>
    private sealed class Clients(params HttpClient[] clients) : IDisposable
    {
        public HttpClient this[int index] => clients[index];

        public void Dispose()
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
