using System.CommandLine;
using InteropHub.Contracts.Tenancy;
using InteropHub.Core.ApiKeys;
using InteropHub.Core.Persistence;
using InteropHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Cli;

/// <summary>
/// <c>interophub</c>: <c>serve</c> (the default), <c>sandbox</c>, <c>apikey create</c>, <c>tenants list</c>,
/// <c>keys generate</c>, <c>doctor</c>, <c>audit verify</c>.
/// Arguments the commands do not know (<c>--urls</c>, <c>--Section:Key=value</c>) go to the host's configuration.
/// </summary>
internal static class HubCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            // No command, or host arguments first: serve. This is also how test hosts start the entry point.
            if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version")))
            {
                return await HubApplication.RunAsync(args);
            }

            // Without the library's own handler a refused configuration reaches the catches below (exit 2, not 1).
            return await Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (HubStartupException e)
        {
            return await RefuseAsync(e.Message);
        }
        catch (OptionsValidationException e)
        {
            return await RefuseAsync(e);
        }
        catch (HubDatabaseException e)
        {
            return await RefuseAsync(e.Message);
        }
    }

    /// <summary>Prints a configuration the hub refuses, each problem on its line, and gives the exit code for it (2).</summary>
    internal static Task<int> RefuseAsync(OptionsValidationException e) =>
        RefuseAsync("The configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, e.Failures.Select(f => "  - " + f)));

    internal static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }

    internal static RootCommand Build()
    {
        var root = new RootCommand(
            "InteropHub: one tenant-aware API in front of PDND, ANPR and pagoPA for the comuni, plus the scheduled jobs that keep them reconciled.\n" +
            "Without a command it serves (API + worker). Host settings pass through: --urls http://127.0.0.1:5080, --ConnectionStrings:Hub=\"Data Source=data/hub.db\", --Hub:Sandbox:Enabled=true.");
        root.Subcommands.Add(Serve());
        root.Subcommands.Add(SandboxCommand());
        root.Subcommands.Add(ApiKey());
        root.Subcommands.Add(Tenants());
        root.Subcommands.Add(PdndCommands.Keys());
        root.Subcommands.Add(PdndCommands.Doctor());
        root.Subcommands.Add(AuditCommands.Audit());
        return root;
    }

    private static Command Serve()
    {
        var command = new Command("serve", "Runs the hub: HTTP API and scheduled jobs (the default). Sandbox mode when no tenant is configured.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, _) => HubApplication.RunAsync([.. parse.UnmatchedTokens]));
        return command;
    }

    private static Command SandboxCommand()
    {
        var command = new Command("sandbox", "Runs the hub in sandbox mode even if tenants are configured: in-process platform sandboxes, demo tenants demo-a and demo-b.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, _) => HubApplication.RunAsync([.. parse.UnmatchedTokens, "--Hub:Sandbox:Enabled=true"]));
        return command;
    }

    private static Command ApiKey()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant id (see 'interophub tenants list').", Required = true };
        // One value per --scopes (comma separated, or the option repeated): several values per token would swallow host settings that follow.
        var scopes = new Option<string[]>("--scopes")
        {
            Description = $"Scopes the key carries, comma separated or the option repeated: {string.Join(", ", Scopes.All)}.",
            Required = true,
        };
        var label = new Option<string?>("--label") { Description = "A note to recognise the key by (who uses it)." };
        var create = new Command("create", "Issues a new API key for a tenant. The key is printed once; only its SHA-256 is stored.")
        {
            tenant, scopes, label,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (parse, cancellationToken) =>
        {
            if (!TenantId.TryParse(parse.GetValue(tenant), out var tenantId))
            {
                await Console.Error.WriteLineAsync($"'{parse.GetValue(tenant)}' is not a valid tenant id.");
                return 2;
            }

            var requested = (parse.GetValue(scopes) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
            var unknown = requested.Where(s => !Scopes.IsKnown(s)).ToList();
            if (requested.Count == 0 || unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Unknown scope(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Scopes.All)}.");
                return 2;
            }

            await using var host = await CliHost.StartAsync([.. parse.UnmatchedTokens], cancellationToken);
            var settings = host.Tenants.FirstOrDefault(t => t.Id == tenantId.Value);
            if (settings is null)
            {
                await Console.Error.WriteLineAsync($"No tenant '{tenantId}' is configured. Configured: {string.Join(", ", host.Tenants.Select(t => t.Id))}.");
                return 2;
            }

            var beyond = requested.Except(settings.Scopes).ToList();
            if (beyond.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Tenant '{tenantId}' may not hold: {string.Join(", ", beyond)} (its scopes: {string.Join(", ", settings.Scopes)}).");
                return 2;
            }

            var issued = await host.Services.GetRequiredService<IApiKeyStore>().CreateAsync(tenantId, requested, parse.GetValue(label), cancellationToken);
            Console.Out.WriteLine($"API key for tenant {issued.Tenant} (id {issued.KeyId}, scopes {string.Join(" ", issued.Scopes)}):");
            Console.Out.WriteLine(issued.Plaintext);
            Console.Out.WriteLine("Store it now: the hub keeps only its SHA-256 and cannot show it again.");
            return 0;
        });
        var command = new Command("apikey", "Manage tenants' API keys.");
        command.Subcommands.Add(create);
        return command;
    }

    private static Command Tenants()
    {
        var list = new Command("list", "Lists the tenants this configuration serves (sandbox mode adds demo-a and demo-b).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await CliHost.StartAsync([.. parse.UnmatchedTokens], cancellationToken);
            if (host.Sandbox)
            {
                Console.Out.WriteLine("(sandbox mode: no tenant is configured, so the demo tenants are served)");
            }

            Console.Out.WriteLine($"{"ID",-20} {"FISCAL CODE",-12} {"NAME",-32} SCOPES");
            foreach (var t in host.Tenants.OrderBy(t => t.Id, StringComparer.Ordinal))
            {
                Console.Out.WriteLine($"{t.Id,-20} {t.FiscalCode,-12} {t.Name,-32} {string.Join(" ", t.Scopes)}");
            }

            return 0;
        });
        var command = new Command("tenants", "Inspect the configured tenants.");
        command.Subcommands.Add(list);
        return command;
    }
}
