using InteropHub.Contracts.Tenancy;
using Microsoft.Extensions.Options;

namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>
/// Checks every PDND tenant's keys when the host starts (<see cref="TenantKeysCheck"/> is validated on start): a small
/// key or a wrong <c>kid</c> stops the host with a message naming tenant and setting.
/// </summary>
internal sealed class PdndKeyStartupValidator(ITenantDirectory tenants, ISecretResolver secrets) : IValidateOptions<TenantKeysCheck>
{
    public ValidateOptionsResult Validate(string? name, TenantKeysCheck options)
    {
        var problems = tenants.All.Where(TenantKeyValidation.UsesPdnd)
            .SelectMany(t => TenantKeyValidation.Problems(t, secrets))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
