using System.Globalization;
using InteropHub.Benchmarks;

// Usage (Release build):
//   dotnet run -c Release --project tests/InteropHub.Benchmarks -- [match] [payments] [flows] [baselineLines] [--provider sqlite|postgresql]
//   dotnet run -c Release --project tests/InteropHub.Benchmarks -- push [payments] [--provider sqlite|postgresql]
//   dotnet run -c Release --project tests/InteropHub.Benchmarks -- singles [payments] [callers] [--provider sqlite|postgresql]
var provider = "sqlite";
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--provider" && i + 1 < args.Length)
    {
        provider = args[++i];
    }
    else
    {
        rest.Add(args[i]);
    }
}

var mode = rest.Count > 0 && !char.IsDigit(rest[0][0]) ? rest[0] : "match";
var numbers = rest.Where(a => char.IsDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
int Number(int index, int otherwise) => numbers.Count > index ? numbers[index] : otherwise;
switch (mode)
{
    case "match":
        await MatchBenchmark.RunAsync(provider, Number(0, 1_000_000), Number(1, 100), Number(2, 10_000), Console.Out, CancellationToken.None);
        break;
    case "push":
        await BulkPushBenchmark.RunAsync(provider, Number(0, 20_000), Console.Out, CancellationToken.None);
        break;
    case "singles":
        await SinglesBenchmark.RunAsync(provider, Number(0, 300), Number(1, 16), Console.Out, CancellationToken.None);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{mode}': match, push or singles.");
        return 2;
}

return 0;
