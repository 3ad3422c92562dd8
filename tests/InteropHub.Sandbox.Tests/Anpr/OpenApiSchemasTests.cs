using System.Text.Json;
using InteropHub.Testing;

namespace InteropHub.Sandbox.Tests.Anpr;

/// <summary>The schema check the answer tests rely on finds what it is meant to find.</summary>
public sealed class OpenApiSchemasTests
{
    private static readonly OpenApiSchemas C021 = OpenApiSchemas.Load("C021-servizioAccertamentoStatoFamiglia.yaml");

    [Fact]
    public void Unknown_members_wrong_types_and_enum_values_are_reported()
    {
        var body = JsonSerializer.Deserialize<JsonElement>("""
            {"idOperazioneANPR":"1","listaSoggetti":{"datiSoggetto":[{"identificativi":{"idANPR":7},"infoSoggettoEnte":[{"id":"1003","valore":"X"}],"eta":40}]}}
            """);

        var violations = C021.Violations(body, "RispostaE002OK");

        Assert.Equal(
            [
                "$.listaSoggetti.datiSoggetto[0].identificativi.idANPR: expected a string, found Number",
                "$.listaSoggetti.datiSoggetto[0].infoSoggettoEnte[0].valore: \"X\" is not one of the enum values",
                "$.listaSoggetti.datiSoggetto[0]: member 'eta' is not in the schema",
            ],
            violations);
    }

    [Fact]
    public void Missing_required_members_are_reported()
    {
        var request = JsonSerializer.Deserialize<JsonElement>("""{"idOperazioneClient":"1","datiRichiesta":{"casoUso":"C021"}}""");

        var violations = C021.Violations(request, "RichiestaE002");

        Assert.Equal(
            [
                "$: required member 'criteriRicerca' is missing",
                "$.datiRichiesta: required member 'dataRiferimentoRichiesta' is missing",
                "$.datiRichiesta: required member 'motivoRichiesta' is missing",
            ],
            violations);
    }
}
