using System.CommandLine;
using InteropHub.Core.Audit;

namespace InteropHub.Host.Cli;

/// <summary><c>audit verify</c>: re-computes the audit trail's hash chain and names the first record that breaks it.</summary>
internal static class AuditCommands
{
    public static Command Audit()
    {
        var verify = new Command("verify", "Checks the audit trail's hash chain: exit 0 when intact; exit 1 naming the first edited, inserted or missing record.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await CliHost.StartAsync([.. parse.UnmatchedTokens], cancellationToken);
            var result = await host.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
            if (result.Break is { } broken)
            {
                Console.Out.WriteLine($"Audit trail BROKEN at record {broken.Sequence} ({broken.Kind.ToString().ToLowerInvariant()}): {broken.Reason}");
                Console.Out.WriteLine($"{result.RecordsChecked} record(s) checked before the break.");
                return 1;
            }

            Console.Out.WriteLine($"Audit trail intact: {result.RecordsChecked} record(s), every hash links to the one before.");
            return 0;
        });
        var command = new Command("audit", "The append-only, hash-chained audit trail of registry accesses.");
        command.Subcommands.Add(verify);
        return command;
    }
}
