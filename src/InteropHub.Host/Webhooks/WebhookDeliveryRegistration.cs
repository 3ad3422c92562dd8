using Microsoft.Extensions.Options;
using InteropHub.Core.Webhooks;

namespace InteropHub.Host.Webhooks;

internal static class WebhookDeliveryRegistration
{
    /// <summary>
    /// The delivery loop and its HTTP client: a short timeout, no redirects, no proxy, no cookies, connections only
    /// to addresses the target policy allows, and no request logging (a URL may carry the receiver's own token).
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookHostLookup, SystemWebhookHostLookup>();
        services.AddSingleton<WebhookConnector>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.ClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookDeliveryOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .RemoveAllLoggers();
        services.AddHostedService<WebhookDeliveryService>();
        return services;
    }
}
