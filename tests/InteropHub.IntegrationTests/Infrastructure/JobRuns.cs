using System.Net.Http.Json;
using System.Text.Json;

namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>Triggers a job through the admin API, and reads or waits for the run it starts.</summary>
public static class JobRuns
{
    public static async Task<JsonElement> TriggerAndWaitAsync(HttpClient client, string job, CancellationToken ct)
    {
        var before = await LastRunIdAsync(client, job, ct);
        await TriggerAsync(client, job, ct);

        // The run happens on the scheduler's thread; poll its record (bounded): there is no time to fake here.
        JsonElement finished = default;
        var done = await Polling.UntilAsync(
            async () =>
            {
                var last = await LastRunAsync(client, job, ct);
                if (last is { } run && run.GetProperty("id").GetInt64() != before && run.GetProperty("status").GetString() != "running")
                {
                    finished = run;
                    return true;
                }

                return false;
            },
            ct);
        return done ? finished : throw new TimeoutException($"Job {job} did not finish.");
    }

    /// <summary>Triggers <paramref name="job"/>, waits for its run and asserts it succeeded (the run's record is the message otherwise).</summary>
    public static async Task<JsonElement> SucceededAsync(HttpClient client, string job, CancellationToken ct)
    {
        var run = await TriggerAndWaitAsync(client, job, ct);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.GetRawText());
        return run;
    }

    /// <summary>Asks for a run of <paramref name="job"/> now and returns without waiting for it.</summary>
    public static async Task TriggerAsync(HttpClient client, string job, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/jobs/{job}/trigger");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request, ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The newest run of <paramref name="job"/> as <c>GET /v1/admin/jobs</c> lists it, or null before its first.</summary>
    public static async Task<JsonElement?> LastRunAsync(HttpClient client, string job, CancellationToken ct)
    {
        var jobs = await client.GetFromJsonAsync<JsonElement>("/v1/admin/jobs", ct);
        var runs = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == job).GetProperty("lastRuns");
        return runs.GetArrayLength() > 0 ? runs[0] : null;
    }

    private static async Task<long?> LastRunIdAsync(HttpClient client, string job, CancellationToken ct) =>
        (await LastRunAsync(client, job, ct))?.GetProperty("id").GetInt64();
}
