using System.Net;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.IntegrationTests.Payments;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Testing;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Cluster;

/// <summary>
/// Two hub processes on one PostgreSQL database share GPD's limit of a subscription key: pushing payments as fast as
/// their callers can, together they never send GPD more calls of the key in a window than it allows, so APIM (the
/// sandbox, a sliding window like APIM's) never answers 429. The limit is GPD's own scaled down (10 calls in 5 s, on the
/// hubs and the sandbox alike), so that even a loaded machine pushes faster than it, and the test stays short.
/// </summary>
[Collection(HubClusterCollection.Name)]
public sealed class SharedLimitsTests
{
    private const int Calls = 10;
    private const int PaymentsPerHub = 15;
    private const int CallersPerHub = 8;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    // The GPD subscription key ExternalPagoPa gives its tenant (in a file of each hub's directory).
    private const string GpdKey = "sandbox-gpd-key-alpha";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_pushing_payments_together_never_send_gpd_more_calls_of_a_key_than_its_window_allows()
    {
        using var pagoPa = new ExternalPagoPa(new PagoPaSandboxSettings { RateLimitRequests = Calls, RateLimitWindow = Window });
        var database = await PostgresCluster.CreateDatabaseAsync(cancellationToken: Ct);
        var directories = new[] { HubFactory.NewDirectory(), HubFactory.NewDirectory() };
        var hubs = new List<HubProcess>();
        try
        {
            foreach (var directory in directories)
            {
                var settings = pagoPa.Settings(directory).WithQuietCrons();
                settings["Hub:Database:Provider"] = "PostgreSQL";
                settings["ConnectionStrings:Hub"] = database;
                settings["Logging:LogLevel:Default"] = "Warning";
                hubs.Add(await HubProcess.StartAsync(directory, settings, Ct));
            }

            var created = await Task.WhenAll(hubs.Select(PushAsync));

            Assert.All(created.SelectMany(statuses => statuses), status => Assert.Equal(HttpStatusCode.Created, status));
            Assert.Equal(2 * PaymentsPerHub, pagoPa.Sandbox.Positions(ExternalPagoPa.FiscalCode).Count);
            var (throttled, busiest) = pagoPa.Sandbox.RateLimitWindow(GpdKey);
            Assert.True(throttled == 0 && busiest <= Calls, $"GPD saw up to {busiest} calls of the key in {Window} and refused {throttled}.");
        }
        finally
        {
            hubs.ForEach(hub => hub.Dispose());
            Array.ForEach(directories, HubFactory.DeleteDirectory);
            await PostgresCluster.DropDatabaseAsync(database);
        }
    }

    private static async Task<HttpStatusCode[]> PushAsync(HubProcess hub)
    {
        using var client = hub.Client(ExternalPagoPa.Key);
        var next = 0;
        var statuses = new HttpStatusCode[PaymentsPerHub];
        await Task.WhenAll(Enumerable.Range(0, CallersPerHub).Select(async _ =>
        {
            for (int i; (i = Interlocked.Increment(ref next) - 1) < PaymentsPerHub;)
            {
                using var response = await CreateAsync(client, Single());
                statuses[i] = response.StatusCode;
            }
        }));
        return statuses;
    }
}
