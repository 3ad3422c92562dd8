using InteropHub.Host.Cli;

namespace InteropHub.Testing;

/// <summary>
/// The hub's command line run in-process with the console captured. The console is process-wide: callers belong to a
/// collection that does not run in parallel.
/// </summary>
internal static class CommandLineRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await HubCommandLine.RunAsync(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
