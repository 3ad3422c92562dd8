namespace InteropHub.Contracts.Tenancy;

/// <summary>Reads the value a <see cref="SecretReference"/> points to.</summary>
public interface ISecretResolver
{
    /// <summary>The secret's value; throws <see cref="InvalidOperationException"/> naming the reference (not the value) when it cannot be read.</summary>
    string Resolve(SecretReference reference);
}
