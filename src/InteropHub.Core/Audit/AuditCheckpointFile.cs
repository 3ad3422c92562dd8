using System.Text;
using InteropHub.Core.Persistence;

namespace InteropHub.Core.Audit;

/// <summary>The append-only JSON-lines file of checkpoints: where it is, appending one, reading them all.</summary>
internal static class AuditCheckpointFile
{
    private const string Suffix = ".audit-checkpoints.jsonl";
    private const string Extension = ".jsonl";

    /// <summary>
    /// The one file every writer of this database uses: <c>Hub:Audit:Checkpoints:File</c> against the content root, else
    /// <c>&lt;database name&gt;.audit-checkpoints.jsonl</c> beside the SQLite file (in memory: under <c>data/</c>). Null on
    /// PostgreSQL without the setting: several instances share the database, so each claims a file of its own in
    /// <see cref="InstanceDirectory"/>.
    /// </summary>
    public static string? Configured(AuditCheckpointOptions options, HubDatabaseSettings database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, options.File));
        }

        if (database.Provider == HubDatabaseProvider.PostgreSql)
        {
            return null;
        }

        var file = database.SqliteFile;
        return Path.Combine(database.DataDirectory(contentRoot), (file is null ? "interophub" : Path.GetFileNameWithoutExtension(file)) + Suffix);
    }

    /// <summary>Where instances on PostgreSQL keep their own checkpoint files by default: <c>data/audit-checkpoints/</c>.</summary>
    public static string InstanceDirectory(HubDatabaseSettings database, string contentRoot) =>
        Path.Combine(database.DataDirectory(contentRoot), "audit-checkpoints");

    /// <summary>What a verification reads unless told otherwise: the configured file, else every instance's file.</summary>
    public static IReadOnlyList<string> DefaultSources(AuditCheckpointOptions options, HubDatabaseSettings database, string contentRoot) =>
        [Configured(options, database, contentRoot) ?? InstanceDirectory(database, contentRoot)];

    /// <summary>The files behind <paramref name="sources"/>: a file as it is (present or not), a directory as its <c>*.jsonl</c> files.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> sources) =>
        [.. sources.SelectMany<string, string>(source => Directory.Exists(source)
            ? Directory.GetFiles(source, "*" + Extension).Order(StringComparer.Ordinal)
            : [source]).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Appends one line, without fsync: a checkpoint lost to a power cut is replaced by the next one. A line a crash cut
    /// short is ended first, so it stays a line of its own (which <see cref="Read"/> then reports).
    /// </summary>
    public static void Append(string path, AuditCheckpoint checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var line = checkpoint.ToJsonLine() + "\n";
        if (EndsUnterminated(file))
        {
            line = "\n" + line;
        }

        file.Seek(0, SeekOrigin.End);
        file.Write(Encoding.UTF8.GetBytes(line));
    }

    /// <summary>
    /// Every checkpoint in the file (none when it does not exist), and the numbers of lines that are not one. A last line
    /// without its newline is being written (or was cut by a crash) and is left out.
    /// </summary>
    public static (IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<int> UnreadableLines) Read(string path)
    {
        if (!File.Exists(path))
        {
            return ([], []);
        }

        string text;
        using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        // Whatever follows the last newline is not a finished line.
        var lines = text.Split('\n')[..^1];

        var checkpoints = new List<AuditCheckpoint>();
        var unreadable = new List<int>();
        var number = 0;
        foreach (var line in lines)
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

    private static bool EndsUnterminated(FileStream file)
    {
        if (file.Length == 0)
        {
            return false;
        }

        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() != '\n';
    }
}
