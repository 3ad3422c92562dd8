using System.Text;

namespace InteropHub.IntegrationTests.Infrastructure;

public static class WebhookRequests
{
    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, string url, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        PostAsync(client, $$"""{"url":"{{url}}","eventTypes":["payment.*"]}""", cancellationToken, idempotencyKey ?? Guid.NewGuid().ToString());

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, CancellationToken cancellationToken, string? idempotencyKey, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks") { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, cancellationToken);
    }
}
