using Microsoft.Extensions.Configuration.Memory;

namespace InteropHub.Host.Logging;

/// <summary>
/// The hub's log levels as the lowest configuration layer, so they hold in every mode and from any working directory
/// (with or without an appsettings.json beside it); any configuration source still overrides them.
/// </summary>
internal static class HubLogLevels
{
    // Database commands at Information would log every statement of every job and request (hundreds of MB a day).
    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Quartz"] = "Warning",

        // Polly logs every call attempt at Information (two lines per registry read); retries and breakers log at Warning.
        ["Logging:LogLevel:Polly"] = "Warning",

        // Every refused key would otherwise log three lines (one per authentication of the request).
        ["Logging:LogLevel:InteropHub.Host.Auth"] = "Warning",
    };

    public static void AddHubLogLevels(this IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
}
