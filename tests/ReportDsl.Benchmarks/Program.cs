using BenchmarkDotNet.Running;

namespace ReportDsl.Benchmarks;

/// <summary>Runs the benchmarks: dotnet run -c Release --project tests/ReportDsl.Benchmarks -- --filter '*'.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
