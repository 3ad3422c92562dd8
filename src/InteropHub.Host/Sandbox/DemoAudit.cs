using System.Security.Cryptography;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Audit;
using Microsoft.Extensions.Configuration.Memory;

namespace InteropHub.Host.Sandbox;

/// <summary>
/// Sandbox mode's audit key when none is configured: a random secret in <c>audit.key</c> beside the demo keys (outside
/// the database, owner-only), created at the first start and reused after, so <c>dotnet run</c> needs no set-up.
/// </summary>
internal static class DemoAudit
{
    private const string KeySetting = AuditOptions.SectionPath + ":Key";

    /// <summary>
    /// Points <c>Hub:Audit:Key</c> at the sandbox key unless a key is configured; <paramref name="create"/> writes it when
    /// missing (the hub does; <c>audit verify</c> only reads).
    /// </summary>
    public static void UseSandboxKey(IConfigurationManager configuration, string keysDirectory, bool create)
    {
        if (configuration.GetSection(KeySetting).Get<SecretReference>() is { IsEmpty: false })
        {
            return;
        }

        var path = Path.Combine(keysDirectory, "audit.key");
        if (create && !File.Exists(path))
        {
            Write(path);
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { [KeySetting + ":File"] = path },
        });
    }

    private static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, file);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process starting on the same folder wrote it first; its key is the one to use.
        }
    }
}
