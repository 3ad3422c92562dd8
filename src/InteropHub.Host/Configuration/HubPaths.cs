namespace InteropHub.Host.Configuration;

/// <summary>
/// The hub's two roots: its content root (where appsettings.json is read) is the application's folder whatever the
/// working directory, and relative data paths (database, tenants folder, keys) resolve against the working directory.
/// An explicit <c>contentRoot</c> (command line, <c>DOTNET_CONTENTROOT</c>, <c>ASPNETCORE_CONTENTROOT</c>) sets both.
/// </summary>
internal static class HubPaths
{
    private const string DataRootProperty = "InteropHub.DataRoot";

    public static WebApplicationOptions WebOptions(string[] args) =>
        new() { Args = args, ContentRootPath = ExplicitContentRoot(args) is null ? AppContext.BaseDirectory : null };

    public static HostApplicationBuilderSettings HostSettings(string[] args) =>
        new() { Args = args, ContentRootPath = ExplicitContentRoot(args) is null ? AppContext.BaseDirectory : null };

    /// <summary>Records the data root of a builder made from <see cref="WebOptions"/> or <see cref="HostSettings"/>.</summary>
    public static T WithDataRoot<T>(this T builder, string[] args)
        where T : IHostApplicationBuilder
    {
        builder.Properties[DataRootProperty] = ExplicitContentRoot(args) is null ? Directory.GetCurrentDirectory() : builder.Environment.ContentRootPath;
        return builder;
    }

    /// <summary>The folder relative data paths resolve against; the content root for a builder made elsewhere.</summary>
    public static string DataRoot(IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(DataRootProperty, out var root) && root is string path ? path : builder.Environment.ContentRootPath;

    // Read as the host reads it, so an explicit root is honoured whichever way it is given.
    private static string? ExplicitContentRoot(string[] args) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey] is { Length: > 0 } root ? root : null;
}
