namespace InteropHub.Contracts.Adapters;

/// <summary>Options with rules across fields (e.g. attempt timeout ≤ total timeout), checked after data annotations.</summary>
public interface IValidatableOptions
{
    /// <summary>
    /// One message per broken rule, each starting with the setting's path relative to the options' section
    /// (e.g. <c>Resilience:AttemptTimeout</c>); the host prefixes the section path.
    /// </summary>
    IEnumerable<string> Validate();
}
