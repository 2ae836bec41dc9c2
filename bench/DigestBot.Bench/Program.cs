// The app runs in this process: the same native allocator setting as its own entry point.
DigestBot.Runtime.NativeHeap.LimitArenas();
return await DigestBot.Bench.BenchProgram.RunAsync(args, Console.Out);
