namespace InteropHub.Core.Audit;

/// <summary>
/// One hub instance's own checkpoint file in the folder instances share: the first of <c>&lt;machine&gt;.jsonl</c>,
/// <c>&lt;machine&gt;-2.jsonl</c>, … whose lock file no running hub holds open. The lock lasts as long as the claim
/// (the checkpoint writer's life) and goes with a killed process, so a restarted instance takes its file back.
/// </summary>
internal sealed class AuditCheckpointClaim : IDisposable
{
    private const int MaxSlots = 100;

    private readonly FileStream _lock;

    private AuditCheckpointClaim(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }

    public static AuditCheckpointClaim Take(string directory)
    {
        Directory.CreateDirectory(directory);
        var machine = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        for (var slot = 1; slot <= MaxSlots; slot++)
        {
            var path = System.IO.Path.Combine(directory, slot == 1 ? $"{machine}.jsonl" : $"{machine}-{slot}.jsonl");
            try
            {
                // FileShare.None is an exclusive lock on every platform .NET runs on (flock on Unix).
                return new AuditCheckpointClaim(path, new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Another running hub holds this one.
            }
        }

        throw new IOException($"Every audit checkpoint file of {machine} in {directory} is held by a running hub; set Hub:Audit:Checkpoints:File for this instance.");
    }

    public void Dispose() => _lock.Dispose();
}
