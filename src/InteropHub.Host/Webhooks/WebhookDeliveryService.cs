using InteropHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Webhooks;

/// <summary>
/// The delivery loop: a round, then a short rest on the hub's clock unless the round was full. A hosted loop rather
/// than a Quartz job, because a poll every couple of seconds would churn Quartz's persistent triggers and job-run log.
/// </summary>
internal sealed partial class WebhookDeliveryService(
    WebhookDispatcher dispatcher, IOptions<WebhookDeliveryOptions> options, TimeProvider time, ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                attempted = await dispatcher.RunOnceAsync(stoppingToken);
                if (attempted < options.Value.BatchSize)
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end deliveries for the life of the process; the next round retries.
                LogRoundFailed(logger, e);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook delivery round failed; the next round retries.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
