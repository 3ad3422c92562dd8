using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>
/// A new idOperazioneClient lower than the last one a consumer sent is refused, as ANPR does (C001 spec, docs/platforms/anpr.md §2.1):
/// HTTP 400, RispostaKO 999 "idOperazioneClient inferiore all'ultimo inviato", not processed and not stored.
/// </summary>
public sealed class OperationOrderTests : IDisposable
{
    private readonly AnprHost _host = new();

    private AnprSandbox Anpr => _host.Anpr;

    private AnprSubject Resident => Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];

    public void Dispose() => _host.Dispose();

    private Task<(int Status, System.Text.Json.JsonElement Body)> Send(string operationId, string consumer = "client-a") =>
        _host.LookUpResident(operationId, consumer);

    [Fact]
    public async Task A_new_id_lower_than_the_last_one_sent_is_refused_with_999_every_time_and_never_processed()
    {
        await Send("1782147770367");

        var (status, body) = await Send("1782147770366");
        var (again, _) = await Send("1782147770366");

        Assert.Equal(400, status);
        Assert.Equal([("999", "E", "idOperazioneClient inferiore all'ultimo inviato")], Entries(body));
        Assert.False(string.IsNullOrEmpty(Text(body, "idOperazioneANPR")));
        Assert.Equal(400, again);
        var counts = Anpr.Requests("C030");
        Assert.Equal(2, counts.OutOfOrder);
        Assert.Equal(1, counts.Processed);
        Assert.Equal(3, counts.Requests);
    }

    [Fact]
    public async Task A_known_id_is_replayed_even_when_lower_than_the_last_one_sent()
    {
        var (_, first) = await Send("2001");
        await Send("2002");

        var (status, replayed) = await Send("2001");

        Assert.Equal(200, status);
        Assert.Equal(first.GetRawText(), replayed.GetRawText());
        Assert.Equal(0, Anpr.Requests("C030").OutOfOrder);
    }

    [Fact]
    public async Task The_last_id_is_shared_by_every_service_of_a_consumer()
    {
        await Send("3002");

        var (status, body) = await _host.Call("C020", AnprHost.ByIdAnpr("C020", Resident.IdAnpr, "3001"), consumer: "client-a");

        Assert.Equal(400, status);
        Assert.Equal("999", Entries(body)[0].Code);
        Assert.Equal(1, Anpr.Requests("C020").OutOfOrder);
    }

    [Fact]
    public async Task Each_consumer_has_its_own_last_id()
    {
        await Send("4002", "client-a");

        var (status, _) = await Send("4001", "client-b");

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("99", "100")]
    [InlineData("0099", "100")]
    [InlineData("100", "0100")]
    public async Task Ids_are_compared_as_numbers(string first, string second)
    {
        await Send(first);

        var (status, _) = await Send(second);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Alphanumeric_ids_which_some_specs_allow_are_not_ordered()
    {
        await Send("9000");

        var (status, _) = await Send("postazione-1-000001");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Forgetting_operations_forgets_the_last_id_too()
    {
        await Send("5002");

        Anpr.ForgetOperations();
        var (status, _) = await Send("5001");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Many_concurrent_increasing_ids_sent_out_of_order_are_each_answered_or_refused_exactly_as_ordered()
    {
        // Sixty-four ids from one consumer race each other: whatever order they arrive in, the ones answered are
        // increasing in arrival order and every other one was lower than an id answered before it.
        var ids = Enumerable.Range(0, 64).Select(i => (6000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var results = await Task.WhenAll(ids.Select(async id => (Id: id, (await Send(id)).Status)));

        var counts = Anpr.Requests("C030");
        Assert.Equal(64, counts.Requests);
        Assert.Equal(64, counts.Processed + counts.OutOfOrder);
        Assert.Equal(counts.OutOfOrder, results.Count(r => r.Status == 400));
        Assert.Contains(results, r => r.Id == "6063" && r.Status == 200);
    }
}
