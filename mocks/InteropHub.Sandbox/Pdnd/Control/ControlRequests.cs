using System.Text.Json;
using System.Text.Json.Serialization;

namespace InteropHub.Sandbox.Pdnd;

/// <summary>The JSON bodies of the control endpoints; every field is optional here so a missing one gets a 400 that names it.</summary>
internal static class ControlRequests
{
    public static T Required<T>(T? value, string name)
        where T : struct =>
        value ?? throw new ArgumentException($"{name} is required.");

    public static T Required<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentException($"{name} is required.");
}

internal sealed record ClientRegistration(Guid? ClientId, PdndClientKind? Kind, Guid? OrganizationId);

internal sealed record KeyRegistration(string? Pem, JsonElement? Jwk);

internal sealed record PurposeRegistration(
    Guid? PurposeId,
    Guid? ClientId,
    [property: JsonPropertyName("eserviceId")] Guid? EServiceId,
    IReadOnlyList<string>? Audiences,
    int? VoucherLifespanSeconds,
    PdndState? State,
    PdndState? AgreementState,
    [property: JsonPropertyName("eserviceState")] PdndState? EServiceState,
    Guid? DescriptorId,
    Guid? ProducerId);

internal sealed record RateLimitSetting(int? MaxRequests, long? IntervalMs);

internal sealed record FaultsSetting(long? LatencyMs, double? ErrorRatio);

internal sealed record SignalSeed(
    [property: JsonPropertyName("eserviceId")] Guid? EServiceId, PdndSignalType? SignalType, string? ObjectId, string? ObjectType);
