using InteropHub.Contracts.Tenancy;

namespace InteropHub.Core.Tenancy;

/// <summary>
/// Reads secrets from files (relative paths: the tenants folder first, then the content root) or environment variables.
/// Errors name the reference, never the value.
/// </summary>
internal sealed class SecretResolver(string tenantsFolder, string contentRoot) : ISecretResolver
{
    public string Resolve(SecretReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!string.IsNullOrWhiteSpace(reference.File))
        {
            return ReadFile(reference, reference.File);
        }

        if (!string.IsNullOrWhiteSpace(reference.Env))
        {
            var value = Environment.GetEnvironmentVariable(reference.Env);
            return string.IsNullOrEmpty(value)
                ? throw new InvalidOperationException($"Secret {reference} cannot be read: the environment variable is not set.")
                : value;
        }

        throw new InvalidOperationException("Secret reference is empty: set File or Env.");
    }

    private string ReadFile(SecretReference reference, string path)
    {
        string[] candidates = Path.IsPathRooted(path)
            ? [path]
            : [Path.GetFullPath(Path.Combine(tenantsFolder, path)), Path.GetFullPath(Path.Combine(contentRoot, path))];
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Secret {reference} cannot be read: no such file (looked for {string.Join(" and ", candidates)}).");
        try
        {
            // Files written by editors and `echo` end with a newline that is not part of the secret.
            return File.ReadAllText(found).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Secret {reference} cannot be read: {e.GetType().Name} on {found}.", e);
        }
    }
}
