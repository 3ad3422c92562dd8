using System.CommandLine;
using System.Globalization;
using InteropHub.Core.Audit;
using InteropHub.Core.Tenancy;
using InteropHub.Host.Configuration;
using InteropHub.Host.Sandbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace InteropHub.Host.Cli;

/// <summary>
/// <c>audit verify</c>: recomputes the audit trail's keyed chain and holds it against the signed checkpoints kept outside
/// the database. It reads the database read-only: it never creates, migrates or starts anything.
/// </summary>
internal static class AuditCommands
{
    public static Command Audit()
    {
        var database = new Option<string?>("--database") { Description = "The SQLite database file to verify (default: ConnectionStrings:Hub, which may name a PostgreSQL database)." };
        var checkpoints = new Option<string[]>("--checkpoints")
        {
            Description = "A checkpoint file, or a directory of them, to hold the trail against; repeat it for several (default: Hub:Audit:Checkpoints:File, " +
                "else beside the SQLite file, or on PostgreSQL every instance's file in data/audit-checkpoints/).",
        };
        var verify = new Command("verify", "Checks the audit trail with the audit key and its checkpoints: exit 0 when intact; exit 1 naming the first edited, inserted, missing or truncated record, or when there is no trail to check.")
        {
            database, checkpoints,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction(async (parse, cancellationToken) =>
        {
            List<string> args = [.. parse.UnmatchedTokens];
            if (parse.GetValue(database) is { } file)
            {
                args.Add($"--ConnectionStrings:Hub={new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file) }}");
            }

            string[] sources = [.. (parse.GetValue(checkpoints) ?? []).Select(Path.GetFullPath)];
            AuditVerification result;
            try
            {
                result = await VerifyAsync([.. args], sources, cancellationToken);
            }
            catch (AuditTrailUnavailableException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            catch (HubStartupException e)
            {
                // Thrown inside a command's action, these would otherwise reach System.CommandLine's handler (exit 1).
                return await HubCommandLine.RefuseAsync(e.Message);
            }
            catch (OptionsValidationException e)
            {
                return await HubCommandLine.RefuseAsync(e);
            }

            return Report(result);
        });
        var command = new Command("audit", "The append-only, keyed and checkpointed audit trail of registry accesses.");
        command.Subcommands.Add(verify);
        return command;
    }

    /// <summary>The hub's configuration (and in sandbox mode its sandbox key), without building or starting the hub.</summary>
    private static Task<AuditVerification> VerifyAsync(string[] args, IReadOnlyList<string> checkpointSources, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(HubPaths.HostSettings(args)).WithDataRoot(args);
        var contentRoot = HubPaths.DataRoot(builder);
        var loaded = TenantLoader.Load(builder.Configuration, contentRoot);
        if (loaded.Errors.Count > 0)
        {
            throw new HubStartupException("The tenant configuration is not valid:", loaded.Errors);
        }

        if (SandboxMode.IsEnabled(builder.Configuration, loaded.Tenants))
        {
            DemoAudit.UseSandboxKey(builder.Configuration, HubComposition.SandboxKeysDirectory(builder.Configuration, contentRoot), create: false);
        }

        return AuditTrailVerification.VerifyAsync(builder.Configuration, contentRoot, checkpointSources, cancellationToken);
    }

    private static int Report(AuditVerification result)
    {
        var output = Console.Out;
        var checkpointFiles = string.Join(", ", result.CheckpointSources);
        foreach (var file in result.UnreadableCheckpointLines.GroupBy(l => l.File))
        {
            output.WriteLine($"Skipped line(s) {string.Join(", ", file.Select(l => l.Line))} of {file.Key}: not checkpoints (a write cut short by a crash?).");
        }

        if (result.Break is { Kind: AuditBreakKind.BadCheckpoint } badCheckpoint)
        {
            output.WriteLine($"Audit checkpoints BROKEN: {badCheckpoint.Reason}");
            return 1;
        }

        if (result.Break is { } broken)
        {
            output.WriteLine($"Audit trail BROKEN at record {broken.Sequence} ({broken.Kind.ToString().ToLowerInvariant()}): {broken.Reason}");
            output.WriteLine($"{result.RecordsChecked} record(s) checked before the break.");
            return 1;
        }

        if (result.RecordsChecked == 0)
        {
            Console.Error.WriteLine($"The audit trail is empty: the database holds no audit record, and no checkpoint in {checkpointFiles} says it held any.");
            return 1;
        }

        if (result.LastCheckpoint is not { } last)
        {
            output.WriteLine($"Audit trail NOT ANCHORED: {result.RecordsChecked} record(s) chain correctly, but {checkpointFiles} holds no checkpoint, " +
                "so a deletion of the last records (or of all of them) could not be detected.");
            return 1;
        }

        output.WriteLine($"Audit trail intact: {result.RecordsChecked} record(s), every MAC verifies under the audit key and links to the one before.");
        output.WriteLine($"Last checkpoint: record {last.Sequence} at {last.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} (key {last.KeyId}), in {checkpointFiles}.");
        if (result.RecordsChecked > last.Sequence)
        {
            output.WriteLine($"Records {last.Sequence + 1} to {result.RecordsChecked} are newer than the last checkpoint: deleting them would go unnoticed until the next one.");
        }

        if (result.LegacyRecords > 0)
        {
            output.WriteLine($"Records 1 to {result.LegacyRecords} predate the audit key (plain SHA-256): they are vouched for by the keyed record after them.");
        }

        output.WriteLine("Not detectable: a rewrite by someone who holds the audit key.");
        return 0;
    }
}
