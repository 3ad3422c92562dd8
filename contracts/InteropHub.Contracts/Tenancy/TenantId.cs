using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace InteropHub.Contracts.Tenancy;

/// <summary>A comune's identifier inside the hub: lower-case letters, digits and dashes, 2 to 40 characters.</summary>
public readonly partial record struct TenantId
{
    private readonly string? _value;

    private TenantId(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("Uninitialised TenantId.");

    public static TenantId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a valid tenant id (lower-case letters, digits and '-', 2 to 40 characters).");

    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId id)
    {
        if (value is not null && Pattern().IsMatch(value))
        {
            id = new TenantId(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
