using System.Security.Cryptography;
using System.Text;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Tenancy;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Tests.Tenancy;

public sealed class TenantLoaderTests : IDisposable
{
    private static readonly string KeyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("key-a")));

    private readonly string _contentRoot = HubTestDatabase.NewTempFolder();

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public void Tenants_from_configuration_and_from_files_are_loaded_together()
    {
        WriteTenantFile("comune-b.json", """{ "Id": "comune-b", "Name": "Comune B", "FiscalCode": "01199250158", "Scopes": ["payments:read"] }""");

        var result = TenantLoader.Load(Configuration(ValidTenant()), _contentRoot);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(["comune-a", "comune-b"], result.Tenants.Select(t => t.Id));
        var a = result.Tenants[0];
        Assert.Equal([Scopes.RegistryRead, Scopes.PaymentsRead], a.Scopes);
        Assert.Equal(KeyHash, Assert.Single(a.ApiKeys).Sha256);
        Assert.Equal("01", a.PagoPa.SegregationCode);
        Assert.Equal("tenants/a-key.pem", a.Pdnd.Keys[0].PrivateKey.File);
        Assert.Equal("purpose-1", a.Pdnd.Purposes["anpr-c030"]);
        Assert.Equal([Scopes.PaymentsRead], result.Tenants[1].Scopes);
    }

    [Fact]
    public void A_missing_tenants_folder_is_not_an_error()
    {
        var result = TenantLoader.Load(Configuration(ValidTenant()), _contentRoot);

        Assert.True(result.IsValid);
        Assert.Single(result.Tenants);
    }

    [Fact]
    public void The_tenants_folder_comes_from_Hub_TenantsFolder()
    {
        Directory.CreateDirectory(Path.Combine(_contentRoot, "conf", "comuni"));
        File.WriteAllText(Path.Combine(_contentRoot, "conf", "comuni", "b.json"), """{ "Id": "comune-b", "Name": "Comune B", "FiscalCode": "01199250158" }""");
        var settings = new Dictionary<string, string?> { ["Hub:TenantsFolder"] = "conf/comuni" };

        var result = TenantLoader.Load(Configuration(settings), _contentRoot);

        Assert.Equal(["comune-b"], result.Tenants.Select(t => t.Id));
    }

    [Theory]
    [InlineData("Id", "Comune_A", "Hub:Tenants:0:Id 'Comune_A' is not a valid tenant id")]
    [InlineData("Name", "", "Hub:Tenants:0:Name is required.")]
    [InlineData("FiscalCode", "02438750587", "Hub:Tenants:0:FiscalCode is not an 11-digit fiscal code with a valid check digit.")]
    [InlineData("FiscalCode", "", "Hub:Tenants:0:FiscalCode is not an 11-digit fiscal code with a valid check digit.")]
    [InlineData("Scopes:0", "payments:delete", "Hub:Tenants:0:Scopes:0 'payments:delete' is not a known scope")]
    [InlineData("ApiKeys:0:Sha256", "abc123", "Hub:Tenants:0:ApiKeys:0:Sha256 must be 64 hexadecimal characters")]
    [InlineData("ApiKeys:0:Scopes:0", "payments:write", "Hub:Tenants:0:ApiKeys:0:Scopes:0 'payments:write' is not among the tenant's scopes.")]
    [InlineData("PagoPa:SegregationCode", "1", "Hub:Tenants:0:PagoPa:SegregationCode must be exactly 2 digits.")]
    [InlineData("PagoPa:SegregationCode", "0a", "Hub:Tenants:0:PagoPa:SegregationCode must be exactly 2 digits.")]
    [InlineData("PagoPa:Ibans:0", "IT60X0542811101000000123457", "Hub:Tenants:0:PagoPa:Ibans:0 is not a valid IBAN")]
    [InlineData("PagoPa:Ibans:0", "it60x0542811101000000123456", "Hub:Tenants:0:PagoPa:Ibans:0 is not a valid IBAN")]
    public void Each_invalid_setting_is_reported_by_its_path(string key, string value, string expected)
    {
        var settings = ValidTenant();
        settings[$"Hub:Tenants:0:{key}"] = value;

        var result = TenantLoader.Load(Configuration(settings), _contentRoot);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void An_id_used_in_configuration_and_in_a_file_is_a_duplicate()
    {
        WriteTenantFile("again.json", """{ "Id": "comune-a", "Name": "Comune A again", "FiscalCode": "01199250158" }""");

        var result = TenantLoader.Load(Configuration(ValidTenant()), _contentRoot);

        Assert.Equal("again.json:Id 'comune-a' is already used by Hub:Tenants:0.", Assert.Single(result.Errors));
    }

    [Fact]
    public void The_same_api_key_hash_in_two_tenants_is_refused()
    {
        WriteTenantFile("b.json", $$"""
            { "Id": "comune-b", "Name": "Comune B", "FiscalCode": "01199250158", "Scopes": ["payments:read"],
              "ApiKeys": [ { "Sha256": "{{KeyHash.ToUpperInvariant()}}", "Scopes": ["payments:read"] } ] }
            """);

        var result = TenantLoader.Load(Configuration(ValidTenant()), _contentRoot);

        Assert.Equal("b.json:ApiKeys:0:Sha256 is already declared by Hub:Tenants:0:ApiKeys:0.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Errors_in_a_file_name_the_file_and_the_field()
    {
        WriteTenantFile("comune-b.json", """{ "Id": "comune-b", "Name": "Comune B", "FiscalCode": "123", "PagoPa": { "SegregationCode": "123" } }""");

        var result = TenantLoader.Load(Configuration(), _contentRoot);

        Assert.Equal(
            ["comune-b.json:FiscalCode is not an 11-digit fiscal code with a valid check digit.", "comune-b.json:PagoPa:SegregationCode must be exactly 2 digits."],
            result.Errors);
    }

    [Fact]
    public void A_file_that_is_not_json_is_reported_by_name()
    {
        WriteTenantFile("broken.json", "{ \"Id\": ");

        var result = TenantLoader.Load(Configuration(), _contentRoot);

        Assert.StartsWith("broken.json: cannot be read as a JSON object", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Empty(result.Tenants);
    }

    [Fact]
    public void A_list_entry_the_binder_cannot_read_is_reported_instead_of_dropped()
    {
        var settings = ValidTenant();
        settings["Hub:Tenants:0:Pdnd:Keys:0:Active"] = "sometimes";

        var result = TenantLoader.Load(Configuration(settings), _contentRoot);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Hub:Tenants:0: ", error, StringComparison.Ordinal);
        Assert.Contains("Hub:Tenants:0:Pdnd:Keys:0:Active", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_setting_is_reported_by_source()
    {
        WriteTenantFile("comune-b.json", """{ "Id": "comune-b", "Name": "Comune B", "FiscalCode": "01199250158", "FiscalCod": "01199250158" }""");

        var result = TenantLoader.Load(Configuration(), _contentRoot);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("comune-b.json: ", error, StringComparison.Ordinal);
        Assert.Contains("FiscalCod", error, StringComparison.Ordinal);
    }

    private void WriteTenantFile(string name, string json)
    {
        var folder = Path.Combine(_contentRoot, "tenants");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), json);
    }

    private static Dictionary<string, string?> ValidTenant() => new()
    {
        ["Hub:Tenants:0:Id"] = "comune-a",
        ["Hub:Tenants:0:Name"] = "Comune A",
        ["Hub:Tenants:0:FiscalCode"] = "02438750586",
        ["Hub:Tenants:0:Scopes:0"] = Scopes.RegistryRead,
        ["Hub:Tenants:0:Scopes:1"] = Scopes.PaymentsRead,
        ["Hub:Tenants:0:ApiKeys:0:Sha256"] = KeyHash,
        ["Hub:Tenants:0:ApiKeys:0:Scopes:0"] = Scopes.PaymentsRead,
        ["Hub:Tenants:0:Pdnd:Keys:0:Kid"] = "kid-1",
        ["Hub:Tenants:0:Pdnd:Keys:0:PrivateKey:File"] = "tenants/a-key.pem",
        ["Hub:Tenants:0:Pdnd:Keys:0:Active"] = "true",
        ["Hub:Tenants:0:Pdnd:Purposes:anpr-c030"] = "purpose-1",
        ["Hub:Tenants:0:PagoPa:SegregationCode"] = "01",
        ["Hub:Tenants:0:PagoPa:Ibans:0"] = "IT60X0542811101000000123456",
    };

    private static IConfiguration Configuration(IDictionary<string, string?>? settings = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
}
