namespace DigestBot.Hosting;

/// <summary>
/// Starting the worker allocates several megabytes that are garbage once it runs (configuration binding, options
/// validation, the migration, the scheduler's set-up), and with a gen0 budget of 8 MB nothing collects them until the
/// first digest: the heap stays committed that large for as long as the worker idles. One compacting collection after
/// start-up returns it to the operating system.
/// </summary>
internal static class StartupGarbage
{
    // A few seconds after start: the hosted services started with the host take their first steps (the schedule, the
    // first polls) meanwhile, and their garbage goes too.
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);

    public static void ReleaseSoon() =>
        _ = Task.Delay(Delay).ContinueWith(
            _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), TaskScheduler.Default);
}
