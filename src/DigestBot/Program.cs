return await DigestBot.Cli.CliApp.RunAsync(args);
