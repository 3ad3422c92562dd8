using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InteropHub.Host;
using InteropHub.Host.Configuration;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Sandbox;
using InteropHub.Sandbox.Anpr;
using InteropHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InteropHub.IntegrationTests.Payments.PaymentBodies;

namespace InteropHub.IntegrationTests.Platform;

/// <summary>
/// Sandbox mode on shared sandboxes (<c>Hub:Sandbox:Platforms:*</c>): two hubs — as two instances would — use one
/// standalone set of sandboxes, where each registers the demo tenants through the control endpoints, and one PostgreSQL database.
/// </summary>
public sealed class SharedSandboxTests : IDisposable
{
    private readonly SandboxHost _sandbox = SandboxHost.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Two_hubs_on_shared_sandboxes_both_reach_anpr_through_pdnd_and_create_positions_in_the_one_gpd()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Sandbox:Platforms:PdndUrl"] = _sandbox.PdndUrl.ToString(),
            ["Hub:Sandbox:Platforms:AnprUrl"] = _sandbox.AnprUrl.ToString(),
            ["Hub:Sandbox:Platforms:PagoPaUrl"] = _sandbox.PagoPaUrl.ToString(),
            ["Hub:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Hub"] = await PostgresCluster.CreateDatabaseAsync(cancellationToken: Ct),
        };

        // Instances of one hub: one database, one data directory (the demo keys, the audit key).
        var directory = HubFactory.NewDirectory();
        try
        {
            await using var first = new HubFactory(settings, directory);
            _ = first.Server;
            await using var second = new HubFactory(settings, directory);
            var resident = _sandbox.Anpr.Subjects(AnprSubjectCategory.Resident, 2, "demo-a");

            foreach (var (hub, subject) in new[] { (first, resident[0]), (second, resident[1]) })
            {
                // Neither hub started sandboxes of its own.
                Assert.Null(hub.Services.GetRequiredService<HubRuntime>().SandboxHost);
                using var client = hub.ClientWithKey("sandbox-key-a");
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/registry/residents/{subject.FiscalCode}");
                request.Headers.Add("X-Operator-Id", "mario.rossi");
                request.Headers.Add("X-Request-Reason", "PROT-2026-0001");
                using var answer = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal(subject.IdAnpr, (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("idAnpr").GetString());

                Assert.Equal(HttpStatusCode.Created, (await CreateAsync(client, Single())).StatusCode);
            }

            Assert.Equal(2, _sandbox.PagoPa.Positions("80015010723").Count);
            Assert.Equal(2, _sandbox.Anpr.Requests("C020").Requests);
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public void Shared_sandboxes_need_all_three_loopback_addresses_and_the_start_names_each_wrong_one()
    {
        var directory = HubFactory.NewDirectory();
        try
        {
            var args = HostArguments.For(directory, new Dictionary<string, string?>
            {
                ["Hub:Sandbox:Platforms:PdndUrl"] = _sandbox.PdndUrl.ToString(),
                ["Hub:Sandbox:Platforms:AnprUrl"] = "https://modipa-val.anpr.interno.it/",
            });

            var failure = Assert.Throws<HubStartupException>(() => HubApplication.Build(args));

            Assert.Equal(2, failure.Problems.Count);
            Assert.StartsWith("Hub:Sandbox:Platforms:AnprUrl must be an http URL on loopback", failure.Problems[0], StringComparison.Ordinal);
            Assert.StartsWith("Hub:Sandbox:Platforms:PagoPaUrl must be an http URL on loopback", failure.Problems[1], StringComparison.Ordinal);
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }

    [Fact]
    public void Shared_sandboxes_that_do_not_answer_stop_the_start_saying_how_to_start_them()
    {
        var directory = HubFactory.NewDirectory();
        try
        {
            // Port 9 (discard): nothing listens there.
            var args = HostArguments.For(directory, new Dictionary<string, string?>
            {
                ["Hub:Sandbox:Platforms:PdndUrl"] = "http://127.0.0.1:9/",
                ["Hub:Sandbox:Platforms:AnprUrl"] = _sandbox.AnprUrl.ToString(),
                ["Hub:Sandbox:Platforms:PagoPaUrl"] = _sandbox.PagoPaUrl.ToString(),
            });

            var failure = Assert.Throws<HubStartupException>(() => HubApplication.Build(args));

            Assert.Contains("Hub:Sandbox:Platforms:PdndUrl = http://127.0.0.1:9/ does not answer", failure.Summary, StringComparison.Ordinal);
            Assert.Contains(failure.Problems, p => p.Contains("dotnet run --project mocks/InteropHub.Sandbox", StringComparison.Ordinal));
        }
        finally
        {
            HubFactory.DeleteDirectory(directory);
        }
    }
}
