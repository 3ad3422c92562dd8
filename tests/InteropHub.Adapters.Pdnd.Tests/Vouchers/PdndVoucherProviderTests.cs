using InteropHub.Adapters.Pdnd.Tests.TestSupport;
using InteropHub.Contracts.Pdnd;

namespace InteropHub.Adapters.Pdnd.Tests.Vouchers;

public sealed class PdndVoucherProviderTests
{
    private readonly PdndTestBed _bed = new();

    private ValueTask<Voucher> Get(VoucherRequest request) => _bed.Vouchers.GetAsync(request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Switching_the_active_key_signs_with_the_new_kid_and_does_not_reuse_the_old_voucher()
    {
        var request = VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId);
        var before = await Get(request);

        _bed.Tenants.Replace(PdndTestBed.TenantWithActiveKey(first: false));
        var after = await Get(request);

        Assert.Equal("voucher-1", before.AccessToken);
        Assert.Equal("voucher-2", after.AccessToken);
        var kids = _bed.ReceivedAssertions.Select(a => a.Header.GetProperty("kid").GetString()).ToList();
        Assert.Equal([TestKeys.Thumbprint(TestKeys.First), TestKeys.Thumbprint(TestKeys.Second)], kids);
        Assert.True(_bed.ReceivedAssertions[1].VerifiesWith(TestKeys.Second));
    }

    [Fact]
    public async Task Api_interop_voucher_uses_the_api_interop_client_without_purpose()
    {
        await Get(VoucherRequest.ForApiInterop(PdndTestBed.Tenant));

        var assertion = Assert.Single(_bed.ReceivedAssertions);
        Assert.Equal(PdndTestBed.ApiInteropClientId, assertion.Claim("sub"));
        Assert.DoesNotContain("purposeId", assertion.ClaimNames);
        Assert.Equal(PdndTestBed.ApiInteropClientId, Assert.Single(_bed.TokenEndpoint.Received).Form["client_id"]);
    }

    [Fact]
    public async Task Different_digests_get_different_vouchers_and_the_same_digest_shares_one()
    {
        var digestA = new string('a', 64);
        var digestB = new string('b', 64);

        var a1 = await Get(VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId, digestA));
        var b = await Get(VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId, digestB));
        var a2 = await Get(VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId, digestA));

        Assert.Equal(a1.AccessToken, a2.AccessToken);
        Assert.NotEqual(a1.AccessToken, b.AccessToken);
        Assert.Equal(2, _bed.TokenEndpoint.Count);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_call_ask_pdnd_again()
    {
        var request = VoucherRequest.ForPurpose(PdndTestBed.Tenant, PdndTestBed.PurposeId);
        var first = await Get(request);

        _bed.Vouchers.Invalidate(request, first);

        Assert.Equal("voucher-2", (await Get(request)).AccessToken);
    }

    [Fact]
    public void Voucher_text_never_shows_the_token()
    {
        var voucher = new Voucher("secret-token", "Bearer", _bed.Time.GetUtcNow(), _bed.Time.GetUtcNow().AddMinutes(10));

        Assert.DoesNotContain("secret-token", voucher.ToString(), StringComparison.Ordinal);
    }
}
