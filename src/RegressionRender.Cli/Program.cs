using RegressionRender.Cli;

return await CommandLine.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsErrorRedirected, CancellationToken.None);
