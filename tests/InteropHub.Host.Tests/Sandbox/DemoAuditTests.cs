using InteropHub.Host.Sandbox;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Host.Tests.Sandbox;

public sealed class DemoAuditTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "interophub-host-tests", Guid.NewGuid().ToString("N"), "sandbox-keys");

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_keys)))
        {
            Directory.Delete(Path.GetDirectoryName(_keys)!, recursive: true);
        }
    }

    [Fact]
    public void Sandbox_mode_creates_an_owner_only_key_once_and_reuses_it()
    {
        var first = new ConfigurationManager();
        DemoAudit.UseSandboxKey(first, _keys, create: true);
        var path = first["Hub:Audit:Key:File"];
        var key = File.ReadAllText(path!);

        var second = new ConfigurationManager();
        DemoAudit.UseSandboxKey(second, _keys, create: true);

        Assert.Equal(Path.Combine(_keys, "audit.key"), path);
        Assert.Equal(path, second["Hub:Audit:Key:File"]);
        Assert.Equal(key, File.ReadAllText(path!));
        Assert.True(key.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
        }
    }

    [Fact]
    public void A_configured_key_wins_and_verification_never_creates_one()
    {
        var configured = new ConfigurationManager();
        configured["Hub:Audit:Key:Env"] = "MY_AUDIT_KEY";
        DemoAudit.UseSandboxKey(configured, _keys, create: true);
        Assert.Null(configured["Hub:Audit:Key:File"]);

        var reading = new ConfigurationManager();
        DemoAudit.UseSandboxKey(reading, _keys, create: false);
        Assert.Equal(Path.Combine(_keys, "audit.key"), reading["Hub:Audit:Key:File"]);
        Assert.False(Directory.Exists(_keys));
    }
}
