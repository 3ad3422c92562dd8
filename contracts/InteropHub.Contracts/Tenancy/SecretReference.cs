namespace InteropHub.Contracts.Tenancy;

/// <summary>
/// Where a secret lives: a file path or an environment variable, never the value itself in configuration.
/// </summary>
public sealed record SecretReference
{
    /// <summary>Path of a file holding the secret (relative paths resolve against the tenants folder or content root).</summary>
    public string? File { get; init; }

    /// <summary>Name of an environment variable holding the secret.</summary>
    public string? Env { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(File) && string.IsNullOrWhiteSpace(Env);

    /// <summary>A description safe to log: where the secret is, never what it is.</summary>
    public override string ToString() =>
        !string.IsNullOrWhiteSpace(File) ? $"file:{File}" : !string.IsNullOrWhiteSpace(Env) ? $"env:{Env}" : "(none)";
}
