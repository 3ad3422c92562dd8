using System.Text.Json.Nodes;
using InteropHub.Sandbox.Anpr;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>casoUso must name the service; a repeated idOperazioneClient gets ANPR's stored answer (docs/platforms/anpr.md §2.1).</summary>
public sealed class CasoUsoAndReplayTests : IDisposable
{
    private readonly AnprHost _host = new();

    private AnprSandbox Anpr => _host.Anpr;

    private AnprSubject Resident => Anpr.Subjects(AnprSubjectCategory.Resident, 1, "demo-a")[0];

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_casouso_of_another_service_is_refused_with_en148()
    {
        var request = AnprHost.ByFiscalCode("C003", Resident.FiscalCode);

        var (status, body) = await _host.Call("C030", request);

        Assert.Equal(400, status);
        Assert.Equal([("EN148", "E", "Ente non abilitato o caso uso inesistente : C003")], Entries(body));
        Assert.Equal(1, Anpr.Requests("C030").Rejected);
    }

    [Fact]
    public async Task A_repeated_operation_id_gets_the_first_answer_whatever_the_new_request_says()
    {
        var first = AnprHost.ByIdAnpr("C030", Resident.IdAnpr, "1001");
        first["criteriRicerca"] = new JsonObject { ["codiceFiscale"] = Resident.FiscalCode };
        var other = Anpr.Subjects(AnprSubjectCategory.Resident, 2, "demo-b")[1];

        var (_, original) = await _host.Call("C030", first, consumer: "client-a");
        var (status, replayed) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", other.FiscalCode, "1001"), consumer: "client-a");

        Assert.Equal(200, status);
        Assert.Equal(original.GetRawText(), replayed.GetRawText());
        Assert.Equal(Resident.IdAnpr, IdAnpr(replayed));
        Assert.Equal(2, Anpr.OperationRequests("1001"));
        Assert.Equal(new AnprRequestCounts(2, 1, 0, 0, 1, 0, 0, 0, 0), Anpr.Requests("C030"));
    }

    [Fact]
    public async Task A_stored_error_is_replayed_too_even_after_the_request_is_fixed()
    {
        var wrong = AnprHost.ByFiscalCode("C020", Resident.FiscalCode, "2001");
        var fixedRequest = AnprHost.ByFiscalCode("C021", Resident.FiscalCode, "2001");

        await _host.Call("C021", wrong);
        var (status, body) = await _host.Call("C021", fixedRequest);

        Assert.Equal(400, status);
        Assert.Equal("EN148", Entries(body)[0].Code);
    }

    [Fact]
    public async Task An_operation_id_reused_on_another_service_gets_the_first_services_answer()
    {
        var (_, c030) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", Resident.FiscalCode, "5001"), consumer: "client-a");
        var (_, c021) = await _host.Call("C021", AnprHost.ByIdAnpr("C021", Resident.IdAnpr, "5001"), consumer: "client-a");

        Assert.Equal(c030.GetRawText(), c021.GetRawText());
        Assert.Equal(1, Anpr.Requests("C021").Replayed);
    }

    [Fact]
    public async Task Operation_ids_belong_to_one_consumer()
    {
        var other = Anpr.Subjects(AnprSubjectCategory.Resident, 2, "demo-b")[1];

        await _host.Call("C030", AnprHost.ByFiscalCode("C030", Resident.FiscalCode, "3001"), consumer: "client-a");
        var (_, body) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", other.FiscalCode, "3001"), consumer: "client-b");

        Assert.Equal(other.IdAnpr, IdAnpr(body));
    }

    [Fact]
    public async Task Forgetting_operations_answers_a_repeated_id_afresh()
    {
        var (_, first) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", Resident.FiscalCode, "4001"));

        Anpr.ForgetOperations();
        var (_, second) = await _host.Call("C030", AnprHost.ByFiscalCode("C030", Resident.FiscalCode, "4001"));

        Assert.NotEqual(first.GetProperty("idOperazioneANPR").GetString(), second.GetProperty("idOperazioneANPR").GetString());
    }
}
