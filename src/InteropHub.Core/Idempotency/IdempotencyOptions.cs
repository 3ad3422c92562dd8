using System.ComponentModel.DataAnnotations;

namespace InteropHub.Core.Idempotency;

/// <summary><c>Hub:Idempotency</c>: how long a key and its stored response are remembered.</summary>
internal sealed class IdempotencyOptions
{
    public const string SectionPath = "Hub:Idempotency";

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
