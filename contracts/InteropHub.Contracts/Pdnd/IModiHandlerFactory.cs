namespace InteropHub.Contracts.Pdnd;

/// <summary>
/// Gives another adapter's HTTP client the handler that applies PDND vouchers and ModI headers. Add it after the
/// resilience handler, so every attempt gets a fresh voucher and a fresh signature:
/// <code>
/// builder.AddStandardResilienceHandler();
/// builder.AddHttpMessageHandler(sp => sp.GetRequiredService&lt;IModiHandlerFactory&gt;().Create("anpr-c030"));
/// </code>
/// Each request must carry a <see cref="ModiRequestContext"/> in <see cref="HttpRequestMessage.Options"/>
/// under <see cref="ModiRequestContext.OptionsKey"/>. The handler sets (never appends) its headers, and retries a
/// request once with a new voucher when the producer answers 401.
/// </summary>
public interface IModiHandlerFactory
{
    /// <summary>
    /// A handler for the e-service configured under <c>Adapters:Pdnd:EServices:&lt;eServiceKey&gt;</c>; throws
    /// <see cref="InvalidOperationException"/> when that e-service is not configured or not enabled.
    /// </summary>
    DelegatingHandler Create(string eServiceKey);

    /// <summary>A handler for an e-service described by the caller.</summary>
    DelegatingHandler Create(ModiEServiceProfile profile);
}
