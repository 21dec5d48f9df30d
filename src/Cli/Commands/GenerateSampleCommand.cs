using System.CommandLine;
using SyntheticData.Cli.Samples;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>Builds the <c>generate-sample</c> command.</summary>
internal static class GenerateSampleCommand
{
    public static Command Create()
    {
        var rows = new Option<long>("--rows") { Description = "Number of transactions to write.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write; gzip-compressed when the name ends in .gz.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file.", DefaultValueFactory = _ => 42 };
        var perCustomer = new Option<int>("--transactions-per-customer")
        {
            Description = "Average transactions per customer; the file has rows divided by this many customers.",
            DefaultValueFactory = _ => CardTransactionGenerator.DefaultTransactionsPerCustomer,
        };

        var command = new Command("generate-sample", "Write an invented raw card-transaction extract with names, addresses, e-mails, phones, card numbers, IBANs and dates of birth.")
        {
            rows, output, seed, perCustomer,
        };
        command.SetAction(parseResult =>
        {
            long count = parseResult.GetValue(rows);
            if (count < 0)
            {
                Console.Error.WriteLine("--rows must be 0 or more.");
                return ExitCodes.Usage;
            }

            FileInfo file = parseResult.GetValue(output)!;
            if (PathChecks.Output(file.FullName) is { } outputProblem)
            {
                Console.Error.WriteLine(outputProblem);
                return ExitCodes.Usage;
            }

            int transactionsPerCustomer = parseResult.GetValue(perCustomer);
            if (transactionsPerCustomer < 1)
            {
                Console.Error.WriteLine("--transactions-per-customer must be at least 1.");
                return ExitCodes.Usage;
            }

            var generator = new CardTransactionGenerator(parseResult.GetValue(seed), transactionsPerCustomer: transactionsPerCustomer);
            using var writer = new CsvRecordWriter(file.FullName, CardTransactionGenerator.Header);
            foreach (string[] record in generator.Generate(count))
            {
                writer.WriteRecord(record);
            }

            writer.Commit();
            Console.WriteLine($"Wrote {count} transactions to {file.FullName}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
