using System.Reflection;
using BenchmarkDotNet.Running;
using SyntheticData.Benchmarks;

// Scenarios are found by reflection, so each area adds its own file without touching this one.
IScenario[] scenarios = typeof(IScenario).Assembly.GetTypes()
    .Where(type => typeof(IScenario).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
    .Select(type => (IScenario)Activator.CreateInstance(type)!)
    .OrderBy(scenario => scenario.Name, StringComparer.Ordinal)
    .ToArray();

if (args.Length > 0 && scenarios.FirstOrDefault(s => s.Name == args[0]) is { } chosen)
{
    return chosen.Run(args[1..]);
}

if (args.Length == 0 || args[0] is "--help" or "-h")
{
    Console.WriteLine("Usage: dotnet run -c Release --project bench/Benchmarks -- <scenario> [options]");
    Console.WriteLine("       dotnet run -c Release --project bench/Benchmarks -- --filter <BenchmarkDotNet filter>");
    Console.WriteLine();
    Console.WriteLine("Scenarios:");
    foreach (IScenario scenario in scenarios)
    {
        Console.WriteLine($"  {scenario.Name,-28} {scenario.Description}");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
return 0;
