using System.Text.Json;

namespace InteropHub.Sandbox.Anpr;

/// <summary>
/// A <c>RichiestaE002</c> read as GovWay validates it against the e-service's OpenAPI before ANPR sees it: required
/// members present, not null, of the declared type. Optional members sent as null (as Java clients do) count as absent.
/// </summary>
internal sealed class E002Request
{
    private E002Request(JsonElement root, IReadOnlyList<string> violations)
    {
        Violations = violations;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        OperationId = Member(root, "idOperazioneClient", JsonValueKind.String)?.GetString();
        Criteria = Member(root, "criteriRicerca", JsonValueKind.Object);
        Verification = Member(root, "verifica", JsonValueKind.Object);
        if (Member(root, "datiRichiesta", JsonValueKind.Object) is { } data)
        {
            ReferenceDate = Text(data, "dataRiferimentoRichiesta");
            UseCase = Text(data, "casoUso");
        }
    }

    /// <summary>The client's <c>idOperazioneClient</c>, when the body has one (even an otherwise invalid body).</summary>
    public string? OperationId { get; }

    public JsonElement? Criteria { get; }

    public JsonElement? Verification { get; }

    public string? ReferenceDate { get; }

    public string? UseCase { get; }

    /// <summary>Schema violations in GovWay's wording (openapi4j codes); empty for a conforming request.</summary>
    public IReadOnlyList<string> Violations { get; }

    public static E002Request Parse(byte[] body)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            return new E002Request(default, ["body: Unable to parse JSON content. (code: 1000)"]);
        }

        var violations = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            violations.Add($"body: Type expected 'object', found '{Kind(root)}'. (code: 1027)");
            return new E002Request(root, violations);
        }

        Required(root, "body", "idOperazioneClient", JsonValueKind.String, violations);
        Optional(root, "body", "verifica", JsonValueKind.Object, violations);
        if (Required(root, "body", "criteriRicerca", JsonValueKind.Object, violations) is { } criteria)
        {
            foreach (var name in new[] { "codiceFiscale", "idANPR", "cognome", "nome", "sesso", "senzaCognome", "senzaNome" })
            {
                Optional(criteria, "body.criteriRicerca", name, JsonValueKind.String, violations);
            }

            Optional(criteria, "body.criteriRicerca", "datiNascita", JsonValueKind.Object, violations);
        }

        if (Required(root, "body", "datiRichiesta", JsonValueKind.Object, violations) is { } data)
        {
            foreach (var name in new[] { "dataRiferimentoRichiesta", "motivoRichiesta", "casoUso" })
            {
                Required(data, "body.datiRichiesta", name, JsonValueKind.String, violations);
            }
        }

        return new E002Request(root, violations);
    }

    /// <summary>A string member, or null when it is missing, null, blank or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>A member of the given kind, or null.</summary>
    public static JsonElement? Member(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind ? value : null;

    private static JsonElement? Required(JsonElement parent, string path, string name, JsonValueKind kind, List<string> violations)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            violations.Add($"{path}: Field '{name}' is required. (code: 1026)");
            return null;
        }

        return Typed(value, $"{path}.{name}", kind, violations);
    }

    private static void Optional(JsonElement parent, string path, string name, JsonValueKind kind, List<string> violations)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            Typed(value, $"{path}.{name}", kind, violations);
        }
    }

    private static JsonElement? Typed(JsonElement value, string path, JsonValueKind kind, List<string> violations)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            violations.Add($"{path}: Null value is not allowed. (code: 1021)");
            return null;
        }

        if (value.ValueKind != kind)
        {
            violations.Add($"{path}: Type expected '{(kind == JsonValueKind.Object ? "object" : "string")}', found '{Kind(value)}'. (code: 1027)");
            return null;
        }

        return value;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
