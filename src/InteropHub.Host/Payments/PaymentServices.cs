using InteropHub.Core.Configuration;
using InteropHub.Core.Payments;
using InteropHub.Host.Jobs;

namespace InteropHub.Host.Payments;

/// <summary>The payments API's services: creation, its recovery pass and the bulk batches job, and the work they resume at start-up.</summary>
internal static class PaymentServices
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PaymentOptions>(configuration.GetSection(PaymentOptions.Section));
        services.AddTransient<PaymentCreation>();
        services.AddSingleton(sp => new PendingWork(PaymentBatchJob.Name, sp.GetRequiredService<IPaymentBatchStore>().AnyToPushAsync));
        services.AddSingleton(sp => new PendingWork(PaymentRecoveryJob.Name, async ct =>
            (await sp.GetRequiredService<IPaymentStore>().PendingCreationsAsync(DateTimeOffset.MaxValue, 1, ct)).Count > 0));
        return services;
    }
}
