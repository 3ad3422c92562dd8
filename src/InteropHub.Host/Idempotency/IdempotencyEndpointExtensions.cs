namespace InteropHub.Host.Idempotency;

/// <summary>Marks a creating endpoint: it requires <c>Idempotency-Key</c> and its answers are stored and replayed.</summary>
internal static class IdempotencyEndpointExtensions
{
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(IdempotentEndpoint.Instance)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

internal sealed class IdempotentEndpoint
{
    public static IdempotentEndpoint Instance { get; } = new();
}
