using System.Text.Json;
using System.Text.RegularExpressions;
using InteropHub.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InteropHub.IntegrationTests.Hostile;

/// <summary>
/// Every operation of the committed OpenAPI document, sent hostile input authenticated and not: no answer is a 5xx,
/// every error is a problem document with a stable code and no .NET internals, and nothing is stored.
/// </summary>
public sealed partial class HostileInputTests(HostileInputTests.Fixture fixture) : IClassFixture<HostileInputTests.Fixture>
{
    public static TheoryData<string> Operations => [.. HostileOperationSource.Operations.Select(o => o.ToString())];

    [Fact]
    public void The_suite_covers_every_operation_of_the_document()
    {
        Assert.True(HostileOperationSource.Operations.Count >= 30, $"Only {HostileOperationSource.Operations.Count} operations read from the document.");
        Assert.Contains(HostileOperationSource.Operations, o => o.JsonBody is not null && o.Method == "PATCH");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Hostile_input_gets_a_clean_4xx_problem_and_stores_nothing(string name)
    {
        var operation = HostileOperationSource.Operations.Single(o => o.ToString() == name);
        var violations = new List<string>();
        using var client = fixture.Hub.ClientWithKey(null);
        foreach (var hostile in HostileRequests.For(operation))
        {
            // A request refused whole must leave no row behind; one the hub may serve (a read) is not counted.
            var before = hostile.Expect.ClientError ? fixture.RowCounts() : null;
            using var request = hostile.Request();
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The in-memory server hands the client what a socket would turn into a 500 or a reset.
                violations.Add($"{hostile.What}: the hub failed ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                violations.AddRange(Check(hostile, response, body).Select(v => $"{hostile.What}: {v}"));
            }

            if (before is not null)
            {
                var after = fixture.RowCounts();
                violations.AddRange(after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{hostile.What}: stored {t.Value - before.GetValueOrDefault(t.Key)} row(s) in {t.Key}"));
            }
        }

        Assert.True(violations.Count == 0, $"{name}:\n" + string.Join("\n", violations.Take(60)) + (violations.Count > 60 ? $"\n(+{violations.Count - 60} more)" : ""));
    }

    private static IEnumerable<string> Check(HostileCase hostile, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            yield return $"{status} {Excerpt(body)}";
            yield break;
        }

        if (hostile.Expect.Statuses is { } statuses && !statuses.Contains(status))
        {
            yield return $"expected {string.Join(" or ", statuses)}, got {status} {Excerpt(body)}";
        }
        else if (hostile.Expect.ClientError && status < 400)
        {
            yield return $"expected a 4xx, got {status}";
        }

        if (DotNetInternals().Match(body) is { Success: true } leak)
        {
            yield return $"the answer shows .NET internals ('{leak.Value}'): {Excerpt(body)}";
        }

        if (status < 400)
        {
            yield break;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            yield return $"{status} as '{response.Content.Headers.ContentType?.MediaType}', not a problem document: {Excerpt(body)}";
            yield break;
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            problem = default;
        }

        var code = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("code", out var c) ? c.GetString() : null;
        if (code is null || !StableCode().IsMatch(code)
            || problem.GetProperty("type").GetString() != $"urn:interophub:problem:{code}"
            || !problem.TryGetProperty("status", out var s) || s.GetInt32() != status)
        {
            yield return $"{status} problem without a stable code, type and status: {Excerpt(body)}";
            yield break;
        }

        if (hostile.Expect.Named is { } member && !(problem.TryGetProperty("detail", out var d) && d.GetString()!.Contains(member, StringComparison.Ordinal)))
        {
            yield return $"the problem does not name '{member}': {Excerpt(body)}";
        }
    }

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex StableCode();

    // Namespaces, generic arity, exception names and stack frames: what a client must never read.
    [GeneratedRegex(@"\b(System|Microsoft|InteropHub)\.[A-Z]|`\d|Exception\b|\bat [A-Z][\w.]+\(|Implicit body|Failed to read parameter")]
    private static partial Regex DotNetInternals();

    /// <summary>One hub in sandbox mode (its demo keys carry every scope), bodies capped small.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        // Sandbox mode: every adapter on (a disabled one would answer 503 before any input is read); tenant limits raised.
        public HubFactory Hub { get; } = new(new Dictionary<string, string?>
        {
            ["Hub:MaxRequestBodyBytes"] = HostileRequests.BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:RateLimit:Burst"] = "1000000",
            ["Hub:RateLimit:PermitsPerPeriod"] = "100000",
            // The suite's anonymous calls would empty its address's bucket and turn its keyed calls into 429s.
            ["Hub:AnonymousRateLimit:Burst"] = "1000000",
            ["Hub:AnonymousRateLimit:PermitsPerPeriod"] = "100000",
        }.WithEveryCronQuiet());

        public ValueTask InitializeAsync()
        {
            _ = Hub.Server;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();

        /// <summary>The rows of every table of the hub's own schema (the scheduler's tables aside).</summary>
        public Dictionary<string, long> RowCounts()
        {
            using var connection = new SqliteConnection($"Data Source={Hub.DatabasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'QRTZ%' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[table] = (long)count.ExecuteScalar()!;
            }

            return counts;
        }
    }
}
