using Microsoft.Data.Sqlite;

namespace InteropHub.Core.Audit;

/// <summary>The append-only JSON-lines file of checkpoints: where it is, appending one, reading them all.</summary>
internal static class AuditCheckpointFile
{
    private const string Suffix = ".audit-checkpoints.jsonl";

    /// <summary>
    /// <c>Hub:Audit:Checkpoints:File</c> against the content root, else <c>&lt;database name&gt;.audit-checkpoints.jsonl</c>
    /// beside the database (a database in memory: under <c>data/</c>).
    /// </summary>
    public static string Resolve(AuditCheckpointOptions options, string connectionString, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, options.File));
        }

        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.IsPathRooted(database)
            ? Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + Suffix)
            : Path.Combine(contentRoot, "data", "interophub" + Suffix);
    }

    /// <summary>Appends one line, without fsync: a checkpoint lost to a power cut is replaced by the next one.</summary>
    public static void Append(string path, AuditCheckpoint checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllText(path, checkpoint.ToJsonLine() + "\n");
    }

    /// <summary>Every checkpoint in the file (none when it does not exist), and the numbers of lines that are not one.</summary>
    public static (IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<int> UnreadableLines) Read(string path)
    {
        if (!File.Exists(path))
        {
            return ([], []);
        }

        var checkpoints = new List<AuditCheckpoint>();
        var unreadable = new List<int>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (AuditCheckpoint.TryParse(line) is { } checkpoint)
            {
                checkpoints.Add(checkpoint);
            }
            else
            {
                unreadable.Add(number);
            }
        }

        return (checkpoints, unreadable);
    }
}
