using System.ComponentModel.DataAnnotations;

namespace InteropHub.Core.Idempotency;

/// <summary><c>Hub:Idempotency</c>: how long a key and its stored response are remembered, and how long a claim in progress holds the key.</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionPath = "Hub:Idempotency";

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An in-progress claim expires after this, so a request whose process died does not block its key for the whole retention.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(2);
}
