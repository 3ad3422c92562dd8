using InteropHub.Host.Cli;

return await HubCommandLine.RunAsync(args);

/// <summary>The entry point, public so integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
