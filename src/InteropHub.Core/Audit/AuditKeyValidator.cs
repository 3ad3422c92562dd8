using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Audit;

/// <summary>Refuses to start without a readable audit key of the minimum length, naming <c>Hub:Audit:Key</c>.</summary>
internal sealed class AuditKeyValidator(ISecretResolver secrets) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AuditKey.TryResolve(options, secrets, out var problem) is null
            ? ValidateOptionsResult.Fail(problem!)
            : ValidateOptionsResult.Success;
    }
}
