namespace InteropHub.IntegrationTests.Infrastructure;

/// <summary>Tests that redirect the process-wide console run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
