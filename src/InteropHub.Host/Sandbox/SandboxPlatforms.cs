using System.Security.Cryptography;
using System.Text.Json;
using InteropHub.Host.Configuration;
using InteropHub.Sandbox;
using InteropHub.Sandbox.Pdnd;

namespace InteropHub.Host.Sandbox;

/// <summary>
/// The platform sandboxes a sandbox-mode hub uses: its own, in-process, or — with <c>Hub:Sandbox:Platforms:*</c> — the
/// standalone ones several instances share, reached through their control endpoints.
/// </summary>
internal sealed record SandboxPlatforms(Uri PdndUrl, Uri AnprUrl, Uri PagoPaUrl, ISandboxPdndRegistry Pdnd, SandboxHost? Host)
{
    public const string Section = "Hub:Sandbox:Platforms";

    public static SandboxPlatforms InProcess(SandboxHost host) =>
        new(host.PdndUrl, host.AnprUrl, host.PagoPaUrl, new InProcessPdndRegistry(host.Pdnd), host);

    /// <summary>The shared sandboxes named in configuration, or null when none is; all three or none, each on loopback.</summary>
    public static SandboxPlatforms? Shared(IConfiguration configuration)
    {
        var names = new[] { "PdndUrl", "AnprUrl", "PagoPaUrl" };
        var values = names.Select(n => configuration[$"{Section}:{n}"]).ToArray();
        if (values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var problems = new List<string>();
        var urls = new Uri[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!Uri.TryCreate(values[i], UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !uri.IsLoopback)
            {
                problems.Add($"{Section}:{names[i]} must be an http URL on loopback (the standalone sandbox's), not '{values[i]}'.");
                continue;
            }

            urls[i] = uri;
        }

        if (problems.Count > 0)
        {
            throw new HubStartupException("The shared sandboxes are not configured right:", problems);
        }

        return new SandboxPlatforms(urls[0], urls[1], urls[2], new HttpPdndRegistry(urls[0]), null);
    }
}

/// <summary>What a comune does in the PDND back office, as the PDND sandbox takes it.</summary>
internal interface ISandboxPdndRegistry
{
    void RegisterClient(Guid clientId, PdndClientKind kind, Guid organizationId);

    /// <summary>Registers the public part of <paramref name="key"/>; returns its kid.</summary>
    string RegisterKey(Guid clientId, RSA key);

    void RegisterPurpose(Guid purposeId, Guid clientId, Guid eserviceId, string audience);

    void SeedSignal(Guid eserviceId, string objectId, string objectType);
}

internal sealed class InProcessPdndRegistry(PdndSandbox sandbox) : ISandboxPdndRegistry
{
    public void RegisterClient(Guid clientId, PdndClientKind kind, Guid organizationId) => sandbox.RegisterClient(clientId, kind, organizationId);

    public string RegisterKey(Guid clientId, RSA key) => sandbox.RegisterKey(clientId, key);

    public void RegisterPurpose(Guid purposeId, Guid clientId, Guid eserviceId, string audience) =>
        sandbox.RegisterPurpose(new PdndPurpose { PurposeId = purposeId, ClientId = clientId, EServiceId = eserviceId, Audiences = [audience] });

    public void SeedSignal(Guid eserviceId, string objectId, string objectType) =>
        sandbox.SeedSignal(eserviceId, PdndSignalType.Update, objectId, objectType);
}

/// <summary>The same registrations through the standalone PDND sandbox's control endpoints; each is idempotent there.</summary>
internal sealed class HttpPdndRegistry(Uri pdndUrl) : ISandboxPdndRegistry
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void RegisterClient(Guid clientId, PdndClientKind kind, Guid organizationId) =>
        Post("__sandbox/pdnd/clients", new { clientId, kind = kind == PdndClientKind.EService ? "e-service" : "api-interop", organizationId });

    public string RegisterKey(Guid clientId, RSA key) =>
        Post($"__sandbox/pdnd/clients/{clientId}/keys", new { pem = key.ExportSubjectPublicKeyInfoPem() }).GetProperty("kid").GetString()
        ?? throw new HubStartupException("The shared PDND sandbox did not answer a kid:", [pdndUrl.ToString()]);

    public void RegisterPurpose(Guid purposeId, Guid clientId, Guid eserviceId, string audience) =>
        Post("__sandbox/pdnd/purposes", new { purposeId, clientId, eserviceId, audiences = new[] { audience } });

    public void SeedSignal(Guid eserviceId, string objectId, string objectType) =>
        Post("__sandbox/pdnd/signals", new { eserviceId, signalType = "UPDATE", objectId, objectType });

    private JsonElement Post(string path, object body)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pdndUrl, path)) { Content = JsonContent.Create(body) };
            using var response = Http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var text = reader.ReadToEnd();
            using var document = text.Length == 0 ? null : JsonDocument.Parse(text);
            var answer = document?.RootElement.Clone() ?? default;
            return response.IsSuccessStatusCode
                ? answer
                : throw new HubStartupException(
                    $"The shared PDND sandbox at {pdndUrl} refused the demo tenants' set-up:", [$"POST /{path} answered {(int)response.StatusCode} {answer}"]);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new HubStartupException(
                $"The shared PDND sandbox at {SandboxPlatforms.Section}:PdndUrl = {pdndUrl} does not answer:", [e.Message, "Start it first: dotnet run --project mocks/InteropHub.Sandbox -- --pdnd-port N --anpr-port N --pagopa-port N"]);
        }
    }
}
