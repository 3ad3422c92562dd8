using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Configuration;

/// <summary>
/// Validates <typeparamref name="TOptions"/> bound from the section at <paramref name="sectionPath"/>: data annotations
/// on every nested member, then <see cref="IValidatableOptions.Validate"/>; each message names the full setting path,
/// e.g. <c>Adapters:Pdnd:TokenUrl is required.</c>
/// </summary>
public sealed class ConfigurationPathValidator<TOptions>(string sectionPath, string? optionsName = null) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (optionsName is not null && !string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionsGraphValidator.Validate(options, sectionPath);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
