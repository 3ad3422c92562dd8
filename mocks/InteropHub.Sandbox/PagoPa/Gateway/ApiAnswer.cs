using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.PagoPa.Gateway;

/// <summary>What one pagoPA API answers before the gateway adds its headers: a status and a body of a media type, or no body.</summary>
internal sealed record ApiAnswer(int Status, string? Body, string ContentType = "application/json")
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public static ApiAnswer Json(int status, JsonNode? body) => new(status, body?.ToJsonString());
}
