using InteropHub.Contracts.Adapters;
using InteropHub.Contracts.Stores;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.ApiKeys;
using InteropHub.Core.Audit;
using InteropHub.Contracts.Registry;
using InteropHub.Contracts.Payments;
using InteropHub.Core.Payments;
using InteropHub.Core.Checkpoints;
using InteropHub.Core.Quotas;
using InteropHub.Core.Reconciliation;
using InteropHub.Core.Sequences;
using InteropHub.Core.Configuration;
using InteropHub.Core.Events;
using InteropHub.Core.Idempotency;
using InteropHub.Core.Jobs;
using InteropHub.Core.Limits;
using InteropHub.Core.Persistence;
using InteropHub.Core.Tenancy;
using InteropHub.Core.Verifications;
using InteropHub.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InteropHub.Core;

public static class HubCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the hub's database (a context factory, so singletons such as auth handlers and jobs can use it), its
    /// stores, the tenant directory and the secret resolver. Throws at once when <c>Hub:Database:Provider</c> names a
    /// provider the hub does not support (<see cref="HubDatabaseException"/>). Call <see cref="HubDatabase.InitializeAsync"/> before serving.
    /// </summary>
    public static IServiceCollection AddHubCore(this IServiceCollection services, IConfiguration configuration, string contentRoot, IReadOnlyList<TenantSettings> tenants)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(tenants);

        var database = HubDatabaseSettings.FromConfiguration(configuration, contentRoot);
        if (database.Provider == HubDatabaseProvider.PostgreSql)
        {
            services.AddDbContextFactory<HubDbContext, PostgreSqlHubDbContextFactory>(database.Apply);
        }
        else
        {
            services.AddDbContextFactory<HubDbContext>(database.Apply);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.SectionPath));
        services.AddValidatedOptions<WebhookDeliveryOptions>(configuration.GetSection(WebhookDeliveryOptions.SectionPath));
        services.AddValidatedOptions<ReconciliationOptions>(configuration.GetSection(ReconciliationOptions.SectionPath));

        services.TryAddSingleton<ITenantDirectory>(new TenantDirectory(tenants));
        services.TryAddSingleton<ISecretResolver>(new SecretResolver(TenantsFolder.Resolve(configuration, contentRoot), contentRoot));

        services.TryAddSingleton<IApiKeyStore, ApiKeyStore>();
        services.TryAddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.TryAddSingleton<ICheckpointStore, CheckpointStore>();
        services.TryAddSingleton<IOperationIdSource, OperationIdSource>();
        services.TryAddSingleton<INoticeNumberSource, NoticeNumberSource>();
        services.TryAddSingleton<IPaymentStore, PaymentStore>();
        services.TryAddSingleton<IPaymentBatchStore, PaymentBatchStore>();
        services.TryAddSingleton<IReportingFlowStore, ReportingFlowStore>();
        services.TryAddSingleton<IReconciliationMatcher, ReconciliationMatcher>();
        services.TryAddSingleton<IReconciliationQueries, ReconciliationQueries>();
        services.TryAddSingleton<IQuotaLedger, QuotaLedger>();
        services.TryAddSingleton<IUpstreamCallSlots>(sp => new UpstreamCallSlots(
            sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>(), databaseClock: database.Provider == HubDatabaseProvider.PostgreSql));
        services.TryAddSingleton<IJobRunStore, JobRunStore>();
        services.TryAddSingleton<IWebhookSubscriptionStore, WebhookSubscriptionStore>();
        services.TryAddSingleton<IWebhookDeliveryStore, WebhookDeliveryStore>();
        services.TryAddSingleton<IVerificationBatchStore, VerificationBatchStore>();
        AddAuditTrail(services, configuration, contentRoot, database);
        services.TryAddSingleton<EventStore>();
        services.TryAddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventStore>());
        services.TryAddSingleton<IEventFeed>(sp => sp.GetRequiredService<EventStore>());
        services.TryAddSingleton(sp => new DatabaseHealthCheck(sp.GetRequiredService<IDbContextFactory<HubDbContext>>()));
        return services;
    }

    private static void AddAuditTrail(IServiceCollection services, IConfiguration configuration, string contentRoot, HubDatabaseSettings database)
    {
        services.AddValidatedOptions<AuditOptions>(configuration.GetSection(AuditOptions.SectionPath));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditKeyValidator>());
        services.TryAddSingleton(sp => AuditKey.TryResolve(sp.GetRequiredService<IOptions<AuditOptions>>().Value, sp.GetRequiredService<ISecretResolver>(), out var problem)
            ?? throw new InvalidOperationException(problem));
        services.TryAddSingleton(sp =>
        {
            var checkpoints = sp.GetRequiredService<IOptions<AuditOptions>>().Value.Checkpoints;
            var key = sp.GetRequiredService<AuditKey>();
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<AuditCheckpointWriter>() ?? NullLogger<AuditCheckpointWriter>.Instance;
            return AuditCheckpointFile.Configured(checkpoints, database, contentRoot) is { } checkpointFile
                ? new AuditCheckpointWriter(key, checkpointFile, checkpoints, time, logger)
                : new AuditCheckpointWriter(key, AuditCheckpointClaim.Take(AuditCheckpointFile.InstanceDirectory(database, contentRoot)), checkpoints, time, logger);
        });
        services.TryAddSingleton<IAuditTrail, AuditTrail>();
        services.TryAddSingleton(sp => new AuditChainVerifier(
            sp.GetRequiredService<IDbContextFactory<HubDbContext>>(),
            sp.GetRequiredService<AuditKey>(),
            AuditCheckpointFile.DefaultSources(sp.GetRequiredService<IOptions<AuditOptions>>().Value.Checkpoints, database, contentRoot)));
    }
}
