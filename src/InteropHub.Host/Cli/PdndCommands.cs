using System.CommandLine;
using InteropHub.Adapters.Pdnd.Doctor;
using InteropHub.Adapters.Pdnd.Keys;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.Tenancy;
using InteropHub.Host.Configuration;

namespace InteropHub.Host.Cli;

/// <summary><c>keys generate</c> and <c>doctor</c>: setting a comune up on PDND and checking the set-up.</summary>
internal static class PdndCommands
{
    public static Command Keys()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant the key is for.", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the private key (default: <tenants folder>/keys/<tenant>-<UTC time>.pem)." };
        var generate = new Command("generate", "Writes a new RSA-2048 private key (mode 0600) and prints the public key to upload to PDND, its JWK and the kid PDND will compute.")
        {
            tenant, output,
        };
        generate.TreatUnmatchedTokensAsErrors = false;
        generate.SetAction(async (parse, _) =>
        {
            if (!TenantId.TryParse(parse.GetValue(tenant), out var tenantId))
            {
                await Console.Error.WriteLineAsync($"'{parse.GetValue(tenant)}' is not a valid tenant id.");
                return 2;
            }

            string[] hostArgs = [.. parse.UnmatchedTokens];
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(HubPaths.HostSettings(hostArgs)).WithDataRoot(hostArgs);
            var path = parse.GetValue(output) ?? Path.Combine(
                TenantsFolder.Resolve(builder.Configuration, HubPaths.DataRoot(builder)),
                "keys",
                $"{tenantId}-{DateTime.UtcNow:yyyyMMddHHmmss}.pem");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            GeneratedKey key;
            try
            {
                key = PdndKeyTool.Generate(path);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Cannot write {path}: {e.Message}");
                return 2;
            }

            Console.Out.WriteLine($"Private key written to {key.PrivateKeyPath} (readable by its owner only). Keep it secret; never commit it.");
            Console.Out.WriteLine();
            Console.Out.WriteLine("Public key to upload in the PDND back office (client → keys → add):");
            Console.Out.WriteLine(key.PublicKeyPem);
            Console.Out.WriteLine("JWK:");
            Console.Out.WriteLine(key.PublicJwk);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"kid PDND will show for it: {key.Kid}");
            Console.Out.WriteLine("Tenant configuration:");
            Console.Out.WriteLine($"  \"Pdnd\": {{ \"Keys\": [ {{ \"Kid\": \"{key.Kid}\", \"PrivateKey\": {{ \"File\": \"{key.PrivateKeyPath}\" }}, \"Active\": true }} ] }}");
            return 0;
        });
        var command = new Command("keys", "PDND signing keys.");
        command.Subcommands.Add(generate);
        return command;
    }

    public static Command Doctor()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant to check.", Required = true };
        var command = new Command("doctor", "Checks a tenant's PDND/ModI set-up: key ↔ kid, the audience of every enabled e-service (PDND's and ANPR's) against the known mistakes, clock skew against the token endpoint, a real token request per purpose whose voucher must carry that audience (with the reason when refused).")
        {
            tenant,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TenantId.TryParse(parse.GetValue(tenant), out var tenantId))
            {
                await Console.Error.WriteLineAsync($"'{parse.GetValue(tenant)}' is not a valid tenant id.");
                return 2;
            }

            await using var host = await CliHost.StartAsync([.. parse.UnmatchedTokens], cancellationToken);
            if (host.Tenants.All(t => t.Id != tenantId.Value))
            {
                await Console.Error.WriteLineAsync($"No tenant '{tenantId}' is configured. Configured: {string.Join(", ", host.Tenants.Select(t => t.Id))}.");
                return 2;
            }

            if (host.Services.GetService<PdndDoctor>() is not { } doctor)
            {
                await Console.Error.WriteLineAsync("The PDND adapter is not enabled (Adapters:Pdnd:Enabled).");
                return 2;
            }

            var checks = await doctor.RunAsync(tenantId, cancellationToken);
            Console.Out.WriteLine($"PDND set-up of {tenantId}{(host.Sandbox ? " (sandbox mode)" : "")}:");
            foreach (var check in checks)
            {
                Console.Out.WriteLine($"  [{Label(check.Verdict)}] {check.Name}: {check.Detail}");
            }

            var failed = checks.Count(c => c.Verdict == DoctorVerdict.Fail);
            Console.Out.WriteLine(failed == 0 ? "Verdict: ready." : $"Verdict: {failed} check(s) failed.");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Label(DoctorVerdict verdict) => verdict switch
    {
        DoctorVerdict.Pass => " ok ",
        DoctorVerdict.Warn => "warn",
        _ => "FAIL",
    };
}
