namespace InteropHub.Adapters.Pdnd.Keys;

/// <summary>
/// "The tenants' PDND keys are sound", as an options type with nothing to bind: validated on start like every option,
/// yet apart from <see cref="Configuration.PdndOptions"/>, so the doctor still runs, and explains, when a key is wrong.
/// </summary>
internal sealed class TenantKeysCheck;
