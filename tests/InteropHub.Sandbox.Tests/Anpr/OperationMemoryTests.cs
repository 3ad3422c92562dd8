using System.Globalization;
using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>
/// The sandbox remembers at most <see cref="AnprSandboxSettings.StoredOperations"/> idOperazioneClient, the oldest
/// forgotten first, so a long run's memory stays bounded; forgetting never lets a consumer go back below its highest id.
/// </summary>
public sealed class OperationMemoryTests : IDisposable
{
    private readonly AnprHost _host = new(new AnprSandboxSettings { StoredOperations = 3 });

    private AnprSandbox Anpr => _host.Anpr;

    public void Dispose() => _host.Dispose();

    private Task<(int Status, System.Text.Json.JsonElement Body)> Send(string operationId, string consumer = "client-a") =>
        _host.LookUpResident(operationId, consumer);

    [Fact]
    public async Task Answers_beyond_the_bound_are_forgotten_oldest_first()
    {
        foreach (var id in new[] { "op-1", "op-2", "op-3", "op-4" })
        {
            await Send(id);
        }

        var (_, newest) = await Send("op-4");
        var (status, oldest) = await Send("op-1");

        Assert.Equal(200, status);
        var counts = Anpr.Requests("C030");
        Assert.Equal(1, counts.Replayed);
        Assert.Equal(5, counts.Answered);
        Assert.NotEqual(Text(newest, "idOperazioneANPR"), Text(oldest, "idOperazioneANPR"));
    }

    [Fact]
    public async Task A_consumers_highest_id_and_its_answer_outlive_the_bound()
    {
        var (_, first) = await Send("1000", "client-a");
        foreach (var id in new[] { "b-1", "b-2", "b-3", "b-4" })
        {
            await Send(id, "client-b");
        }

        var (lower, refusal) = await Send("999", "client-a");
        var (same, replayed) = await Send("1000", "client-a");

        Assert.Equal(400, lower);
        Assert.Equal("999", Entries(refusal)[0].Code);
        Assert.Equal(200, same);
        Assert.Equal(first.GetRawText(), replayed.GetRawText());
    }

    [Fact]
    public async Task Request_counts_per_operation_are_forgotten_oldest_first_too()
    {
        foreach (var id in new[] { "op-1", "op-2", "op-3", "op-4" })
        {
            await Send(id);
        }

        Assert.Equal(0, Anpr.OperationRequests("op-1"));
        Assert.Equal(1, Anpr.OperationRequests("op-4"));
    }

    [Fact]
    public async Task Many_consumers_racing_past_the_bound_each_keep_their_order()
    {
        // Four consumers send fifty increasing ids each, all at once, through a memory of three.
        var consumers = Enumerable.Range(0, 4).Select(c => $"client-{c}").ToList();
        var sends = consumers.SelectMany(c => Enumerable.Range(0, 50).Select(i => (Consumer: c, Id: (7000 + i).ToString(CultureInfo.InvariantCulture))));

        var results = await Task.WhenAll(sends.Select(async s => (s.Consumer, s.Id, (await Send(s.Id, s.Consumer)).Status)));

        var counts = Anpr.Requests("C030");
        Assert.Equal(200, counts.Requests);
        Assert.Equal(200, counts.Processed + counts.OutOfOrder);
        foreach (var consumer in consumers)
        {
            var highest = results.Where(r => r.Consumer == consumer && r.Status == 200).Max(r => int.Parse(r.Id, CultureInfo.InvariantCulture));
            Assert.Equal(7049, highest);
            Assert.Equal(400, (await Send("6999", consumer)).Status);
            Assert.Equal(200, (await Send("7049", consumer)).Status);
        }

        Assert.Equal(4, Anpr.Requests("C030").Replayed);
    }

    [Fact]
    public void A_bound_below_one_is_refused_at_start()
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => new AnprHost(new AnprSandboxSettings { StoredOperations = 0 }));

        Assert.Contains(nameof(AnprSandboxSettings.StoredOperations), refusal.Message, StringComparison.Ordinal);
    }
}
