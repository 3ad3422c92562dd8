using InteropHub.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace InteropHub.Core.Audit;

/// <summary>
/// Signs the chain's head into the checkpoint file after every <see cref="AuditCheckpointOptions.EveryRecords"/> records,
/// <see cref="AuditCheckpointOptions.Interval"/> after a record no checkpoint covers yet, and when the hub stops
/// (disposal). A failed write is logged and retried at the next occasion; it never fails the append that caused it.
/// Each hub instance writes its own file: it checkpoints the heads of its own appends, which are heads of the one chain.
/// </summary>
internal sealed partial class AuditCheckpointWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly AuditKey _key;
    private readonly AuditCheckpointOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly AuditCheckpointClaim? _claim;
    private long _headSequence;
    private string _head = AuditHash.Genesis;
    private long _checkpointed;
    private bool _disposed;

    public AuditCheckpointWriter(AuditKey key, string path, AuditCheckpointOptions options, TimeProvider time, ILogger<AuditCheckpointWriter> logger)
        : this(key, path, null, options, time, logger)
    {
    }

    /// <summary>A writer of the file <paramref name="claim"/> holds for this instance; the claim ends with the writer.</summary>
    public AuditCheckpointWriter(AuditKey key, AuditCheckpointClaim claim, AuditCheckpointOptions options, TimeProvider time, ILogger<AuditCheckpointWriter> logger)
        : this(key, claim.Path, claim, options, time, logger)
    {
    }

    private AuditCheckpointWriter(AuditKey key, string path, AuditCheckpointClaim? claim, AuditCheckpointOptions options, TimeProvider time, ILogger<AuditCheckpointWriter> logger)
    {
        _key = key;
        Path = path;
        _claim = claim;
        _options = options;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => Flush(), null, options.Interval, options.Interval);
    }

    public string Path { get; }

    /// <summary>Records that the chain's head is now <paramref name="sequence"/> with MAC <paramref name="head"/>.</summary>
    public void Observe(long sequence, string head)
    {
        lock (_gate)
        {
            if (sequence <= _headSequence)
            {
                return;
            }

            (_headSequence, _head) = (sequence, head);
            if (_headSequence - _checkpointed >= _options.EveryRecords)
            {
                WriteHead();
            }
        }
    }

    /// <summary>Writes a checkpoint of the head if no checkpoint covers it yet.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_headSequence > _checkpointed)
            {
                WriteHead();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        Flush();
        _claim?.Dispose();
    }

    private void WriteHead()
    {
        var checkpoint = AuditCheckpoint.Sign(_key, _headSequence, _head, StoredInstant.Now(_time));
        try
        {
            AuditCheckpointFile.Append(Path, checkpoint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_logger, Path, e.GetType().Name, _headSequence);
            return;
        }

        _checkpointed = _headSequence;
        if (_options.Log)
        {
            LogCheckpoint(_logger, checkpoint.ToJsonLine());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint {Checkpoint}")]
    private static partial void LogCheckpoint(ILogger logger, string checkpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint of record {Sequence} could not be written to {Path} ({Error}); it is tried again at the next checkpoint")]
    private static partial void LogWriteFailed(ILogger logger, string path, string error, long sequence);
}
