using System.Net;
using System.Security.Cryptography;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.IntegrationTests.Infrastructure;
using InteropHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InteropHub.IntegrationTests.Platform;

/// <summary>The interophub commands as an operator runs them, on a temp database and tenants folder.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interophub-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Apikey_create_prints_a_key_once_that_the_hub_then_accepts_with_its_scopes()
    {
        var (exit, output, _) = await CommandLineRun.RunAsync(["apikey", "create", "--tenant", "alpha", "--scopes", "registry:read", "--label", "anagrafe", .. HostArguments.For(_directory, TestTenants.Settings())]);
        Assert.Equal(0, exit);
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ihk_", StringComparison.Ordinal));

        await using var hub = new HubFactory(TestTenants.Settings(), _directory);
        using var client = hub.ClientWithKey(key);
        var registry = await client.GetAsync("/v1/registry/residents/RSSMRA80A01H501U", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(registry, HttpStatusCode.ServiceUnavailable, "adapter-disabled");
        var admin = await client.GetAsync("/v1/admin/jobs", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(admin, HttpStatusCode.Forbidden, "forbidden");

        // Only the hash is kept: the plaintext is nowhere in the database file.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = await File.ReadAllBytesAsync(Path.Combine(_directory, "hub.db"), TestContext.Current.CancellationToken);
        Assert.Equal(-1, database.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(key)));
    }

    [Theory]
    [InlineData("beta", "registry:read", "may not hold")]
    [InlineData("nobody", "admin", "No tenant 'nobody'")]
    [InlineData("alpha", "root", "Unknown scope")]
    public async Task Apikey_create_refuses_what_the_tenant_may_not_have(string tenant, string scope, string message)
    {
        var (exit, output, error) = await CommandLineRun.RunAsync(["apikey", "create", "--tenant", tenant, "--scopes", scope, .. HostArguments.For(_directory, TestTenants.Settings())]);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.DoesNotContain("ihk_", output);
    }

    [Theory]
    [InlineData("tenants", "list")]
    [InlineData("apikey", "create", "--tenant", "alpha", "--scopes", "admin")]
    [InlineData("doctor", "--tenant", "alpha")]
    public async Task A_command_under_a_configuration_the_hub_refuses_exits_2_naming_the_setting(params string[] command)
    {
        var settings = TestTenants.With(("Hub:Tenants:0:FiscalCode", "123"));
        var (exit, output, error) = await CommandLineRun.RunAsync([.. command, .. HostArguments.For(_directory, settings)]);
        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains("Hub:Tenants:0:FiscalCode", error);
        Assert.DoesNotContain("Unhandled exception", output + error);
    }

    [Fact]
    public async Task Keys_generate_writes_an_owner_only_key_and_prints_the_kid_pdnd_will_compute()
    {
        var path = Path.Combine(_directory, "bari.pem");
        Directory.CreateDirectory(_directory);
        var (exit, output, _) = await CommandLineRun.RunAsync(["keys", "generate", "--tenant", "bari", "--out", path]);
        Assert.Equal(0, exit);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(2048, rsa.KeySize);
        Assert.Contains($"kid PDND will show for it: {Rfc7638Kid(rsa)}", output);
        Assert.Contains("-----BEGIN PUBLIC KEY-----", output);
        Assert.DoesNotContain("PRIVATE KEY", output);

        // Never overwrites a key.
        var (again, _, error) = await CommandLineRun.RunAsync(["keys", "generate", "--tenant", "bari", "--out", path]);
        Assert.Equal(2, again);
        Assert.Contains("Cannot write", error);
    }

    [Fact]
    public async Task Audit_verify_passes_an_intact_trail_and_names_an_edited_record()
    {
        var settings = TestTenants.Settings();
        await using (var hub = new HubFactory(settings, _directory))
        {
            var audit = hub.Services.GetRequiredService<IAuditTrail>();
            for (var i = 0; i < 3; i++)
            {
                await audit.AppendAsync(new AuditEntry(TenantId.Parse("alpha"), "op-7", "registry.profile.read", "RSSMRA80A01H501U", "ok", "PROT-1", $"req-{i}"), TestContext.Current.CancellationToken);
            }
        }

        var (intact, output, _) = await CommandLineRun.RunAsync(["audit", "verify", .. HostArguments.For(_directory, settings)]);
        Assert.Equal(0, intact);
        Assert.Contains("intact: 3 record(s)", output);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "hub.db")}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            using var tamper = connection.CreateCommand();
            tamper.CommandText = """UPDATE "AuditRecords" SET "Reason" = 'PROT-2' WHERE "Sequence" = 2""";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var (broken, report, _) = await CommandLineRun.RunAsync(["audit", "verify", .. HostArguments.For(_directory, settings)]);
        Assert.Equal(1, broken);
        Assert.Contains("BROKEN at record 2 (edited)", report);
    }

    [Fact]
    public async Task Tenants_list_shows_the_configured_tenants()
    {
        var (exit, output, _) = await CommandLineRun.RunAsync(["tenants", "list", .. HostArguments.For(_directory, TestTenants.Settings())]);
        Assert.Equal(0, exit);
        Assert.Contains("alpha", output);
        Assert.Contains("80015010723", output);
        Assert.DoesNotContain("demo-a", output);
    }

    /// <summary>The RFC 7638 thumbprint computed here independently of the hub: SHA-256 over {"e","kty","n"} in that order.</summary>
    private static string Rfc7638Kid(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        var json = $$"""{"e":"{{Base64Url(p.Exponent!)}}","kty":"RSA","n":"{{Base64Url(p.Modulus!)}}"}""";
        return Base64Url(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

}
