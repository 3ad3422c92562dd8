using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.PagoPa.Gpd;

/// <summary>What a GPD operation answers before the gateway adds its headers: a status and a JSON body, or none.</summary>
internal sealed record GpdAnswer(int Status, JsonNode? Body);
