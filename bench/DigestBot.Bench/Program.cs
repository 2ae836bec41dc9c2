return await DigestBot.Bench.BenchProgram.RunAsync(args, Console.Out);
