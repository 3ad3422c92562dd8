using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Tenancy;

namespace InteropHub.Core.Tests.Tenancy;

public sealed class TenantDirectoryTests
{
    [Fact]
    public void Finds_a_configured_tenant_by_id_and_nothing_else()
    {
        var directory = new TenantDirectory(TestTenants.Both);

        Assert.Same(TestTenants.B, directory.Find(TestTenants.BId));
        Assert.Null(directory.Find(TenantId.Parse("comune-z")));
        Assert.Equal(TestTenants.Both, directory.All);
    }
}
