using System.Text.Json;
using System.Text.Json.Serialization;
using InteropHub.Contracts.Adapters;
using InteropHub.Core.Configuration;
using InteropHub.Core.Persistence;
using InteropHub.Host.Auth;
using InteropHub.Host.Configuration;
using InteropHub.Host.Health;
using InteropHub.Host.Jobs;
using InteropHub.Host.Limits;
using InteropHub.Host.Logging;
using InteropHub.Host.OpenApi;
using InteropHub.Host.Payments;
using InteropHub.Host.Problems;
using Quartz;
using InteropHub.Host.RateLimiting;
using InteropHub.Host.Sandbox;
using InteropHub.Host.Webhooks;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InteropHub.Host;

/// <summary>Everything the hub registers, in one place: configuration, tenants, sandbox mode, Core, adapters, HTTP and the scheduler.</summary>
internal static class HubServices
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static HubRuntime AddHub(this WebApplicationBuilder builder, IReadOnlyList<IAdapterPlugin> plugins)
    {
        var configuration = builder.Configuration;
        var contentRoot = HubPaths.DataRoot(builder);
        var runtime = HubComposition.Compose(builder, plugins);
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, DefaultUrl);
        }

        var hubSection = configuration.GetSection(HubOptions.Section);
        builder.Services.AddValidatedOptions<HubOptions>(hubSection);
        var hub = hubSection.Get<HubOptions>() ?? new HubOptions();

        builder.AddHubLogging(runtime.Sandbox);
        builder.Services.AddHubHttp(hub);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: [HealthEndpoints.Live])
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.Ready])
            .AddQuartz(o => o.Tags.Add(HealthEndpoints.Ready));
        builder.Services.AddHostedService<HubInitializer>();
        builder.Services.AddWebhookDelivery();
        builder.Services.AddSingleton<Registry.RegistryAudit>();
        builder.Services.AddValidatedOptions<Registry.VerificationOptions>(configuration.GetSection(Registry.VerificationOptions.Section));
        builder.Services.AddSingleton<JobKick>();
        builder.Services.AddSingleton(sp => new PendingWork(
            Registry.VerificationBatchJob.Name, sp.GetRequiredService<Core.Verifications.IVerificationBatchStore>().AnyPendingAsync));
        builder.Services.AddPayments(configuration);
        var schedulerSection = configuration.GetSection(SchedulerOptions.Section);
        builder.Services.AddValidatedOptions<SchedulerOptions>(schedulerSection);
        builder.Services.AddHubScheduler(
            HubDatabaseConnection.Provider(configuration, contentRoot), HubDatabaseConnection.Resolve(configuration, contentRoot), runtime.Catalog.Jobs, hub.ShutdownTimeout,
            schedulerSection.Get<SchedulerOptions>() ?? new SchedulerOptions());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobKick>());
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Quartz"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Quartz", "Polly"));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
        }

        if (runtime.Sandbox)
        {
            builder.Services.AddHostedService<SandboxBanner>();
        }

        return runtime;
    }

    private static void AddHubLogging(this WebApplicationBuilder builder, bool sandbox)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = HubConsoleFormatter.FormatterName)
            .AddConsoleFormatter<HubConsoleFormatter, HubConsoleFormatterOptions>(o =>
            {
                o.IncludeScopes = true;
                // Readable lines in sandbox mode unless configured; JSON lines otherwise.
                o.Json = builder.Configuration.GetValue<bool?>("Logging:Console:Json") ?? !sandbox;
            });
    }

    private static void AddHubHttp(this IServiceCollection services, HubOptions hub)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = hub.MaxRequestBodyBytes;
            RequestHeadLimitMiddleware.Configure(o.Limits);
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        // Ahead of the framework's writer, so every problem is written by the hub's, whatever the Accept.
        services.AddSingleton<IProblemDetailsWriter, HubProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<HubExceptionHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => o.AddScopePolicies());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddTenantRateLimiting(hub.RateLimit);
        services.AddSingleton<AnonymousRateLimiter>();
        services.AddHubOpenApi();
    }
}
