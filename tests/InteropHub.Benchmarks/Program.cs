using InteropHub.Benchmarks;

// Usage: dotnet run -c Release --project tests/InteropHub.Benchmarks -- [payments] [flows] [baselineLines]
var payments = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var flows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
var baselineLines = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
await MatchBenchmark.RunAsync(payments, flows, baselineLines, Console.Out, CancellationToken.None);
