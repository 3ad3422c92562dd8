using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Tenancy;

namespace InteropHub.Core.Tests.Tenancy;

public sealed class SecretResolverTests : IDisposable
{
    private readonly string _contentRoot = HubTestDatabase.NewTempFolder();
    private readonly string _tenantsFolder;
    private readonly SecretResolver _resolver;

    public SecretResolverTests()
    {
        _tenantsFolder = Path.Combine(_contentRoot, "tenants");
        Directory.CreateDirectory(_tenantsFolder);
        _resolver = new SecretResolver(_tenantsFolder, _contentRoot);
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public void A_relative_file_is_looked_for_in_the_tenants_folder_first()
    {
        File.WriteAllText(Path.Combine(_tenantsFolder, "gpd.key"), "from-tenants\n");
        File.WriteAllText(Path.Combine(_contentRoot, "gpd.key"), "from-content-root");

        Assert.Equal("from-tenants", _resolver.Resolve(new SecretReference { File = "gpd.key" }));
    }

    [Fact]
    public void A_relative_file_falls_back_to_the_content_root()
    {
        Directory.CreateDirectory(Path.Combine(_contentRoot, "secrets"));
        File.WriteAllText(Path.Combine(_contentRoot, "secrets", "gpd.key"), "from-content-root\r\n");

        Assert.Equal("from-content-root", _resolver.Resolve(new SecretReference { File = "secrets/gpd.key" }));
    }

    [Fact]
    public void An_absolute_file_is_read_as_is()
    {
        var path = Path.Combine(_contentRoot, "absolute.key");
        File.WriteAllText(path, "absolute");

        Assert.Equal("absolute", _resolver.Resolve(new SecretReference { File = path }));
    }

    [Fact]
    public void An_environment_variable_is_read()
    {
        var name = $"INTEROPHUB_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            Assert.Equal("from-env", _resolver.Resolve(new SecretReference { Env = name }));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_the_reference()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _resolver.Resolve(new SecretReference { File = "missing.pem" }));

        Assert.StartsWith("Secret file:missing.pem cannot be read: no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_variable_is_an_error_naming_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _resolver.Resolve(new SecretReference { Env = "INTEROPHUB_TEST_UNSET_VARIABLE" }));

        Assert.Equal("Secret env:INTEROPHUB_TEST_UNSET_VARIABLE cannot be read: the environment variable is not set.", error.Message);
    }

    [Fact]
    public void An_empty_reference_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => _resolver.Resolve(new SecretReference()));
    }
}
