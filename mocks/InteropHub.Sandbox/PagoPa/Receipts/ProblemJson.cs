using System.Text.Json.Nodes;

namespace InteropHub.Sandbox.PagoPa.Receipts;

/// <summary>The <c>ProblemJson {title, status, detail}</c> both receipt APIs answer errors with.</summary>
internal static class ProblemJson
{
    public static JsonObject Of(int status, string title, string detail) => new()
    {
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
    };
}
