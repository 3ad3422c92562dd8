using System.Text;
using InteropHub.Core.Persistence;

namespace InteropHub.Core.Audit;

/// <summary>The append-only JSON-lines file of checkpoints: where it is, appending one, reading them all.</summary>
internal static class AuditCheckpointFile
{
    private const string Suffix = ".audit-checkpoints.jsonl";

    /// <summary>
    /// <c>Hub:Audit:Checkpoints:File</c> against the content root, else <c>&lt;database name&gt;.audit-checkpoints.jsonl</c>
    /// beside the database file (a database in memory or on PostgreSQL: under <c>data/</c>).
    /// </summary>
    public static string Resolve(AuditCheckpointOptions options, HubDatabaseSettings database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, options.File));
        }

        var file = database.SqliteFile;
        return Path.Combine(database.DataDirectory(contentRoot), (file is null ? "interophub" : Path.GetFileNameWithoutExtension(file)) + Suffix);
    }

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
