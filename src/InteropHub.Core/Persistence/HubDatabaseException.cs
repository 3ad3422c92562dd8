namespace InteropHub.Core.Persistence;

/// <summary>
/// The hub database is configured wrongly or cannot be reached: a configuration error the host reports by name (exit 2),
/// not a crash. The message names the setting and never carries the connection string's password.
/// </summary>
public sealed class HubDatabaseException : Exception
{
    public HubDatabaseException()
    {
    }

    public HubDatabaseException(string message)
        : base(message)
    {
    }

    public HubDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
