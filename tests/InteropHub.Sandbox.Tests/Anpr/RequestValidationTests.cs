using System.Text.Json.Nodes;
using static InteropHub.Sandbox.Tests.Anpr.AnprJson;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>GovWay's validation of the body against the OpenAPI, before ANPR sees it (docs/platforms/anpr.md §2.3).</summary>
public sealed class RequestValidationTests(AnprHost host) : IClassFixture<AnprHost>
{
    [Fact]
    public async Task A_null_casouso_is_invalid_request_content_naming_the_member()
    {
        var request = AnprHost.ByFiscalCode("C001", "PRVGNN90R10H501Q");
        request["datiRichiesta"]!["casoUso"] = null;

        var (status, body) = await host.Call("C001", request);

        Assert.Equal(400, status);
        Assert.Equal("https://govway.org/handling-errors/400/InvalidRequestContent.html", Text(body, "type"));
        Assert.Equal("InvalidRequestContent", Text(body, "title"));
        Assert.Contains("body.datiRichiesta.casoUso: Null value is not allowed. (code: 1021)", Text(body, "detail"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Text(body, "govway_id")));
    }

    [Fact]
    public async Task Missing_required_members_are_all_listed()
    {
        var request = new JsonObject { ["criteriRicerca"] = new JsonObject(), ["datiRichiesta"] = new JsonObject { ["casoUso"] = "C001" } };

        var (status, body) = await host.Call("C001", request);

        Assert.Equal(400, status);
        var detail = Text(body, "detail")!;
        Assert.Contains("body: Field 'idOperazioneClient' is required. (code: 1026)", detail, StringComparison.Ordinal);
        Assert.Contains("body.datiRichiesta: Field 'dataRiferimentoRichiesta' is required. (code: 1026)", detail, StringComparison.Ordinal);
        Assert.Contains("body.datiRichiesta: Field 'motivoRichiesta' is required. (code: 1026)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_invalid_request_content()
    {
        using var response = await host.Post("C030", "idOperazioneClient=1");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("InvalidRequestContent", Text(await AnprHost.Json(response), "title"));
    }

    [Fact]
    public async Task A_reference_date_that_is_no_date_is_refused_by_anpr()
    {
        var request = AnprHost.ByFiscalCode("C030", "PRVGNN90R10H501Q");
        request["datiRichiesta"]!["dataRiferimentoRichiesta"] = "<string>";

        var (status, body) = await host.Call("C030", request);

        Assert.Equal(400, status);
        Assert.Equal("EN148", Entries(body)[0].Code);
    }

    [Fact]
    public async Task Search_criteria_without_fiscal_code_or_id_anpr_are_refused_by_anpr()
    {
        var (status, body) = await host.Call("C015", AnprHost.Request("C015", new JsonObject { ["cognome"] = "PROVA", ["nome"] = "GIOVANNI" }));

        Assert.Equal(400, status);
        Assert.Equal(("EN148", "E"), (Entries(body)[0].Code, Entries(body)[0].Kind));
    }
}
