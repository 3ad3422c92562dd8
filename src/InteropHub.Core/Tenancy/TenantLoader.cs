using InteropHub.Contracts.Tenancy;
using InteropHub.Contracts.Values;
using InteropHub.Core.ApiKeys;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Tenancy;

/// <summary>
/// Reads the tenants from <c>Hub:Tenants</c> and from one JSON file per tenant in <c>Hub:TenantsFolder</c>, and checks
/// them together (ids are unique across both sources).
/// </summary>
public static class TenantLoader
{
    public const string TenantsSection = "Hub:Tenants";

    public static TenantLoadResult Load(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRoot);
        var errors = new List<string>();
        var sources = new List<(string Where, TenantSettings Tenant)>();

        foreach (var child in configuration.GetSection(TenantsSection).GetChildren())
        {
            Bind(child, child.Path, sources, errors);
        }

        var folder = TenantsFolder.Resolve(configuration, contentRoot);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var where = Path.GetFileName(file);
                ConfigurationRoot root;
                try
                {
                    root = (ConfigurationRoot)new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
                }
                catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
                {
                    errors.Add($"{where}: cannot be read as a JSON object ({e.Message}).");
                    continue;
                }

                using (root)
                {
                    Bind(root, where, sources, errors);
                }
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var keyHashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (where, tenant) in sources)
        {
            Validate(where, tenant, ids, keyHashes, errors);
        }

        return new TenantLoadResult(sources.ConvertAll(s => s.Tenant), errors);
    }

    private static void Bind(IConfiguration section, string where, List<(string, TenantSettings)> sources, List<string> errors)
    {
        try
        {
            // Strict: an unknown key is a typo, and without this the binder silently drops a list entry it cannot convert.
            sources.Add((where, section.Get<TenantSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new TenantSettings()));
        }
        catch (InvalidOperationException e)
        {
            // The binder names the failing setting in an inner exception.
            var messages = new List<string>();
            for (Exception? cause = e; cause is not null; cause = cause.InnerException)
            {
                messages.Add(cause.Message);
            }

            errors.Add($"{where}: {string.Join(" ", messages)}");
        }
    }

    private static void Validate(string where, TenantSettings tenant, Dictionary<string, string> ids, Dictionary<string, string> keyHashes, List<string> errors)
    {
        if (!TenantId.TryParse(tenant.Id, out _))
        {
            errors.Add($"{where}:Id '{tenant.Id}' is not a valid tenant id (lower-case letters, digits and '-', 2 to 40 characters).");
        }
        else if (!ids.TryAdd(tenant.Id, where))
        {
            errors.Add($"{where}:Id '{tenant.Id}' is already used by {ids[tenant.Id]}.");
        }

        if (string.IsNullOrWhiteSpace(tenant.Name))
        {
            errors.Add($"{where}:Name is required.");
        }

        if (!OrganizationFiscalCode.TryParse(tenant.FiscalCode, out _))
        {
            errors.Add($"{where}:FiscalCode is not an 11-digit fiscal code with a valid check digit.");
        }

        for (var i = 0; i < tenant.Scopes.Count; i++)
        {
            if (!Scopes.IsKnown(tenant.Scopes[i]))
            {
                errors.Add($"{where}:Scopes:{i} '{tenant.Scopes[i]}' is not a known scope ({string.Join(", ", Scopes.All)}).");
            }
        }

        for (var i = 0; i < tenant.ApiKeys.Count; i++)
        {
            var key = tenant.ApiKeys[i];
            if (ApiKeyHash.TryParseHex(key.Sha256) is null)
            {
                errors.Add($"{where}:ApiKeys:{i}:Sha256 must be 64 hexadecimal characters (the SHA-256 of the key).");
            }
            else if (!keyHashes.TryAdd(key.Sha256, $"{where}:ApiKeys:{i}"))
            {
                errors.Add($"{where}:ApiKeys:{i}:Sha256 is already declared by {keyHashes[key.Sha256]}.");
            }

            for (var j = 0; j < key.Scopes.Count; j++)
            {
                if (!tenant.Scopes.Contains(key.Scopes[j], StringComparer.Ordinal))
                {
                    errors.Add($"{where}:ApiKeys:{i}:Scopes:{j} '{key.Scopes[j]}' is not among the tenant's scopes.");
                }
            }
        }

        if (tenant.PagoPa.SegregationCode is { } segregation && (segregation.Length != 2 || !segregation.All(char.IsAsciiDigit)))
        {
            errors.Add($"{where}:PagoPa:SegregationCode must be exactly 2 digits.");
        }

        for (var i = 0; i < tenant.PagoPa.Ibans.Count; i++)
        {
            if (!IbanCheck.IsValid(tenant.PagoPa.Ibans[i]))
            {
                errors.Add($"{where}:PagoPa:Ibans:{i} is not a valid IBAN (ISO 13616: upper-case, no spaces, check digits).");
            }
        }
    }
}
