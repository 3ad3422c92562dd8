using System.Security.Cryptography;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Contracts.Tenancy;

namespace InteropHub.Adapters.Pdnd.Tests.Keys;

public sealed class PdndKeyStartupValidatorTests
{
    private readonly PdndTestBed _bed = new();

    private IReadOnlyList<string> Failures()
    {
        var result = new PdndKeyStartupValidator(_bed.Tenants, _bed.Secrets).Validate(null, new TenantKeysCheck());
        return result.Failed ? result.Failures!.ToList() : [];
    }

    private void UseKeys(params PdndKeySettings[] keys) =>
        _bed.Tenants.Replace(PdndTestBed.TenantWithActiveKey(first: true) with
        {
            Pdnd = PdndTestBed.TenantWithActiveKey(first: true).Pdnd with { Keys = keys },
        });

    [Fact]
    public void Sound_keys_pass()
    {
        Assert.Empty(Failures());
    }

    [Fact]
    public void A_key_smaller_than_2048_bits_names_tenant_and_setting()
    {
        using var small = RSA.Create(1024);
        _bed.Secrets.Values["SMALL"] = small.ExportPkcs8PrivateKeyPem();
        UseKeys(TestKeys.KeySettings(small, active: true, "SMALL"));

        var failure = Assert.Single(Failures());

        Assert.StartsWith("Tenant 'demo-a': Pdnd:Keys:0:PrivateKey:", failure, StringComparison.Ordinal);
        Assert.Contains("RSA-1024", failure, StringComparison.Ordinal);
        Assert.Contains("2048", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kid_that_is_not_the_thumbprint_names_tenant_and_setting_and_the_expected_kid()
    {
        UseKeys(TestKeys.KeySettings(TestKeys.First, active: true, "KEY_1"), TestKeys.KeySettings(TestKeys.First, active: false, "KEY_2"));

        var failure = Assert.Single(Failures());

        Assert.StartsWith("Tenant 'demo-a': Pdnd:Keys:1:Kid:", failure, StringComparison.Ordinal);
        Assert.Contains(TestKeys.Thumbprint(TestKeys.Second), failure, StringComparison.Ordinal);
    }

    [Fact]
    public void No_active_key_is_reported()
    {
        UseKeys(TestKeys.KeySettings(TestKeys.First, active: false, "KEY_1"));

        Assert.Contains(Failures(), f => f.StartsWith("Tenant 'demo-a': Pdnd:Keys must have exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_secret_names_where_it_was_looked_for_and_not_a_value()
    {
        UseKeys(TestKeys.KeySettings(TestKeys.First, active: true, "MISSING"));

        var failure = Assert.Single(Failures());

        Assert.StartsWith("Tenant 'demo-a': Pdnd:Keys:0:PrivateKey: cannot read env:MISSING", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_that_is_not_a_pem_key_is_reported_without_its_content()
    {
        _bed.Secrets.Values["GARBAGE"] = "not-a-key-but-a-secret";
        UseKeys(TestKeys.KeySettings(TestKeys.First, active: true, "GARBAGE"));

        var failure = Assert.Single(Failures());

        Assert.Contains("does not hold an RSA private key", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key-but-a-secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_id_that_is_not_a_uuid_is_reported()
    {
        _bed.Tenants.Replace(PdndTestBed.TenantWithActiveKey(first: true) with
        {
            Pdnd = PdndTestBed.TenantWithActiveKey(first: true).Pdnd with { ClientId = "client-1" },
        });

        Assert.Equal(["Tenant 'demo-a': Pdnd:ClientId 'client-1' is not a PDND client id (a UUID)."], Failures());
    }

    [Fact]
    public void Tenants_without_pdnd_clients_are_not_checked()
    {
        _bed.Tenants.Replace(new TenantSettings { Id = "demo-a" });

        Assert.Empty(Failures());
    }

    [Fact]
    public void Validation_runs_whatever_the_options_name()
    {
        UseKeys();

        Assert.True(new PdndKeyStartupValidator(_bed.Tenants, _bed.Secrets).Validate("named", new TenantKeysCheck()).Failed);
    }
}
