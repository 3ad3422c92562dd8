using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InteropHub.IntegrationTests.Infrastructure;

namespace InteropHub.IntegrationTests.Payments;

/// <summary>Creates many payments at once for a test's set-up: one bulk upload, waited for until the batch job completed it.</summary>
internal static class BatchUploads
{
    /// <summary>Uploads <paramref name="payments"/> as a JSON array and returns the completed batch (bounded wait).</summary>
    public static async Task<JsonElement> UploadCompletedAsync(HttpClient client, JsonArray payments, CancellationToken ct)
    {
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/v1/payments/batches") { Content = new StringContent(payments.ToJsonString(), Encoding.UTF8, "application/json") };
        upload.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(upload, ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        JsonElement batch = default;
        Assert.True(
            await Polling.UntilAsync(async () => (batch = await client.GetFromJsonAsync<JsonElement>(location, ct)).GetProperty("status").GetString() == "completed", ct),
            $"The batch did not complete: {batch}");
        return batch;
    }
}
