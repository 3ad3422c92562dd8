namespace InteropHub.Core.Idempotency;

internal enum IdempotencyState
{
    InProgress,
    Completed,
}
